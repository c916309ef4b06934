// The workspace's state: filters, the active view and the open event, kept in the URL's hash so
// that a copied URL reproduces the view. Views listen for 'filters' and 'select' events.

export const FILTER_KEYS = ['type', 'country', 'actor', 'since', 'until', 'status', 'q'];
const LIST_KEYS = new Set(['type', 'status']);

export const state = {
  filters: emptyFilters(),
  view: 'map',
  event: null, // the id of the event open in the evidence view
  month: null, // the timeline bar last clicked
};

export function emptyFilters() {
  return { type: [], country: '', actor: '', since: '', until: '', status: [], q: '' };
}

export function readHash() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const f = emptyFilters();
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (!v) continue;
    f[key] = LIST_KEYS.has(key) ? v.split(',').filter(Boolean) : v;
  }
  state.filters = f;
  state.view = params.get('view') || 'map';
  const ev = parseInt(params.get('event') || '', 10);
  state.event = Number.isFinite(ev) ? ev : null;
}

export function hashString() {
  const params = new URLSearchParams();
  params.set('view', state.view);
  for (const key of FILTER_KEYS) {
    const v = state.filters[key];
    if (LIST_KEYS.has(key) ? v.length : v) params.set(key, LIST_KEYS.has(key) ? v.join(',') : v);
  }
  if (state.event) params.set('event', state.event);
  return params.toString();
}

export function writeHash() {
  const next = '#' + hashString();
  if (location.hash !== next) history.replaceState(null, '', next);
}

// The filters as API query parameters; `omit` leaves some out (the deployments board ignores type).
export function apiParams(extra = {}, omit = []) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (omit.includes(key)) continue;
    const v = state.filters[key];
    if (LIST_KEYS.has(key)) v.forEach((x) => params.append(key, x));
    else if (v) params.set(key, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) params.set(k, v);
  return params;
}

const listeners = {};
export function on(name, fn) { (listeners[name] = listeners[name] || []).push(fn); }
export function emit(name, data) { (listeners[name] || []).forEach((fn) => fn(data)); }
