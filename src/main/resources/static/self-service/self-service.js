// Drivecare self-service: a customer's reservations and vehicles, opened with the personal token
// from the link in his messages (in the URL fragment, which never reaches a server log).
(function () {
  'use strict';
  const fr = (navigator.language || 'en').toLowerCase().startsWith('fr');
  const T = fr ? {
    title: 'Votre dossier', reservations: 'Vos réservations', vehicles: 'Vos véhicules',
    noToken: 'Ouvrez cette page depuis le lien reçu dans nos messages.', expired: 'Ce lien n\'est plus valide. Demandez-en un nouveau à votre interlocuteur.',
    cancel: 'Annuler cette réservation', reason: 'Pourquoi ? (facultatif)', confirm: 'Confirmer l\'annulation maintenant',
    keep: 'Garder ma réservation', owner: 'Votre interlocuteur', done: 'C\'est noté.', failed: 'Cela n\'a pas fonctionné : ',
    history: 'Historique', status: {ACTIVE: 'active', CANCELLATION_REQUESTED: 'annulation demandée', CANCELLED: 'annulée', DELIVERED: 'livrée'}
  } : {
    title: 'Your file with us', reservations: 'Your reservations', vehicles: 'Your vehicles',
    noToken: 'Please open this page from the link in our messages.', expired: 'This link is no longer valid. Ask your contact person for a new one.',
    cancel: 'Cancel this reservation', reason: 'Why? (optional)', confirm: 'Confirm the cancellation now',
    keep: 'Keep my reservation', owner: 'Your contact', done: 'Done — thank you.', failed: 'That did not work: ',
    history: 'History', status: {ACTIVE: 'active', CANCELLATION_REQUESTED: 'cancellation requested', CANCELLED: 'cancelled', DELIVERED: 'delivered'}
  };
  document.documentElement.lang = fr ? 'fr' : 'en';
  document.querySelectorAll('[data-t]').forEach(el => { el.textContent = T[el.dataset.t]; });

  const params = new URLSearchParams(location.hash.slice(1));
  const message = document.getElementById('message');
  if (params.get('survey')) {
    survey(params.get('survey'));
    return;
  }
  if (params.get('token')) {
    sessionStorage.setItem('drivecare-token', params.get('token'));
    history.replaceState(null, '', location.pathname);
  }
  const token = sessionStorage.getItem('drivecare-token');
  if (!token) { message.textContent = T.noToken; return; }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method, headers: Object.assign({'Authorization': 'Bearer ' + token},
        body ? {'Content-Type': 'application/json'} : {}), body: body ? JSON.stringify(body) : undefined
    });
    if (response.status === 401) { message.textContent = T.expired; throw new Error('401'); }
    const data = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
    if (!response.ok) { throw new Error((data && (data.detail || data.title)) || response.status); }
    return data;
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function action(label, cls, run) {
    const b = el('button', label, cls);
    b.addEventListener('click', async () => {
      b.disabled = true;
      try { await run(); message.textContent = T.done; setTimeout(load, 800); }
      catch (e) { message.textContent = T.failed + e.message; b.disabled = false; }
    });
    return b;
  }

  async function reservationCard(r) {
    const card = el('div', undefined, 'card');
    card.append(el('h3', r.model + ' — ' + r.number));
    card.append(el('p', (T.status[r.status] || r.status), 'status'));
    const base = '/api/reservations/' + encodeURIComponent(r.number) + '/cancellation';
    if (r.status === 'ACTIVE') {
      const reason = el('textarea'); reason.placeholder = T.reason; reason.maxLength = 1000;
      card.append(reason, action(T.cancel, '', () => api('POST', base, {reason: reason.value})));
    } else if (r.status === 'CANCELLATION_REQUESTED') {
      const c = await api('GET', base);
      if (c.caseOwner) {
        card.append(el('p', T.owner + ' : ' + c.caseOwner.name + (c.caseOwner.phone ? ' · ' + c.caseOwner.phone : '')));
      }
      card.append(action(T.keep, 'primary', () => api('POST', base + '/withdraw')),
                  action(T.confirm, '', () => api('POST', base + '/confirm')));
    }
    try {
      const timeline = await api('GET', '/api/cases/' + encodeURIComponent(r.number) + '/timeline');
      const list = el('ol', undefined, 'timeline');
      timeline.forEach(e => list.append(el('li', new Date(e.occurredAt).toLocaleString() + ' · ' + e.channel + ' · ' + e.outcome)));
      card.append(el('h4', T.history), list);
    } catch (e) { /* no case yet */ }
    return card;
  }

  async function load() {
    const [reservations, vehicles] = await Promise.all([api('GET', '/api/reservations'), api('GET', '/api/vehicles')]);
    const list = document.getElementById('reservation-list');
    list.replaceChildren(...await Promise.all(reservations.map(reservationCard)));
    document.getElementById('reservations').hidden = reservations.length === 0;
    document.getElementById('vehicle-list').replaceChildren(...vehicles.map(v =>
      el('li', v.model + ' ' + v.modelYear + (v.plate ? ' · ' + v.plate : '') + ' · VIN ' + v.vin)));
    document.getElementById('vehicles').hidden = vehicles.length === 0;
  }
  load().catch(e => { if (e.message !== '401') { message.textContent = T.failed + e.message; } });

  /** The satisfaction survey after a recall repair: the token in the link is all it needs. */
  function survey(surveyToken) {
    history.replaceState(null, '', location.pathname);
    document.querySelector('h1').textContent = fr ? 'Votre avis' : 'How did it go?';
    const card = el('div', undefined, 'card');
    const score = document.createElement('select');
    for (let i = 5; i >= 1; i--) {
      const o = el('option', i + ' / 5'); o.value = i; score.append(o);
    }
    const comment = el('textarea'); comment.maxLength = 2000;
    comment.placeholder = fr ? 'Un commentaire ? (facultatif)' : 'Anything to add? (optional)';
    const send = el('button', fr ? 'Envoyer' : 'Send', 'primary');
    send.addEventListener('click', async () => {
      send.disabled = true;
      const response = await fetch('/api/surveys/' + encodeURIComponent(surveyToken), {
        method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({score: Number(score.value), comment: comment.value})
      });
      if (response.ok) {
        card.replaceChildren(el('p', fr ? 'Merci pour votre réponse.' : 'Thank you for your answer.'));
      } else {
        const problem = await response.json().catch(() => ({}));
        message.textContent = T.failed + (problem.detail || response.status);
        send.disabled = false;
      }
    });
    card.append(el('p', fr ? 'Êtes-vous satisfait de la réparation ?' : 'How satisfied are you with the repair?'),
      score, comment, send);
    document.querySelector('main').append(card);
  }
})();
