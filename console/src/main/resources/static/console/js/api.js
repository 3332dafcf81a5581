// The API as the console calls it: through the gateway, with the session cookie the gateway set at sign-in. The
// browser holds no token; the gateway relays the person's. Writes carry the CSRF token the gateway gave in the
// XSRF-TOKEN cookie, echoed in X-XSRF-TOKEN. Every refusal is an RFC 9457 problem: thrown as a Problem whose
// title and detail are the API's own words.

export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.title = this.body.title || `HTTP ${status}`;
    this.detail = this.body.detail || '';
  }
}

export function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}

const listeners = new Set();
/** Called with no argument when the session has ended (a 401): the page shows its sign-in screen. */
export function onSignedOut(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Calls the API. `body` is sent as JSON unless it is FormData; `idempotencyKey` makes a retried POST safe.
 * Returns the parsed JSON (null for 204); throws a Problem for any 4xx/5xx, and a TypeError when offline.
 */
export async function api(path, { method = 'GET', body, headers = {}, idempotencyKey, signal } = {}) {
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    h['X-XSRF-TOKEN'] = csrfToken();
  }
  if (idempotencyKey) {
    h['Idempotency-Key'] = idempotencyKey;
  }
  const response = await fetch(path, { method, headers: h, body: payload, credentials: 'same-origin', signal });
  if (response.status === 401) {
    listeners.forEach((fn) => fn());
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new Problem(response.status, data);
  }
  return data;
}

/** All items of a paged list ({items, page, size, total}), up to `max`. */
export async function all(path, max = 1000) {
  const items = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let page = 0; items.length < max; page++) {
    const result = await api(`${path}${sep}page=${page}&size=100`);
    const batch = Array.isArray(result) ? result : (result.items || []);
    items.push(...batch);
    if (Array.isArray(result) || batch.length < 100 || items.length >= (result.total ?? Infinity)) {
      break;
    }
  }
  return items.slice(0, max);
}
