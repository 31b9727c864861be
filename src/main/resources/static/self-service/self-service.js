// Drivecare self-service: the page every link in our messages opens. The personal token travels in
// the URL fragment (never sent to a server, never in its logs) and is kept for this tab only. Views:
// home (the whole file), reservation, case (service case), recall, survey, lookup ("is my car
// affected?"). Every text comes from the page's message bundle, in the customer's own language.
(function () {
  'use strict';

  const TOKEN = 'drivecare-token';
  const SURVEY = 'drivecare-survey';
  const LANG = 'drivecare-lang';
  const DAYS_SHOWN = 14;
  const view = document.getElementById('view');
  const notice = document.getElementById('notice');
  const state = { token: null, lang: 'en', texts: {}, me: null, zone: undefined, surveyLanguage: null };

  // ---------------------------------------------------------------------------------------------
  // helpers

  function t(key, values) {
    let text = Object.prototype.hasOwnProperty.call(state.texts, key) ? state.texts[key] : key;
    Object.entries(values || {}).forEach(([k, v]) => { text = text.split('{' + k + '}').join(v == null ? '' : String(v)); });
    return text;
  }

  /** t(), as nodes: a value given as an element (a title in another language, marked lang) stays one. */
  function tn(key, values) {
    const nodes = [t(key, Object.fromEntries(Object.entries(values || {}).filter(([, v]) => !(v instanceof Node))))];
    Object.entries(values || {}).filter(([, v]) => v instanceof Node).forEach(([k, v]) => {
      const marker = '{' + k + '}';
      nodes.splice(0, nodes.length, ...nodes.flatMap(n => typeof n !== 'string' || !n.includes(marker) ? [n]
        : n.split(marker).flatMap((part, i) => i === 0 ? [part] : [v.cloneNode(true), part])));
    });
    return nodes.filter(n => n !== '');
  }

  /** The language of a text from the server when it is not the page's (to mark it lang=…), else null. */
  function otherLanguage(language) { return language && language !== state.lang ? language : null; }

  function has(key) { return Object.prototype.hasOwnProperty.call(state.texts, key); }

  /** h('p', {class: 'x'}, 'text', child, [children]) */
  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) { return; }
      if (k === 'class') { e.className = v; } else if (k === 'on') { Object.entries(v).forEach(([ev, f]) => e.addEventListener(ev, f)); } else if (k === 'text') { e.textContent = v; } else { e.setAttribute(k, v === true ? '' : v); }
    });
    children.flat(Infinity).forEach(c => { if (c !== null && c !== undefined && c !== false) { e.append(c instanceof Node ? c : String(c)); } });
    return e;
  }

  let ids = 0;
  function id(prefix) { ids += 1; return prefix + '-' + ids; }

  function locale() {
    const browser = navigator.language || '';
    return browser.toLowerCase().startsWith(state.lang) ? browser : (state.lang === 'fr' ? 'fr-FR' : 'en-GB');
  }

  function dateTime(iso) {
    if (!iso) { return ''; }
    const d = new Date(iso);
    const date = new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: state.zone }).format(d);
    const time = new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone: state.zone }).format(d);
    return t('common.when', { date, time });
  }

  function day(localDate, short) {
    const [y, m, d] = localDate.split('-').map(Number);
    const options = short ? { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }
      : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(locale(), options).format(new Date(Date.UTC(y, m - 1, d)));
  }

  function money(amount, currency) {
    try { return new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(Number(amount)); } catch (e) { return amount + ' ' + currency; }
  }

  function say(text, error) {
    notice.className = error ? 'error' : '';
    notice.textContent = text || '';
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || String(status));
      this.status = status;
      this.problem = problem || {};
    }
  }

  async function api(method, path, body, anonymous) {
    const headers = {};
    if (!anonymous && state.token) { headers.Authorization = 'Bearer ' + state.token; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json() : null;
    if (!response.ok) { throw new ApiError(response.status, data); }
    return data;
  }

  function problemText(e) {
    if (e instanceof ApiError && e.problem) {
      const errors = (e.problem.errors || []).map(f => f.field + ' ' + f.message).join('; ');
      return t('common.failed', { detail: errors || e.message });
    }
    return t('common.try-again');
  }

  /** A button that runs an action once at a time. */
  function action(label, cls, run) {
    const b = h('button', { type: 'button', class: cls });
    b.textContent = label;
    b.addEventListener('click', async () => {
      b.disabled = true;
      try { await run(b); } catch (e) { handleActionError(e); } finally { b.disabled = false; }
    });
    return b;
  }

  function handleActionError(e) {
    if (e instanceof ApiError && e.status === 401) { linkProblem('expired'); return; }
    say(problemText(e), true);
    notice.focus();
  }

  function heading(text) {
    const h1 = h('h1', { tabindex: '-1' }, text);
    document.title = h1.textContent + ' — ' + t('brand');
    return h1;
  }

  function show(nodes, keepFocus) {
    view.replaceChildren(...nodes.flat(Infinity).filter(n => n !== null && n !== undefined && n !== false));
    view.setAttribute('aria-busy', 'false');
    if (!keepFocus) {
      const h1 = view.querySelector('h1');
      if (h1) { h1.focus(); }
    }
  }

  function card(title, ...content) {
    const headingId = title ? id('card') : null;
    return h('section', { class: 'card', 'aria-labelledby': headingId }, title ? h('h2', { id: headingId }, title) : null, content);
  }

  function backHome() {
    return state.token && state.me ? h('p', {}, h('a', { href: '#view=home' }, '← ' + t('common.back'))) : null;
  }

  function field(labelText, control, hint) {
    const controlId = control.id || id('f');
    control.id = controlId;
    const hintId = hint ? id('hint') : null;
    if (hintId) { control.setAttribute('aria-describedby', hintId); }
    return h('div', { class: 'field' }, h('label', { for: controlId }, labelText), hint ? h('p', { class: 'hint', id: hintId }, hint) : null, control);
  }

  function fieldError(control, text) {
    const holder = control.closest('.field, fieldset') || control.parentElement;
    let error = holder.querySelector('.field-error');
    if (!text) {
      if (error) { error.remove(); }
      control.removeAttribute('aria-invalid');
      return;
    }
    if (!error) {
      error = h('p', { class: 'field-error', id: id('err') });
      holder.append(error);
    }
    error.textContent = text;
    control.setAttribute('aria-invalid', 'true');
    const described = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (!described.includes(error.id)) { control.setAttribute('aria-describedby', described.concat(error.id).join(' ')); }
    control.focus();
  }

  function contactPerson(title, person, intro) {
    if (!person) { return null; }
    return card(title, h('div', { class: 'person' },
      h('span', { class: 'name' }, person.name),
      intro ? h('p', {}, intro) : null,
      h('div', { class: 'links' },
        person.phone ? h('a', { class: 'button primary', href: 'tel:' + person.phone.replace(/\s/g, '') }, t('common.call', { phone: person.phone })) : null,
        person.email ? h('a', { class: 'button', href: 'mailto:' + person.email }, t('common.write', { email: person.email })) : null)));
  }

  function outcomeText(e) {
    const o = e.outcome || '';
    const score = /^(SURVEY|SATISFACTION)_(\d)$/.exec(o);
    if (score) { return t('outcome.' + score[1], { score: score[2] }); }
    if (o === 'DELIVERED' && e.subject) { return t('outcome.DELIVERED.subject', { subject: e.subject }); }
    return has('outcome.' + o) ? t('outcome.' + o) : t('outcome.other');
  }

  async function timelineEntries(key) {
    try { return await api('GET', '/api/self-service/timeline/' + encodeURIComponent(key)); } catch (e) {
      if (e instanceof ApiError && e.status === 404) { return []; }
      throw e;
    }
  }

  function timelineCard(entries) {
    const list = entries.length === 0 ? h('p', {}, t('common.history.empty')) : h('ol', { class: 'timeline' },
      entries.slice().reverse().map(e => h('li', {},
        h('div', { class: 'what' }, outcomeText(e)),
        h('div', { class: 'meta' }, [t('who.' + e.who, { name: e.name || t('brand') }), t('channel.' + e.channel), dateTime(e.at)].join(' · ')))));
    return card(t('common.history'), list);
  }

  async function timeline(key) {
    return timelineCard(await timelineEntries(key));
  }

  async function download(path, filename) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + state.token } });
    if (!response.ok) { throw new ApiError(response.status, null); }
    const url = URL.createObjectURL(await response.blob());
    const a = h('a', { href: url, download: filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---------------------------------------------------------------------------------------------
  // links that no longer open the file

  function linkProblem(kind) {
    say('');
    const nodes = [heading(t(kind === 'none' ? 'link.none' : kind === 'expired' ? 'link.expired' : 'link.foreign'))];
    if (kind !== 'none' && state.token) {
      const caseKey = new URLSearchParams(location.hash.slice(1)).get('case');
      nodes.push(card(null, h('p', {}, t('link.fresh.offer')), h('div', { class: 'actions' },
        action(t('link.fresh.button'), 'primary', async b => {
          await api('POST', '/api/self-service/fresh-link', { token: state.token, caseKey: caseKey || null }, true);
          b.replaceWith(h('p', { class: 'ok' }, t('link.fresh.sent')));
          say(t('link.fresh.sent'));
        }))));
    }
    if (kind === 'none') { nodes.push(h('p', {}, h('a', { href: '#view=lookup' }, t('link.lookup')))); }
    show(nodes);
  }

  // ---------------------------------------------------------------------------------------------
  // home: the whole file

  async function home() {
    const [reservations, cases, recalls, vehicles] = await Promise.all([api('GET', '/api/reservations'),
      api('GET', '/api/self-service/service-cases'), api('GET', '/api/self-service/recalls?lang=' + encodeURIComponent(state.lang)), api('GET', '/api/vehicles')]);
    const list = (items, render) => items.length === 0 ? h('p', {}, t('home.nothing')) : h('ul', { class: 'plain' }, items.map(render));
    const nodes = [heading(t('greeting', { name: state.me.name })), h('p', { class: 'sub' }, t('home.intro'))];
    if (recalls.length) {
      nodes.push(card(t('home.recalls'), list(recalls, r => h('li', {},
        h('a', { href: '#view=recall&case=' + encodeURIComponent(r.campaignId + ':' + r.vin) },
          h('span', { lang: otherLanguage(r.factsLanguage) }, r.title), ' — ' + r.model),
        ' ', h('span', { class: 'badge' }, t('recall.short.' + r.status))))));
    }
    if (cases.length) {
      nodes.push(card(t('home.cases'), list(cases, c => h('li', {},
        h('a', { href: '#view=case&case=' + encodeURIComponent(c.number) }, c.number + ' — ' + c.model),
        ' ', h('span', { class: 'badge' }, t('case.short.' + c.status))))));
    }
    nodes.push(card(t('home.reservations'), list(reservations, r => h('li', {},
      h('a', { href: '#view=reservation&case=' + encodeURIComponent(r.number) }, r.model + ' — ' + r.number),
      ' ', h('span', { class: 'badge' }, t('res.short.' + r.status))))));
    nodes.push(card(t('home.vehicles'), list(vehicles, v => h('li', {},
      v.model + ' ' + v.modelYear + (v.plate ? ' · ' + v.plate : ''), h('br'), h('span', { class: 'vin' }, 'VIN ' + v.vin)))));
    return nodes;
  }

  // ---------------------------------------------------------------------------------------------
  // reservation: keep it, or confirm the cancellation after a confirmation step

  async function reservation(number) {
    const base = '/api/reservations/' + encodeURIComponent(number);
    const r = await api('GET', base);
    const c = await api('GET', base + '/cancellation');
    const entries = await timelineEntries(r.number);
    // the customer's own decision, while the ladder is still closing the case
    const decided = entries.map(e => e.outcome).filter(o => o === 'CANCELLATION_REQUESTED'
      || o === 'CANCELLATION_CONFIRMED_ONLINE' || o === 'CANCELLATION_WITHDRAWN_ONLINE').pop();
    const deposit = money(r.deposit, r.currency);
    const nodes = [backHome(), heading(t('res.title', { number: r.number })), h('p', { class: 'sub' }, r.model)];
    nodes.push(card(null, h('p', { class: 'status' }, t('res.status.' + r.status)),
      h('dl', { class: 'facts' }, h('dt', {}, t('res.car')), h('dd', {}, r.model), h('dt', {}, t('res.deposit')), h('dd', {}, deposit))));
    if (c.caseOwner) {
      nodes.push(contactPerson(t('common.contact'), c.caseOwner, t('res.owner.intro', { name: c.caseOwner.name })));
    }
    const rerender = async text => { const view = await reservation(number); say(text); show(view, true); notice.focus(); };
    if (r.status === 'ACTIVE') {
      const reason = h('textarea', { maxlength: '1000' });
      nodes.push(card(t('res.cancel.title'), field(t('res.cancel.reason'), reason), h('div', { class: 'actions' },
        action(t('res.cancel.button'), '', async () => {
          await api('POST', base + '/cancellation', { reason: reason.value.trim() || null });
          await rerender(t('res.requested'));
        }))));
    } else if (r.status === 'CANCELLATION_REQUESTED' && decided && decided !== 'CANCELLATION_REQUESTED') {
      nodes.push(card(null, h('p', { class: 'status' }, t('res.pending.' + decided, { deposit }))));
    } else if (r.status === 'CANCELLATION_REQUESTED') {
      const panelTitle = id('confirm');
      const confirmButton = h('button', { type: 'button', class: 'danger', 'aria-expanded': 'false', 'aria-controls': panelTitle + '-panel' }, t('res.confirm.button'));
      const panel = h('div', { class: 'confirm', id: panelTitle + '-panel', role: 'group', 'aria-labelledby': panelTitle, hidden: true },
        h('h3', { id: panelTitle, tabindex: '-1' }, t('res.confirm.title', { number: r.number })),
        h('p', {}, t('res.confirm.text', { model: r.model, deposit })),
        h('div', { class: 'actions' },
          action(t('res.confirm.yes'), 'danger primary', async () => {
            await api('POST', base + '/cancellation/confirm');
            await rerender(t('res.cancelled', { deposit }));
          }),
          h('button', { type: 'button', on: { click: () => { panel.hidden = true; confirmButton.setAttribute('aria-expanded', 'false'); confirmButton.focus(); } } }, t('res.confirm.no'))));
      confirmButton.addEventListener('click', () => {
        panel.hidden = false;
        confirmButton.setAttribute('aria-expanded', 'true');
        panel.querySelector('h3').focus();
      });
      nodes.push(card(t('res.choice.title'), h('div', { class: 'actions' },
        action(t('res.keep.button'), 'primary', async () => {
          await api('POST', base + '/cancellation/withdraw');
          await rerender(t('res.kept'));
        }), confirmButton), panel));
    }
    nodes.push(timelineCard(entries));
    return nodes;
  }

  // ---------------------------------------------------------------------------------------------
  // service case: where it stands, the one owner, escalate, expenses

  async function serviceCase(number) {
    const path = '/api/service-cases/' + encodeURIComponent(number);
    const f = await api('GET', '/api/self-service/service-cases/' + encodeURIComponent(number));
    const open = f.status === 'OPEN';
    const car = f.model + (f.plate ? ' (' + f.plate + ')' : '');
    const rerender = async text => { const view = await serviceCase(number); say(text); show(view, true); notice.focus(); };
    const nodes = [backHome(), heading(t('case.title', { number: f.number })),
      h('p', { class: 'sub' }, [t('case.kind.' + f.kind), f.tier ? t('case.tier.' + f.tier) : null, car].filter(Boolean).join(' · '))];
    const steps = f.openSteps.length ? f.openSteps.map(s => has('step.' + s) ? t('step.' + s) : null).filter(Boolean) : [];
    nodes.push(card(null, h('p', { class: 'status' }, t('case.stage.' + f.stage)),
      open ? h('h3', {}, t('case.next.title')) : null,
      open ? h('ul', {}, (steps.length ? steps : [t('step.none')]).map(s => h('li', {}, s))) : null,
      open && f.nextStepDue ? h('p', {}, t('case.next.due', { when: dateTime(f.nextStepDue) })) : null,
      open && f.nextUpdateDue ? h('p', {}, t('case.update.due', { when: dateTime(f.nextUpdateDue) })) : null));
    nodes.push(contactPerson(t('case.owner.title'), f.caseOwner, f.caseOwner ? t('case.owner.text', { name: f.caseOwner.name }) : null));

    // escalation
    const e = f.escalation;
    const escalation = [];
    if (e && e.status === 'OPEN') {
      const who = e.decider ? e.decider.name : null;
      escalation.push(h('p', { class: 'status', id: 'escalation-status' }, who && e.answerBy
        ? t(e.pilot ? 'case.escalation.pilot' : 'case.escalation.priority', { name: who, when: dateTime(e.answerBy) })
        : t('case.escalation.pending')));
    } else if (e) {
      escalation.push(h('p', { class: 'status', id: 'escalation-status' }, e.decider
        ? t('case.escalation.decided', { name: e.decider.name, decision: e.decision || '' })
        : t('case.escalation.decided.anonymous', { decision: e.decision || '' })));
    }
    if (open && !(e && e.status === 'OPEN')) {
      const reason = h('textarea', { maxlength: '2000', required: true, 'aria-required': 'true' });
      escalation.push(h('p', {}, t('case.escalate.intro')), field(t('case.escalate.reason'), reason), h('div', { class: 'actions' },
        action(t('case.escalate.button'), 'primary', async () => {
          if (!reason.value.trim()) { fieldError(reason, t('common.required')); return; }
          await api('POST', path + '/escalation', { reason: reason.value.trim() });
          await rerender(t('case.escalate.sent'));
        })));
    }
    if (escalation.length) { nodes.push(card(t('case.escalate.title'), escalation)); }

    // expenses
    const expenses = [f.expenses.length === 0 ? h('p', {}, t('case.expense.none')) : h('ul', { class: 'plain', id: 'expenses' },
      f.expenses.map(x => h('li', {}, h('strong', {}, t('case.expense.kind.' + x.kind) + ' — ' + money(x.amount, x.currency)), h('br'),
        h('span', { class: x.status === 'APPROVED' ? 'ok' : '' }, t('case.expense.status.' + x.status)),
        x.decision ? ' — ' + x.decision : '', x.note ? h('div', { class: 'hint' }, x.note) : null)))];
    if (open) {
      const kind = h('select', {}, ['HOTEL', 'TRANSPORT', 'TOWING', 'LOANER', 'MEALS', 'REPAIR', 'OTHER']
        .map(k => h('option', { value: k }, t('case.expense.kind.' + k))));
      const amount = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', maxlength: '12' });
      const usual = (state.zone || '').startsWith('America/') ? 'USD' : (state.zone || '').startsWith('Europe/London') ? 'GBP' : 'EUR';
      const currency = h('select', {}, ['EUR', 'USD', 'GBP', 'CHF'].map(c => h('option', { value: c, selected: c === usual }, c)));
      const note = h('textarea', { maxlength: '1000' });
      expenses.push(h('p', {}, t('case.expense.intro')),
        field(t('case.expense.kind'), kind), field(t('case.expense.amount'), amount, t('case.expense.amount.hint')),
        field(t('case.expense.currency'), currency), field(t('case.expense.note'), note),
        h('div', { class: 'actions' }, action(t('case.expense.button'), 'primary', async () => {
          const value = amount.value.trim().replace(/\s/g, '').replace(',', '.');
          if (!/^\d{1,8}(\.\d{1,2})?$/.test(value) || Number(value) <= 0) { fieldError(amount, t('case.expense.bad-amount')); return; }
          await api('POST', path + '/expenses', { kind: kind.value, amount: Number(value), currency: currency.value, note: note.value.trim() || null });
          await rerender(t('case.expense.sent'));
        })));
    } else {
      expenses.push(h('p', {}, t('case.closed.actions')));
    }
    nodes.push(card(t('case.expense.title'), expenses));
    nodes.push(await timeline(f.number));
    return nodes;
  }

  // ---------------------------------------------------------------------------------------------
  // recall: what it is about, the parts, booking on a free day, move, cancel, calendar file

  async function recall(key) {
    const colon = key.lastIndexOf(':');
    const campaignId = key.slice(0, colon);
    const vin = key.slice(colon + 1);
    const base = '/api/recalls/' + encodeURIComponent(campaignId) + '/vehicles/' + encodeURIComponent(vin);
    const self = '/api/self-service/recalls/' + encodeURIComponent(campaignId) + '/vehicles/' + encodeURIComponent(vin);
    const f = await api('GET', self + '?lang=' + encodeURIComponent(state.lang));
    const rerender = async (text, error) => { const view = await recall(key); say(text, error); show(view, true); notice.focus(); };
    // the campaign's facts are in the page's language, or (a campaign not translated) in English: said, and marked
    const factsLang = otherLanguage(f.factsLanguage);
    const nodes = [backHome(), heading(tn('recall.title', { campaign: f.campaignId, title: factsLang ? h('span', { lang: factsLang }, f.title) : f.title })),
      h('p', { class: 'sub' }, f.plate ? t('recall.car.plate', { model: f.model, plate: f.plate }) : t('recall.car', { model: f.model }))];
    if (factsLang) {
      nodes.push(card(null, h('p', { class: 'facts-language' }, t('recall.facts.other-language'))));
    }
    nodes.push(h('div', { class: 'two' },
      card(t('recall.wrong'), h('p', { lang: factsLang }, f.defect)),
      card(t('recall.risk'), h('p', { lang: factsLang }, f.safetyRisk)),
      card(t('recall.remedy'), h('p', { lang: factsLang }, f.remedy), h('p', {}, t('recall.duration', { hours: f.remedyHours }))),
      card(t('recall.parts.title'), f.parts.available ? h('p', { class: 'ok' }, t('recall.parts.available'))
        : h('p', {}, f.parts.expected ? t('recall.parts.expected', { date: day(f.parts.expected) }) : t('recall.parts.unknown')),
      f.parts.delayReason ? h('p', {}, t('recall.parts.reason', { reason: f.parts.delayReason })) : null)));
    if (f.repairDelay) {
      nodes.push(card(null, h('p', { class: 'status' }, t('recall.delay', { date: dateTime(f.repairDelay.until), reason: f.repairDelay.reason || '' }))));
    }
    if (f.status === 'REMEDIED' || f.status === 'CLOSED') {
      nodes.push(card(null, h('p', { class: 'status' }, t('recall.status.' + f.status))));
    } else if (f.appointment) {
      const a = f.appointment;
      const when = day(a.day);
      const holder = h('div');
      const panelId = id('cancel');
      const cancelButton = h('button', { type: 'button', class: 'danger', 'aria-expanded': 'false', 'aria-controls': panelId }, t('recall.cancel'));
      const panel = h('div', { class: 'confirm', id: panelId, role: 'group', hidden: true },
        h('p', { tabindex: '-1' }, t('recall.cancel.confirm', { date: when })),
        h('div', { class: 'actions' },
          action(t('recall.cancel.yes'), 'danger primary', async () => {
            await api('DELETE', base + '/appointment');
            await rerender(t('recall.cancelled'));
          }),
          h('button', { type: 'button', on: { click: () => { panel.hidden = true; cancelButton.setAttribute('aria-expanded', 'false'); cancelButton.focus(); } } }, t('recall.cancel.no'))));
      cancelButton.addEventListener('click', () => { panel.hidden = false; cancelButton.setAttribute('aria-expanded', 'true'); panel.querySelector('p').focus(); });
      const moveButton = h('button', { type: 'button', 'aria-expanded': 'false' }, t('recall.move'));
      moveButton.addEventListener('click', () => {
        moveButton.setAttribute('aria-expanded', 'true');
        holder.replaceChildren(bookingForm(f, base, self, rerender, true));
        holder.querySelector('h3').focus();
      });
      nodes.push(card(t('recall.appointment.title'),
        h('p', { class: 'status', id: 'appointment' }, t('recall.appointment.text', { date: when, time: '08:00', center: a.serviceCenterName, option: t('recall.option.' + a.option) })),
        h('div', { class: 'actions' },
          action(t('recall.ics'), 'primary', () => download(self + '/appointment.ics', 'recall-' + f.campaignId + '.ics')),
          moveButton, cancelButton), panel, holder));
    } else if (f.parts.available) {
      nodes.push(card(t('recall.book.title'), bookingForm(f, base, self, rerender, false)));
    }
    nodes.push(await timeline(f.campaignId + ':' + f.vin));
    return nodes;
  }

  /** Option, service centre, then a free day: only days the centre still has room for are offered. */
  function bookingForm(f, base, self, rerender, moving) {
    const form = h('div', { class: 'booking' });
    const optionName = id('option');
    const options = h('fieldset', {}, h('legend', {}, t('recall.option')), h('div', { class: 'choices' },
      f.options.map((o, i) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: optionName, value: o, checked: f.appointment ? o === f.appointment.option : i === 0 }),
        h('span', {}, h('strong', {}, t('recall.option.' + o)), t('recall.option.' + o + '.hint', { hours: f.remedyHours }))))));
    const center = h('select', {}, f.serviceCenters.map(c => h('option', { value: c.id, selected: f.appointment && c.id === f.appointment.serviceCenter }, c.name)));
    const daysName = id('day');
    const days = h('div', { class: 'days' });
    const daysBox = h('fieldset', {}, h('legend', {}, t('recall.day')), h('p', { class: 'hint' }, t('recall.days.hint')), days);
    let shown = DAYS_SHOWN;
    let free = [];
    const more = h('button', { type: 'button', hidden: true }, t('recall.days.more'));
    const renderDays = () => {
      const chosen = (days.querySelector('input:checked') || {}).value;
      days.replaceChildren(...(free.length === 0 ? [h('p', {}, t('recall.days.none'))] : free.slice(0, shown).map(d => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: daysName, value: d, checked: d === chosen }), h('span', {}, day(d, true))))));
      more.hidden = free.length <= shown;
    };
    more.addEventListener('click', () => { shown += DAYS_SHOWN; renderDays(); const inputs = days.querySelectorAll('input'); if (inputs[shown - DAYS_SHOWN]) { inputs[shown - DAYS_SHOWN].focus(); } });
    const option = () => (options.querySelector('input:checked') || {}).value;
    const loadDays = async () => {
      days.setAttribute('aria-busy', 'true');
      const all = await api('GET', self + '/availability?option=' + encodeURIComponent(option()) + '&serviceCenter=' + encodeURIComponent(center.value));
      free = all.filter(d => d.free && !(f.appointment && d.date === f.appointment.day && option() === f.appointment.option && center.value === f.appointment.serviceCenter)).map(d => d.date);
      days.setAttribute('aria-busy', 'false');
      renderDays();
    };
    options.addEventListener('change', () => loadDays().catch(handleActionError));
    center.addEventListener('change', () => loadDays().catch(handleActionError));
    const submit = action(t(moving ? 'recall.move.button' : 'recall.book.button'), 'primary', async () => {
      const chosen = days.querySelector('input:checked');
      if (!chosen) { fieldError(days.querySelector('input') || more, t('recall.choose-day')); return; }
      try {
        const booked = await api('POST', base + '/appointment', { option: option(), serviceCenter: center.value, date: chosen.value });
        await rerender(t('recall.booked', { date: day(booked.day), center: center.options[center.selectedIndex].text }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 409 && e.problem.nextFreeDates) {
          say(t('recall.full'), true);
          await loadDays();
          notice.focus();
          return;
        }
        throw e;
      }
    });
    form.append(moving ? h('h3', { tabindex: '-1' }, t('recall.move.title')) : h('span'), options, field(t('recall.center'), center), daysBox, more, h('div', { class: 'actions' }, submit));
    loadDays().catch(handleActionError);
    return form;
  }

  // ---------------------------------------------------------------------------------------------
  // survey: names the car, the repair and its day; no score chosen in advance; large targets

  async function survey(token) {
    let about;
    // the repair's title in the page's language (the campaign's facts in it, else English)
    try { about = await api('GET', '/api/surveys/' + encodeURIComponent(token) + '?lang=' + encodeURIComponent(state.lang), undefined, true); } catch (e) {
      if (e instanceof ApiError && e.status === 404) { return [heading(t('survey.title')), card(null, h('p', {}, t('survey.unknown')))]; }
      throw e;
    }
    const car = about.model + (about.plate ? ' (' + about.plate + ')' : '');
    const title = otherLanguage(about.factsLanguage) ? h('span', { lang: about.factsLanguage }, about.title) : about.title;
    const nodes = [heading(t('survey.title')), h('p', { class: 'sub' }, about.repairedOn
      ? tn('survey.about', { car, title, date: day(about.repairedOn) }) : tn('survey.about.nodate', { car, title }))];
    if (about.answered) { return nodes.concat(card(null, h('p', { class: 'status' }, t('survey.answered')))); }
    const name = id('score');
    const scores = h('fieldset', {}, h('legend', {}, t('survey.question')), h('div', { class: 'scores' },
      [1, 2, 3, 4, 5].map(s => h('label', { class: 'choice' }, h('input', { type: 'radio', name, value: String(s) }),
        h('span', { class: 'score', 'aria-hidden': 'true' }, String(s)), h('span', {}, h('span', { class: 'vh' }, s + ' — '), t('survey.score.' + s))))));
    const comment = h('textarea', { maxlength: '2000' });
    const form = card(null, scores, field(t('survey.comment'), comment), h('div', { class: 'actions' },
      action(t('survey.send'), 'primary', async () => {
        const chosen = scores.querySelector('input:checked');
        if (!chosen) { fieldError(scores.querySelector('input'), t('survey.choose')); return; }
        try {
          await api('POST', '/api/surveys/' + encodeURIComponent(token), { score: Number(chosen.value), comment: comment.value.trim() || null }, true);
          form.replaceChildren(h('p', { class: 'status' }, t('survey.thanks')));
          say(t('survey.thanks'));
        } catch (e) {
          if (e instanceof ApiError && e.status === 409) { form.replaceChildren(h('p', { class: 'status' }, t('survey.answered'))); return; }
          throw e;
        }
      })));
    return nodes.concat(form);
  }

  // ---------------------------------------------------------------------------------------------
  // "is my car affected?": public, a VIN typed by hand, its mistakes explained

  const TRANSLITERATION = '0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ';
  const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

  /** The same rules as the server (ISO 3779; check digit for North America and China), in words. */
  function vinProblem(vin) {
    if (!vin) { return t('lookup.error.required'); }
    if (vin.length !== 17) { return t('lookup.error.length', { count: vin.length }); }
    for (let i = 0; i < 17; i++) {
      const c = vin[i];
      if ('IOQ'.includes(c)) { return t('lookup.error.ioq', { position: i + 1, char: c }); }
      if (!/[0-9A-Z]/.test(c)) { return t('lookup.error.chars', { position: i + 1, char: c }); }
    }
    if (/^[1-5L]/.test(vin)) {
      let sum = 0;
      for (let i = 0; i < 17; i++) {
        const c = vin[i];
        sum += (/\d/.test(c) ? Number(c) : TRANSLITERATION.indexOf(c) % 10) * WEIGHTS[i];
      }
      const expected = sum % 11 === 10 ? 'X' : String(sum % 11);
      if (vin[8] !== expected) { return t('lookup.error.check', { expected, actual: vin[8] }); }
    }
    return null;
  }

  function lookup() {
    const input = h('input', { type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: '30', class: 'vin' });
    const results = h('div', { 'aria-live': 'polite' });
    const check = async () => {
      const vin = input.value.toUpperCase().replace(/[\s-]/g, '');
      input.value = vin;
      const problem = vinProblem(vin);
      fieldError(input, problem);
      results.replaceChildren();
      if (problem) { return; }
      const response = await fetch('/api/recalls?vin=' + encodeURIComponent(vin) + '&lang=' + encodeURIComponent(state.lang));
      if (response.status === 429) {
        fieldError(input, t('lookup.error.rate', { seconds: response.headers.get('Retry-After') || 60 }));
        return;
      }
      const data = await response.json().catch(() => null);
      if (!response.ok) { throw new ApiError(response.status, data); }
      if (!data.affected) {
        results.replaceChildren(card(null, h('p', { class: 'status ok' }, t('lookup.none', { vin }))));
        return;
      }
      results.replaceChildren(card(null, h('p', { class: 'status' }, t('lookup.found', { vin, count: data.recalls.length }))),
        ...data.recalls.map(r => { const other = otherLanguage(r.factsLanguage); return card([r.campaignId + ' — ', h('span', { lang: other }, r.title)],
          other ? h('p', { class: 'facts-language' }, t('recall.facts.other-language')) : null,
          h('dl', { class: 'facts' }, h('dt', {}, t('recall.wrong')), h('dd', { lang: other }, r.defect), h('dt', {}, t('recall.risk')), h('dd', { lang: other }, r.safetyRisk),
            h('dt', {}, t('recall.remedy')), h('dd', {}, h('span', { lang: other }, r.remedy), ' ' + t('recall.duration', { hours: r.remedyHours }))),
          h('p', {}, r.remedyAvailable ? t('lookup.remedy.available') : r.partsExpected ? t('lookup.remedy.expected', { date: day(r.partsExpected) }) : t('lookup.remedy.waiting'))); }),
        h('p', {}, t('lookup.owner')));
    };
    const form = h('form', { novalidate: true, on: { submit: ev => { ev.preventDefault(); check().catch(handleActionError); } } },
      field(t('lookup.vin'), input, t('lookup.vin.hint')), h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('lookup.button'))));
    const preset = new URLSearchParams(location.hash.slice(1)).get('vin');
    if (preset) { input.value = preset; }
    return [backHome(), heading(t('lookup.title')), h('p', { class: 'sub' }, t('lookup.intro')), card(null, form), results];
  }

  // ---------------------------------------------------------------------------------------------
  // routing and language

  async function loadTexts(lang) {
    if (state.lang === lang && Object.keys(state.texts).length) { return; }
    const response = await fetch('/api/self-service/texts?lang=' + encodeURIComponent(lang));
    state.texts = await response.json();
    state.lang = lang;
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
    document.getElementById('languages').setAttribute('aria-label', t('lang.label'));
    document.querySelectorAll('.lang').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
  }

  function inferView(key) {
    if (!key || key.startsWith('customer-')) { return 'home'; }
    if (key.includes(':')) { return 'recall'; }
    return /^SC-\d+$/.test(key) ? 'case' : 'reservation';
  }

  async function route() {
    const params = new URLSearchParams(location.hash.slice(1));
    const caseKey = params.get('case');
    let name = params.get('view') || (params.get('survey') ? 'survey' : caseKey ? inferView(caseKey) : state.token ? 'home' : 'lookup');
    if (name === 'survey' && params.get('survey')) { sessionStorage.setItem(SURVEY, params.get('survey')); }
    const surveyToken = sessionStorage.getItem(SURVEY);
    view.setAttribute('aria-busy', 'true');
    try {
      let expired = false;
      if (state.token && !state.me && name !== 'lookup' && name !== 'survey') {
        try {
          state.me = await api('GET', '/api/self-service/me');
          state.zone = state.me.timeZone;
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 401)) { throw e; }
          expired = true;
        }
      }
      if (name === 'survey' && surveyToken && !state.surveyLanguage) {
        const about = await api('GET', '/api/surveys/' + encodeURIComponent(surveyToken), undefined, true).catch(() => null);
        state.surveyLanguage = about ? about.language : null;
      }
      const browser = (navigator.language || 'en').slice(0, 2).toLowerCase() === 'fr' ? 'fr' : 'en';
      await loadTexts(sessionStorage.getItem(LANG) || (name === 'survey' ? state.surveyLanguage : state.me && state.me.language) || browser);
      say('');
      if (expired) { linkProblem('expired'); return; }
      if (name === 'lookup') { show(lookup()); return; }
      if (name === 'survey') { show(surveyToken ? await survey(surveyToken) : [heading(t('survey.title')), card(null, h('p', {}, t('survey.unknown')))]); return; }
      if (!state.token) { linkProblem('none'); return; }
      const render = { home, reservation, case: serviceCase, recall }[name] || home;
      show(await render(caseKey));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) { linkProblem('expired'); return; }
      if (e instanceof ApiError && e.status === 404) { linkProblem('foreign'); return; }
      await loadTexts(state.lang).catch(() => {});
      say(problemText(e), true);
      view.setAttribute('aria-busy', 'false');
    }
  }

  document.querySelectorAll('.lang').forEach(b => b.addEventListener('click', async () => {
    sessionStorage.setItem(LANG, b.dataset.lang);
    const previous = state.lang;
    state.texts = {};
    state.lang = '';
    await loadTexts(b.dataset.lang).catch(() => { state.lang = previous; });
    await route();
    b.focus();
  }));
  document.getElementById('brand').addEventListener('click', ev => { ev.preventDefault(); location.hash = state.token ? 'view=home' : 'view=lookup'; });
  window.addEventListener('hashchange', route);

  // the token from the link: kept for this tab, taken out of the address bar
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get('token')) {
    sessionStorage.setItem(TOKEN, params.get('token'));
    params.delete('token');
    if (!params.get('view') && params.get('case')) { params.set('view', inferView(params.get('case'))); }
    history.replaceState(null, '', location.pathname + '#' + params.toString());
  }
  if (params.get('survey')) {
    sessionStorage.setItem(SURVEY, params.get('survey'));
    params.delete('survey');
    params.set('view', 'survey');
    history.replaceState(null, '', location.pathname + '#' + params.toString());
  }
  state.token = sessionStorage.getItem(TOKEN);
  route();
})();
