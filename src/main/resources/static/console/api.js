// Calls to the service: the credential goes in the Authorization header only, never in a URL.

import { currentSession } from './session.js';

/** An error answer of the service, with the message and recovery action of its envelope. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static async from(response) {
    let envelope = null;
    try {
      envelope = await response.json();
    } catch {
      // not an envelope (a proxy's page, an empty body)
    }
    const base = envelope && typeof envelope.error === 'string'
      ? envelope.error : `The service answered ${response.status}.`;
    const action = envelope && envelope.recovery && typeof envelope.recovery.action === 'string'
      ? ' ' + envelope.recovery.action : '';
    const code = envelope && typeof envelope.error_code === 'string' ? envelope.error_code : null;
    return new ApiError(response.status, code, (code ? code + ': ' : '') + base + action);
  }
}

/**
 * Calls {@code path} of this server. {@code token} defaults to the signed-in one. Answers the parsed JSON body,
 * or the response itself with {@code raw}.
 */
export async function call(path, { method = 'GET', body, token, accept = 'application/json', raw = false } = {}) {
  const credential = token ?? currentSession()?.token;
  const headers = { Accept: accept };
  if (credential) {
    headers.Authorization = 'Bearer ' + credential;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
    redirect: 'error',
    referrerPolicy: 'no-referrer',
  });
  if (!response.ok) {
    throw await ApiError.from(response);
  }
  return raw ? response : response.json();
}

export function agentPath(agentId, tail = '') {
  return '/api/v1/agents/' + encodeURIComponent(agentId) + tail;
}

/** The message to show for a failed call. */
export function describe(error) {
  return error instanceof ApiError ? error.message : 'The service could not be reached: ' + error.message;
}
