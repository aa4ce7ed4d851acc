// One agent's page: facts, charts, recent decisions, lifecycle events, dialectic sessions, discoveries, and the
// operator actions the signed-in credential allows.

import { agentPath, call, describe } from './api.js';
import { caption, showChart } from './chart.js';
import { byId, clearMessage, clock, el, num, showMessage, text, when } from './dom.js';
import { currentSession } from './session.js';

const ARCHIVABLE = ['active', 'waiting_input'];
const RESUMABLE = ['paused', 'waiting_input', 'archived'];
const RECENT_DECISIONS = 20;

let shownAgent = null;
let drawnUpdates = null;

/** Wires the action buttons; {@code refresh} reloads the view. */
export function bindAgent(refresh) {
  byId('archive').addEventListener('click', () => lifecycle('archive', 'Archived.', refresh));
  byId('resume').addEventListener('click', () => lifecycle('resume', 'Resumed.', refresh));
  byId('download-json').addEventListener('click', () => download('json'));
  byId('download-csv').addEventListener('click', () => download('csv'));
}

export async function loadAgent(agentId) {
  if (shownAgent !== agentId) {
    clearAgent();
    shownAgent = agentId;
  }
  byId('agent-title').textContent = agentId;
  const failures = [];
  let updates = null;
  try {
    const body = await call(agentPath(agentId));
    renderAgent(body);
    updates = body.agent.total_updates;
  } catch (error) {
    failures.push(error);
  }
  // the history and the charts change only with an update: read them again only then
  const changed = updates === null || updates !== drawnUpdates;
  const results = await Promise.allSettled([
    call(agentPath(agentId, '/dialectic-sessions')).then((body) => renderSessions(body.sessions || [])),
    call(agentPath(agentId, '/discoveries')).then((body) => renderDiscoveries(body.discoveries || [])),
    ...(changed ? [
      call(agentPath(agentId, '/history?format=json')).then(renderDecisions),
      chart('chart-eisv', 'caption-eisv', agentId, ['E', 'I', 'S', 'V']),
      chart('chart-scores', 'caption-scores', agentId, ['attention_score', 'coherence']),
    ] : []),
  ]);
  failures.push(...results.filter((result) => result.status === 'rejected').map((result) => result.reason));
  drawnUpdates = failures.length ? null : updates;
  if (failures.length) {
    showMessage(describe(failures[0]), { source: 'refresh' });
  } else {
    clearMessage('refresh');
  }
  byId('agent-updated').textContent = clock();
}

function clearAgent() {
  drawnUpdates = null;
  for (const id of ['agent-facts', 'decisions', 'lifecycle', 'sessions', 'discoveries', 'caption-eisv',
    'caption-scores']) {
    byId(id).replaceChildren();
  }
  for (const id of ['chart-eisv', 'chart-scores']) {
    const img = byId(id);
    if (img.dataset.objectUrl) {
      URL.revokeObjectURL(img.dataset.objectUrl);
      delete img.dataset.objectUrl;
    }
    img.removeAttribute('src');
    img.hidden = true;
  }
  byId('archive').hidden = true;
  byId('resume').hidden = true;
}

async function chart(imgId, captionId, agentId, metrics) {
  const counted = await showChart(byId(imgId), agentId, metrics);
  byId(captionId).textContent = caption(counted);
}

function fact(name, value, id) {
  return [el('dt', {}, name), el('dd', { id }, value)];
}

function renderAgent(body) {
  const agent = body.agent;
  const metrics = body.metrics || {};
  const state = metrics.state || {};
  byId('agent-facts').replaceChildren(
    ...fact('Status', el('span', { class: 'status-' + agent.status }, agent.status), 'agent-status'),
    ...fact('Tags', (agent.tags || []).join(', ') || '—'),
    ...fact('Created', when(agent.created_at)),
    ...fact('Last update', when(agent.last_update)),
    ...fact('Updates', agent.total_updates),
    // the metrics endpoint evaluates attention and verdict now, with zero drift; the fleet table and the recent
    // decisions show the values logged by the last update
    ...fact('Attention score (now, zero drift)', num(metrics.attention_score)),
    ...fact('Coherence', num(state.coherence)),
    ...fact('Verdict (now, zero drift)', metrics.verdict),
    ...fact('E / I / S / V', [state.E, state.I, state.S, state.V].map((x) => num(x)).join(' / ')),
    ...fact('Loop cooldown until', when(agent.loop_cooldown_until)),
  );
  const session = currentSession();
  const mayAct = session?.role === 'admin' || session?.agentId === agent.agent_id;
  byId('archive').hidden = !mayAct || !ARCHIVABLE.includes(agent.status);
  byId('resume').hidden = !mayAct || !RESUMABLE.includes(agent.status);
  renderLifecycle(agent.lifecycle_events || []);
}

function renderLifecycle(events) {
  const items = [...events].reverse().map((event) => el('li', { 'data-event': event.event },
    when(event.timestamp), ' — ', el('strong', {}, event.event),
    event.reason ? ': ' + event.reason : '',
    Array.isArray(event.conditions) && event.conditions.length ? ' (conditions: ' + event.conditions.join('; ')
      + ')' : ''));
  byId('lifecycle').replaceChildren(...(items.length ? items : [el('li', {}, 'None.')]));
}

function renderDecisions(body) {
  const history = JSON.parse(body.history);
  const total = (history.decision_history || []).length;
  const rows = [];
  for (let i = total - 1; i >= Math.max(0, total - RECENT_DECISIONS); i--) {
    const decision = history.decision_history[i];
    rows.push(el('tr', {},
      el('td', {}, history.update_seq ? history.update_seq[i] : i + 1),
      el('td', {}, when(history.timestamps?.[i])),
      el('td', { class: 'decision-' + decision }, decision),
      el('td', {}, num(history.attention_history?.[i])),
      el('td', {}, num(history.coherence_history?.[i]))));
  }
  byId('decisions').replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 5 },
    'No updates yet.'))]));
}

function renderSessions(sessions) {
  const items = sessions.map((session) => el('li', { 'data-session-id': session.session_id },
    when(session.created_at), ' — ', el('strong', {}, session.phase), ` (${session.role})`,
    session.resolution_action ? ', resolution: ' + session.resolution_action : '',
    session.expired ? ', expired' : '', ' ', el('code', {}, session.session_id)));
  byId('sessions').replaceChildren(...(items.length ? items : [el('li', {}, 'None.')]));
}

function renderDiscoveries(discoveries) {
  const items = discoveries.map((discovery) => el('li', {},
    when(discovery.timestamp), ' — ', el('strong', {}, discovery.type),
    discovery.severity ? ` [${discovery.severity}]` : '', ` (${discovery.status}): `, text(discovery.summary)));
  byId('discoveries').replaceChildren(...(items.length ? items : [el('li', {}, 'None.')]));
}

async function lifecycle(action, done, refresh) {
  const reason = byId('action-reason').value.trim();
  try {
    await call(agentPath(shownAgent, '/' + action), { method: 'POST', body: reason ? { reason } : {} });
    byId('action-reason').value = '';
    showMessage(done, { kind: 'info' });
  } catch (error) {
    showMessage(describe(error));
  }
  await refresh();
}

/** Fetches the history document with the header and saves it through a short-lived blob: URL. */
async function download(format) {
  try {
    const response = await call(agentPath(shownAgent, '/history/download?format=' + format),
      { accept: '*/*', raw: true });
    const disposition = response.headers.get('Content-Disposition') || '';
    const named = /filename="([^"]+)"/.exec(disposition);
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: named ? named[1] : `${shownAgent}_history.${format}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (error) {
    showMessage(describe(error));
  }
}
