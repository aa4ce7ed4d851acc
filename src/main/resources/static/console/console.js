// The console's entry point: sign-in and sign-out, navigation by the URL fragment (#fleet, #agent/<id>), and
// polling of the shown view every few seconds.

import { bindAgent, loadAgent } from './agent.js';
import { ApiError, agentPath, call, describe } from './api.js';
import { byId, clearMessage, showMessage } from './dom.js';
import { bindFleet, loadFleet } from './fleet.js';
import { clearSession, currentSession, saveSession } from './session.js';

const POLL_MILLIS = 10000;
const AGENT_ID = /^[A-Za-z0-9_-]{3,64}$/;
const VIEWS = ['sign-in', 'fleet', 'agent'];

let generation = 0;
let timer = null;

function show(view) {
  for (const id of VIEWS) {
    byId(id).hidden = id !== view;
  }
}

/** Runs {@code load} now and then every POLL_MILLIS while the same view is shown. */
function poll(load) {
  const mine = ++generation;
  clearTimeout(timer);
  const tick = async () => {
    if (mine !== generation) {
      return;
    }
    if (!document.hidden) {
      await load();
    }
    if (mine === generation) {
      timer = setTimeout(tick, POLL_MILLIS);
    }
  };
  return tick();
}

function stopPolling() {
  generation++;
  clearTimeout(timer);
}

function requestedAgent() {
  const match = /^#agent\/(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function route() {
  const session = currentSession();
  if (!session) {
    stopPolling();
    byId('nav').hidden = true;
    show('sign-in');
    return;
  }
  byId('nav').hidden = false;
  byId('nav-fleet').hidden = session.role !== 'admin';
  byId('nav-own').hidden = session.role !== 'agent';
  if (session.role === 'agent') {
    byId('nav-own').setAttribute('href', '#agent/' + encodeURIComponent(session.agentId));
  }
  byId('who').textContent = session.role === 'admin' ? 'admin' : 'agent ' + session.agentId;
  const agentId = requestedAgent();
  if (session.role === 'agent') {
    if (agentId === null) {
      location.replace('#agent/' + encodeURIComponent(session.agentId));
      return;
    }
    if (agentId !== session.agentId) {
      stopPolling();
      show(null);
      showMessage(`FORBIDDEN: this session holds the key of agent '${session.agentId}'; an agent key opens only `
        + 'its own agent\'s page. Sign in with the admin token to see other agents.');
      return;
    }
  }
  if (agentId !== null) {
    if (!AGENT_ID.test(agentId)) {
      stopPolling();
      show(null);
      showMessage('INVALID_AGENT_ID: agent ids are 3 to 64 letters, digits, "_" or "-".');
      return;
    }
    clearMessage();
    show('agent');
    poll(() => loadAgent(agentId));
    return;
  }
  clearMessage();
  show('fleet');
  poll(loadFleet);
}

/**
 * Finds out what the typed credential is: the admin token reads the fleet summary; an agent key is checked
 * against its agent with a call only that agent's key (or the admin token) may make.
 */
async function identify(token, agentId) {
  try {
    await call('/api/v1/fleet/summary', { token });
    return { token, role: 'admin' };
  } catch (error) {
    if (!(error instanceof ApiError) || !agentId) {
      if (error instanceof ApiError && error.code === 'FORBIDDEN') {
        throw new Error('This is an agent key: enter its agent id too.');
      }
      throw error;
    }
  }
  try {
    await call(agentPath(agentId, '/context'), { token });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'CONTEXT_NOT_FOUND') {
      throw new Error(`FORBIDDEN: this key is not the key of agent '${agentId}'.`);
    }
    throw error;
  }
  return { token, role: 'agent', agentId };
}

async function signIn(event) {
  event.preventDefault();
  const tokenField = byId('token');
  const token = tokenField.value.trim();
  const agentId = byId('agent-id').value.trim();
  if (!token) {
    showMessage('Enter the admin token or an agent key.');
    return;
  }
  if (agentId && !AGENT_ID.test(agentId)) {
    showMessage('INVALID_AGENT_ID: agent ids are 3 to 64 letters, digits, "_" or "-".');
    return;
  }
  byId('sign-in-button').disabled = true;
  try {
    const session = await identify(token, agentId);
    saveSession(session);
    tokenField.value = '';
    byId('agent-id').value = '';
    clearMessage();
    const target = session.role === 'admin' ? (agentId ? '#agent/' + encodeURIComponent(agentId) : '#fleet')
      : '#agent/' + encodeURIComponent(session.agentId);
    if (location.hash === target) {
      route();
    } else {
      location.hash = target;
    }
  } catch (error) {
    showMessage(error instanceof ApiError ? describe(error) : error.message);
  } finally {
    byId('sign-in-button').disabled = false;
  }
}

function signOut() {
  clearSession();
  stopPolling();
  clearMessage();
  history.replaceState(null, '', location.pathname);
  route();
}

function refreshShown() {
  const agentId = requestedAgent();
  return agentId === null ? loadFleet() : loadAgent(agentId);
}

byId('sign-in-form').addEventListener('submit', signIn);
byId('sign-out').addEventListener('click', signOut);
window.addEventListener('hashchange', route);
bindFleet(refreshShown);
bindAgent(refreshShown);
route();
