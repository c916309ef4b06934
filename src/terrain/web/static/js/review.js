// The review panel: confirm, correct (type, actors, place, date, numbers, status) or reject the open
// event. Writes need the API token (entered once, kept in localStorage); the API records who and when.

import { ApiError, post, token } from './api.js';
import { clear, el } from './util.js';

let node, onto, hooks, current = null;

export function initReview(container, ontology, callbacks) {
  node = container;
  onto = ontology;
  hooks = callbacks; // { reviewed(event), askToken() }
}

export function showReview(e) {
  // A late second load of the event on show keeps the panel: a correction half typed is not wiped.
  if (e && current && JSON.stringify(e) === JSON.stringify(current) && node.firstChild) return;
  // The same event reloaded after a review (now carrying it) keeps the review's status line.
  const kept = e && current && e.id === current.id ? [...(node.querySelector('#review-status')?.childNodes || [])] : [];
  current = e;
  clear(node);
  if (!e) return;
  const status = el('div.review-status', { id: 'review-status', role: 'status' }, ...kept);
  const form = correctionForm(e, status);
  node.append(
    el('div.review-head', {}, el('b', {}, 'Review'), el('span.muted', {}, token() ? '' : ' — needs an API token')),
    el('div.review-actions', {},
      el('button.ok', { type: 'button', id: 'review-confirm', onclick: () => send('confirm', null, status) }, '✓ Confirm'),
      el('button', { type: 'button', id: 'review-correct', onclick: () => { form.hidden = !form.hidden; keepInView(); } }, '✎ Correct…'),
      el('button.danger', { type: 'button', id: 'review-reject', onclick: () => send('reject', null, status) }, '✕ Reject')),
    form, status);
}

// The form takes room from the document above it: bring the sentence back into view.
function keepInView() {
  const mark = document.querySelector('#evidence-mark');
  if (mark) mark.scrollIntoView({ block: 'center' });
}

function input(name, value, attrs = {}) {
  return el('input', { name, value: value ?? '', ...attrs });
}

function select(name, options, value, blank = false) {
  return el('select', { name }, blank ? el('option', { value: '' }, '—') : null,
    ...options.map((o) => el('option', { value: o, selected: o === value }, o)));
}

function labelled(text, ...controls) { return el('label', {}, el('span', {}, text), ...controls); }

function correctionForm(e, status) {
  const a1 = e.actor1 || {}, a2 = e.actor2 || {}, loc = e.location || {}, q = e.quantities || {};
  const form = el('form.correct', { id: 'review-form', hidden: true },
    el('div.grid', {},
      labelled('Type', select('type', onto.event_types, e.type)),
      labelled('Status', select('status', onto.statuses, e.status)),
      labelled('Actor 1', input('actor1_name', a1.name, { placeholder: 'none' })),
      labelled('kind', select('actor1_kind', onto.actor_kinds, a1.kind || 'other')),
      labelled('Actor 2', input('actor2_name', a2.name, { placeholder: 'none' })),
      labelled('kind', select('actor2_kind', onto.actor_kinds, a2.kind || 'other')),
      labelled('Place', input('loc_name', loc.name, { placeholder: 'none' })),
      labelled('Place country', input('loc_country', loc.country, { placeholder: 'ISO3', maxlength: 3 })),
      labelled('Latitude', input('loc_lat', loc.lat, { type: 'number', step: 'any', min: -90, max: 90 })),
      labelled('Longitude', input('loc_lon', loc.lon, { type: 'number', step: 'any', min: -180, max: 180 })),
      labelled('Country', input('country', e.country, { placeholder: 'ISO3', maxlength: 3 })),
      labelled('Date', input('date', e.date, { placeholder: 'YYYY-MM-DD' }))),
    el('div.grid-title', {}, 'Numbers'),
    el('div.grid.numbers', {},
      ...onto.quantity_keys.map((k) => labelled(k.replace('_', ' '), input(`q_${k}`, q[k], { type: 'number', min: 0, step: 'any' })))),
    el('div.review-actions', {},
      el('button.ok', { type: 'submit', id: 'review-save' }, 'Save correction'),
      el('button.secondary', { type: 'button', onclick: () => { form.hidden = true; } }, 'Cancel')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const changes = diff(e, new FormData(form));
    if (!Object.keys(changes).length) {
      showStatus(status, 'Nothing changed: edit a field first.', 'error');
      return;
    }
    send('correct', changes, status);
  });
  return form;
}

const str = (v) => (v === null || v === undefined ? '' : String(v));
const numOrNull = (v) => (v === '' || v === null ? null : Number(v));

// Only the fields the analyst changed, in the export record's shape (what the API validates).
function diff(e, fd) {
  const out = {};
  const v = (k) => (fd.get(k) || '').trim();
  if (v('type') !== e.type) out.type = v('type');
  if (v('status') !== e.status) out.status = v('status');
  for (const part of ['actor1', 'actor2']) {
    const old = e[part] || {};
    if (v(`${part}_name`) !== str(old.name) || (old.name && v(`${part}_kind`) !== str(old.kind))) {
      out[part] = v(`${part}_name`) ? { name: v(`${part}_name`), kind: v(`${part}_kind`),
        country: v(`${part}_name`) === old.name ? old.country ?? null : null } : null;
    }
  }
  const loc = e.location || {};
  const changedLoc = ['name', 'country', 'lat', 'lon'].some((k) => v(`loc_${k}`) !== str(loc[k]));
  if (changedLoc) {
    out.location = v('loc_name') ? { name: v('loc_name'), country: v('loc_country').toUpperCase() || null,
      lat: numOrNull(v('loc_lat')), lon: numOrNull(v('loc_lon')),
      precision: v('loc_name') === loc.name ? loc.precision || 'place' : 'place',
      admin1: v('loc_name') === loc.name ? loc.admin1 ?? null : null } : null;
  }
  if (v('country').toUpperCase() !== str(e.country)) out.country = v('country').toUpperCase() || null;
  if (v('date') !== str(e.date)) out.date = v('date') || null;
  const q = {};
  let changedQ = false;
  for (const k of onto.quantity_keys) {
    const val = v(`q_${k}`);
    if (val !== '') q[k] = Number(val);
    if (val !== str((e.quantities || {})[k])) changedQ = true;
  }
  if (changedQ) out.quantities = q;
  return out;
}

function showStatus(status, text, kind = 'ok', fix = null) {
  clear(status).append(el(`div.${kind}`, {}, text, fix ? el('div.fix', {}, fix) : null));
}

async function send(action, changes, status) {
  if (!current) return;
  if (!token()) {
    showStatus(status, 'Reviewing needs an API token.', 'error', 'Enter it with the key button (top right).');
    hooks.askToken();
    return;
  }
  const id = current.id;
  try {
    const body = changes ? { action, changes } : { action };
    const updated = await post(`/api/events/${id}/review`, body);
    showStatus(status, `${updated.reviewed} by ${updated.reviewed_by} at ${updated.reviewed_at.slice(0, 19).replace('T', ' ')}`);
    await hooks.reviewed(updated);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) hooks.askToken();
    showStatus(status, err.message, 'error', err.fix);
  }
}
