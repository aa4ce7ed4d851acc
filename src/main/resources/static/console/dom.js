// Small DOM helpers. Server data only ever becomes text nodes or attribute values, never markup.

export const byId = (id) => document.getElementById(id);

/** An element with attributes (class, data-*, others) and children (nodes, or strings as text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : text(child));
  }
  return node;
}

export function text(value) {
  return document.createTextNode(value === undefined || value === null ? '—' : String(value));
}

/** A number with a fixed count of decimals, or a dash when there is none. */
export function num(value, digits = 3) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** A service timestamp as it is (ISO-8601), or a dash. */
export function when(value) {
  return value ? String(value).replace('T', ' ') : '—';
}

export function clock() {
  return new Date().toLocaleTimeString([], { hour12: false });
}

/** The link to an agent's page: navigation in the fragment only, never a credential. */
export function agentLink(agentId) {
  return el('a', { href: '#agent/' + encodeURIComponent(agentId), 'data-agent-link': agentId }, agentId);
}

let messageSource = null;

/** Shows a message in the alert line; {@code source} lets a later success of the same source clear it. */
export function showMessage(message, { kind = 'error', source = 'action' } = {}) {
  const line = byId('message');
  line.textContent = message;
  line.classList.toggle('info', kind === 'info');
  line.dataset.kind = kind;
  line.hidden = false;
  messageSource = source;
}

export function clearMessage(source) {
  if (source === undefined || source === messageSource) {
    const line = byId('message');
    line.textContent = '';
    line.hidden = true;
    messageSource = null;
  }
}
