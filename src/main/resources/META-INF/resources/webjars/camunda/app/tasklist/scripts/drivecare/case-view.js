/*
 * Drivecare: the "Case" tab of every task in Tasklist (plugin point tasklist.task.detail).
 * It shows the case the task belongs to — the customer card, the reserved car a retention case is
 * about, his registered vehicles, the open tasks and who
 * holds them, the clocks and the whole timeline in plain words — from one Drivecare endpoint,
 * GET /api/cases/{caseNumber}/view, read with the agent's Tasklist session and its CSRF token.
 * On "Find the vehicle's owner" it also searches customers by name, plate, VIN or e-mail.
 */
const ENGINE = '/camunda/api/engine/engine/default';

function esc(value) {
  return String(value === undefined || value === null ? '' : value).replace(/[&<>"']/g,
    c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

async function getJson(url) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': csrfToken()}
  });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = body.detail || body.message || detail;
    } catch (e) { /* not JSON */ }
    throw new Error(response.status + ' ' + detail);
  }
  return response.json();
}

function section(title, body) {
  return '<section class="dc-section"><h4>' + esc(title) + '</h4>' + body + '</section>';
}

function customerCard(c) {
  if (!c) {
    return section('Customer', '<p>Owner unknown.</p>');
  }
  return section('Customer',
    '<p class="dc-customer-name"><strong>' + esc(c.name) + '</strong> · customer ' + esc(c.id) +
    ' · reads <strong>' + esc(c.languageName) + '</strong></p>' +
    '<p>Phone <strong class="dc-phone">' + esc(c.phone || 'none') + '</strong> · e-mail ' + esc(c.email || 'none') +
    ' · prefers ' + esc(c.preferredChannel) + '</p>' +
    '<p>His time now: <strong class="dc-local-time">' + esc(c.localTimeNow) + '</strong> · ' + esc(c.mayCallNow) + '</p>' +
    '<p>Consent: ' + (c.doNotCall ? '<strong>do not call</strong>' : 'may be called') + ' · calling window ' +
    esc(c.callingWindow) + '</p>');
}

function table(headers, rows, empty) {
  if (!rows.length) {
    return '<p class="dc-empty">' + esc(empty || 'None.') + '</p>';
  }
  return '<table class="table table-condensed"><thead><tr>' + headers.map(h => '<th>' + esc(h) + '</th>').join('') +
    '</tr></thead><tbody>' + rows.map(r => '<tr>' + r.map(cell => '<td>' + cell + '</td>').join('') + '</tr>').join('') +
    '</tbody></table>';
}

/* A retention case is about a reservation: the car he reserved, not one he has registered yet. */
function reservation(r) {
  if (!r) {
    return '';
  }
  return '<section class="dc-section dc-reservation"><h4>Reserved car</h4>' +
    table(['Model', 'Reservation', 'Status', 'Deposit'], [[
      '<strong>' + esc(r.model) + '</strong> <strong>(this case)</strong>', esc(r.number), esc(r.statusText),
      esc(r.deposit || '—')]]) + '</section>';
}

function render(view) {
  const vehicles = table(['Model', 'Plate', 'VIN', 'Price'], view.vehicles.map(v => [
    esc(v.model) + (v.ofThisCase ? ' <strong>(this case)</strong>' : ''), esc(v.plate), esc(v.vin), esc(v.listPrice)]),
    view.reservation ? 'None registered yet.' : 'None.');
  const tasks = table(['Task', 'Held by', 'Due', 'Time left'], view.openTasks.map(t => [
    esc(t.name), t.assigneeName ? esc(t.assigneeName) : 'offered to ' + esc((t.candidateGroups || []).join(', ')),
    esc(t.dueText || '—'), esc(t.timeLeft || '')]));
  const clocks = table(['Clock', 'Due (' + view.agentZone + ')', 'For the customer', 'Time left'], view.clocks.map(k => [
    esc(k.label), esc(k.dueText), esc(k.customerLocalDue || 'same'),
    k.overdue ? '<strong class="text-danger">' + esc(k.timeLeft) + '</strong>' : esc(k.timeLeft)]));
  const timeline = view.timeline.length
    ? '<ol class="dc-timeline">' + view.timeline.map(l => '<li><span class="dc-at">' + esc(l.atText) + '</span> — ' +
      esc(l.sentence) + (l.internal ? ' <em>(internal)</em>' : '') + '</li>').join('') + '</ol>'
    : '<p class="dc-empty">Nothing logged yet.</p>';
  return '<div class="dc-case-view">' +
    '<h3>Case ' + esc(view.caseNumber) + (view.journey ? ' · ' + esc(view.journey) : '') + '</h3>' +
    customerCard(view.customer) + reservation(view.reservation) + section('Vehicles', vehicles) + section('Open tasks of the case', tasks) +
    section('Clocks', clocks) + section('Timeline (times in ' + view.agentZone + ')', timeline) + '</div>';
}

function ownerSearch(node) {
  const box = document.createElement('div');
  box.className = 'dc-section dc-owner-search';
  box.innerHTML = '<h4>Find a customer</h4><form class="form-inline"><input class="form-control" name="q" ' +
    'placeholder="Name, plate, VIN or e-mail" size="40"> <button class="btn btn-default" type="submit">Search</button>' +
    '</form><div class="dc-results"></div>';
  box.querySelector('form').addEventListener('submit', async event => {
    event.preventDefault();
    const q = box.querySelector('input').value.trim();
    const results = box.querySelector('.dc-results');
    try {
      const found = await getJson('/api/customers?q=' + encodeURIComponent(q) + '&limit=20');
      results.innerHTML = table(['Customer number', 'Name', 'E-mail', 'Phone', 'Region'], found.map(c => [
        '<strong>' + esc(c.id) + '</strong>', esc(c.name), esc(c.email), esc(c.phone), esc(c.region)]));
    } catch (e) {
      results.innerHTML = '<p class="text-danger">' + esc(e.message) + '</p>';
    }
  });
  node.appendChild(box);
}

async function show(node, taskId) {
  node.innerHTML = '<p>Loading the case…</p>';
  try {
    const task = await getJson(ENGINE + '/task/' + encodeURIComponent(taskId));
    const number = await getJson(ENGINE + '/task/' + encodeURIComponent(taskId) + '/variables/caseNumber');
    const view = await getJson('/api/cases/' + encodeURIComponent(number.value) + '/view');
    node.innerHTML = render(view);
    if (task.taskDefinitionKey === 'Task_FindOwner') {
      ownerSearch(node.querySelector('.dc-case-view'));
    }
  } catch (e) {
    node.innerHTML = '<p class="text-danger">The case cannot be shown: ' + esc(e.message) + '</p>';
  }
}

const style = document.createElement('style');
style.textContent = '.dc-case-view{padding:10px 15px}.dc-section{margin-bottom:14px}.dc-section h4{margin:8px 0 4px;' +
  'font-weight:600}.dc-timeline{padding-left:20px}.dc-timeline li{margin-bottom:3px}.dc-at{color:#666;white-space:nowrap}' +
  '.dc-empty{color:#888}';
document.head.appendChild(style);

export default {
  id: 'drivecare.case-view',
  pluginPoint: 'tasklist.task.detail',
  priority: 1000,
  render: (node, {taskId}) => {
    show(node, taskId);
  },
  properties: {
    label: 'Case'
  }
};
