// The JSON API, with the token kept in localStorage for writes. Errors come back as
// ApiError(message, fix, status), the API's {"error", "fix", "status"}.

const TOKEN_KEY = 'terrain.token';

export class ApiError extends Error {
  constructor(message, fix, status) {
    super(message);
    this.fix = fix;
    this.status = status;
  }
}

export function token() { return localStorage.getItem(TOKEN_KEY) || ''; }
export function setToken(value) {
  if (value) localStorage.setItem(TOKEN_KEY, value.trim());
  else localStorage.removeItem(TOKEN_KEY);
}

async function request(method, path, { params, body, auth = false } = {}) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth && token()) headers.Authorization = `Bearer ${token()}`;
  let res;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new ApiError(`cannot reach the Terrain server (${err.message})`, 'check that `terrain serve` runs', 0);
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError((data && data.error) || `${res.status} ${res.statusText}`, data && data.fix, res.status);
  }
  return data;
}

export const get = (path, params) => request('GET', path, { params });
export const post = (path, body) => request('POST', path, { body, auth: true });
export const whoami = () => request('GET', '/api/whoami', { auth: true });

// Every page of a listing, up to `cap` items (the map wants all the filtered events).
export async function getAll(path, params, cap = 20000) {
  const limit = 1000;
  const first = await get(path, withPage(params, limit, 0));
  const items = first.items.slice();
  const total = first.total;
  while (items.length < Math.min(total, cap)) {
    const page = await get(path, withPage(params, limit, items.length));
    if (!page.items.length) break;
    items.push(...page.items);
  }
  return { total, items };
}

function withPage(params, limit, offset) {
  const p = new URLSearchParams(params);
  p.set('limit', limit);
  p.set('offset', offset);
  return p;
}

// Documents are read often while reviewing one: keep the last few.
const docCache = new Map();
export async function documentWithEvents(docId, fresh = false) {
  if (!fresh && docCache.has(docId)) return docCache.get(docId);
  const doc = await get(`/api/documents/${encodeURIComponent(docId)}`);
  docCache.set(docId, doc);
  if (docCache.size > 20) docCache.delete(docCache.keys().next().value);
  return doc;
}
export function forgetDocument(docId) { docCache.delete(docId); }
