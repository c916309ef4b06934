// The filter bar: type, country, actor, date range, status, text. Changing one updates the state
// (and the URL) and emits 'filters'; every view reloads from it.

import { apiParams, emit, emptyFilters, state } from './state.js';
import { clear, debounce, el } from './util.js';
import { get } from './api.js';

let form;
let ontology;

export async function initFilters(node, onto) {
  form = node;
  ontology = onto;
  const families = { violence: [], cooperation: [] };
  onto.event_types.forEach((t) => families[onto.families[t]].push(t));

  const typeBox = el('details.multi', { id: 'f-type' },
    el('summary', { id: 'f-type-label' }, 'All types'),
    el('div.multi-menu', {},
      ...Object.entries(families).map(([fam, types]) => el('fieldset', {},
        el('legend', {}, el(`span.swatch.${fam}`), fam === 'violence' ? 'Violence' : 'Co-operation & posture'),
        ...types.map((t) => el('label', {}, el('input', { type: 'checkbox', name: 'type', value: t }), t)))),
      el('button.link', { type: 'button', onclick: () => setTypes([]) }, 'Clear types')));

  form.append(
    el('div.field', {}, el('span.field-label', {}, 'Type'), typeBox), // a <div>: the box holds labels itself
    field('Country', el('select', { name: 'country', id: 'f-country' }, el('option', { value: '' }, 'All countries'))),
    field('Actor', el('input', { name: 'actor', id: 'f-actor', list: 'actor-list', placeholder: 'any actor', autocomplete: 'off' }),
      el('datalist', { id: 'actor-list' })),
    field('From', el('input.date', { name: 'since', id: 'f-since', placeholder: 'YYYY-MM', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', title: 'YYYY, YYYY-MM or YYYY-MM-DD' })),
    field('To', el('input.date', { name: 'until', id: 'f-until', placeholder: 'YYYY-MM', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', title: 'YYYY, YYYY-MM or YYYY-MM-DD' })),
    field('Status', el('select', { name: 'status', id: 'f-status' }, el('option', { value: '' }, 'Any status'),
      ...onto.statuses.map((s) => el('option', { value: s }, s)))),
    field('Sentence', el('input.search', { name: 'q', id: 'f-q', type: 'search', placeholder: 'words in the evidence' })),
    el('div.filter-actions', {},
      el('button.secondary', { type: 'button', id: 'f-reset', onclick: reset }, 'Reset'),
      el('span.downloads', {}, 'Export ',
        el('a', { id: 'dl-csv', href: '#', download: '' }, 'CSV'), ' · ',
        el('a', { id: 'dl-geojson', href: '#', download: '' }, 'GeoJSON'))),
  );

  form.addEventListener('change', (e) => { if (e.target.name !== 'q' && e.target.name !== 'actor') readForm(); });
  const typed = debounce(readForm, 450);
  form.querySelector('#f-q').addEventListener('input', typed);
  form.querySelector('#f-actor').addEventListener('change', readForm);
  form.addEventListener('submit', (e) => { e.preventDefault(); readForm(); });
  document.addEventListener('click', (e) => {
    if (!typeBox.contains(e.target)) typeBox.open = false;
  });
  showFilters();
}

function field(label, ...controls) {
  return el('label.field', {}, el('span.field-label', {}, label), ...controls);
}

function setTypes(types) {
  form.querySelectorAll('input[name=type]').forEach((c) => { c.checked = types.includes(c.value); });
  readForm();
}

function reset() {
  state.filters = emptyFilters();
  showFilters();
  emit('filters');
}

function readForm() {
  const f = state.filters;
  f.type = [...form.querySelectorAll('input[name=type]:checked')].map((c) => c.value);
  f.country = form.querySelector('#f-country').value;
  f.actor = form.querySelector('#f-actor').value.trim();
  f.since = form.querySelector('#f-since').value.trim();
  f.until = form.querySelector('#f-until').value.trim();
  const status = form.querySelector('#f-status').value;
  f.status = status ? [status] : [];
  f.q = form.querySelector('#f-q').value.trim();
  updateLabels();
  emit('filters');
}

// The state into the form (at start, on reset, after a timeline click sets the dates).
export function showFilters() {
  const f = state.filters;
  form.querySelectorAll('input[name=type]').forEach((c) => { c.checked = f.type.includes(c.value); });
  const country = form.querySelector('#f-country');
  if (f.country && ![...country.options].some((o) => o.value === f.country)) {
    country.append(el('option', { value: f.country }, f.country));
  }
  country.value = f.country;
  form.querySelector('#f-actor').value = f.actor;
  form.querySelector('#f-since').value = f.since;
  form.querySelector('#f-until').value = f.until;
  form.querySelector('#f-status').value = f.status[0] || '';
  form.querySelector('#f-q').value = f.q;
  updateLabels();
}

function updateLabels() {
  const t = state.filters.type;
  form.querySelector('#f-type-label').textContent = !t.length ? 'All types' : t.length <= 2 ? t.join(', ') : `${t.length} types`;
  form.querySelector('#dl-csv').href = `/api/export.csv?${apiParams()}`;
  form.querySelector('#dl-geojson').href = `/api/export.geojson?${apiParams()}`;
  form.classList.toggle('active', Object.values(state.filters).some((v) => (Array.isArray(v) ? v.length : v)));
}

// Country and actor choices for the current filters (leaving out their own value, so one can switch).
export async function refreshChoices(countries) {
  const select = form.querySelector('#f-country');
  const keep = state.filters.country;
  clear(select).append(el('option', { value: '' }, 'All countries'));
  for (const c of countries.filter((x) => x.events > 0 || x.iso3 === keep)) {
    select.append(el('option', { value: c.iso3 }, `${c.name} (${c.events})`));
  }
  select.value = keep;
  const actors = await get('/api/actors', apiParams({}, ['actor'])).catch(() => ({ items: [] }));
  const list = clear(form.querySelector('#actor-list'));
  actors.items.slice(0, 300).forEach((a) => list.append(el('option', { value: a.name }, `${a.events} events`)));
}
