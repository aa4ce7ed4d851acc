// The signed-in credential, kept in this tab's session storage only (gone when the tab closes).

const KEY = 'govflow.console.session';

export function currentSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY));
    return stored && typeof stored.token === 'string' ? stored : null;
  } catch {
    return null;
  }
}

/** {token, role: 'admin' | 'agent', agentId (agent only)} */
export function saveSession(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}
