// The fleet view (admin token): summary tiles, anomalies, and the agents table with server-side sorting,
// filtering and paging.

import { call, describe } from './api.js';
import { agentLink, byId, clearMessage, clock, el, num, showMessage, when } from './dom.js';

const STATUSES = ['active', 'waiting_input', 'paused', 'archived', 'deleted'];
const query = { sort: 'agent_id', order: 'asc', page: 0, size: 50, status: '', tag: '' };

/** Wires the table's controls; {@code refresh} reloads the view. */
export function bindFleet(refresh) {
  for (const button of byId('fleet-table').querySelectorAll('button[data-sort]')) {
    button.addEventListener('click', () => {
      const column = button.dataset.sort;
      query.order = query.sort === column && query.order === 'asc' ? 'desc' : 'asc';
      query.sort = column;
      query.page = 0;
      refresh();
    });
  }
  byId('fleet-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    query.status = byId('filter-status').value;
    query.tag = byId('filter-tag').value.trim();
    query.page = 0;
    refresh();
  });
  byId('filter-status').addEventListener('change', () => byId('fleet-filter').requestSubmit());
  byId('page-previous').addEventListener('click', () => {
    query.page = Math.max(0, query.page - 1);
    refresh();
  });
  byId('page-next').addEventListener('click', () => {
    query.page += 1;
    refresh();
  });
}

export async function loadFleet() {
  const params = new URLSearchParams({ sort: query.sort, order: query.order, page: query.page, size: query.size });
  if (query.status) {
    params.set('status', query.status);
  }
  if (query.tag) {
    params.set('tag', query.tag);
  }
  const [summary, anomalies, agents] = await Promise.allSettled([
    call('/api/v1/fleet/summary'),
    call('/api/v1/fleet/anomalies?limit=20'),
    call('/api/v1/fleet/agents?' + params),
  ]);
  const failed = [summary, anomalies, agents].find((result) => result.status === 'rejected');
  if (failed) {
    showMessage(describe(failed.reason), { source: 'refresh' });
  } else {
    clearMessage('refresh');
  }
  if (summary.status === 'fulfilled') {
    renderTiles(summary.value);
  }
  if (anomalies.status === 'fulfilled') {
    renderAnomalies(anomalies.value.anomalies || []);
  }
  if (agents.status === 'fulfilled') {
    renderAgents(agents.value);
  }
  byId('fleet-updated').textContent = clock();
}

function tile(key, label, value) {
  return el('div', { class: 'tile', 'data-tile': key },
    el('div', { class: 'label' }, label), el('div', { class: 'value' }, value));
}

function renderTiles(summary) {
  const byStatus = summary.by_status || {};
  const attention = summary.attention || {};
  const coherence = summary.coherence || {};
  const perMinute = summary.updates_per_minute || [];
  const lastMinute = perMinute.length ? perMinute[perMinute.length - 1].updates : null;
  byId('tiles').replaceChildren(
    tile('agents', 'Agents', summary.agents),
    ...STATUSES.map((status) => tile('status-' + status, status.replace('_', ' '), byStatus[status] ?? 0)),
    tile('attention', 'Attention p50 / p90', num(attention.p50) + ' / ' + num(attention.p90)),
    tile('coherence', 'Coherence p10 / p50', num(coherence.p10) + ' / ' + num(coherence.p50)),
    tile('above-revise', 'Above revise threshold', summary.above_revise?.count ?? 0),
    tile('paused', 'Paused', summary.paused?.count ?? 0),
    tile('in-review', 'In review', summary.in_review?.count ?? 0),
    tile('loop-cooldown', 'In loop cooldown', summary.loop_cooldown?.count ?? 0),
    tile('updates-hour', 'Updates, last hour', summary.updates_last_hour ?? 0),
    tile('updates-minute', 'Updates, current minute', lastMinute ?? 0),
  );
}

function renderAnomalies(anomalies) {
  const list = byId('anomalies');
  if (!anomalies.length) {
    list.replaceChildren(el('li', { class: 'none' }, 'No anomalies.'));
    return;
  }
  list.replaceChildren(...anomalies.map((anomaly) => el('li', { 'data-agent-id': anomaly.agent_id },
    el('span', { class: 'kind' }, anomaly.kind), agentLink(anomaly.agent_id), ' — ', anomaly.summary)));
}

function cell(column, value, className) {
  return el('td', { 'data-col': column, class: className }, value);
}

function renderAgents(page) {
  const rows = (page.agents || []).map((agent) => el('tr', { 'data-agent-id': agent.agent_id },
    el('td', { 'data-col': 'agent_id' }, agentLink(agent.agent_id)),
    cell('status', agent.status, 'status status-' + agent.status),
    cell('tags', (agent.tags || []).join(', ')),
    cell('last_update', when(agent.last_update)),
    cell('update_count', agent.update_count),
    cell('attention_score', num(agent.attention_score)),
    cell('coherence', num(agent.coherence)),
    cell('decision', agent.decision, agent.decision ? 'decision-' + agent.decision : undefined),
    cell('verdict', agent.verdict),
    cell('loop_cooldown_until', when(agent.loop_cooldown_until)),
    cell('in_review', agent.in_review ? 'yes' : 'no')));
  byId('fleet-rows').replaceChildren(...rows);
  const total = page.total ?? rows.length;
  const pages = Math.max(1, Math.ceil(total / query.size));
  byId('page-info').textContent = `page ${query.page + 1} of ${pages} (${total} agents)`;
  byId('page-previous').disabled = query.page === 0;
  byId('page-next').disabled = (query.page + 1) * query.size >= total;
  for (const button of byId('fleet-table').querySelectorAll('button[data-sort]')) {
    button.classList.toggle('sorted-asc', button.dataset.sort === query.sort && query.order === 'asc');
    button.classList.toggle('sorted-desc', button.dataset.sort === query.sort && query.order === 'desc');
  }
}
