// The workspace: wires the filter bar, the views (map, events, relations, deployments, claims), the
// timeline and the evidence + review panel to the API and to the URL.

import { apiParams, emit, on, readHash, state, writeHash } from './state.js';
import { forgetDocument, get, getAll, setToken, token, whoami } from './api.js';
import { initFilters, refreshChoices, showFilters } from './filters.js';
import * as geo from './map.js';
import { initTimeline, showTimeline } from './timeline.js';
import * as net from './network.js';
import { showClaims, showDeployments, showEventTable } from './boards.js';
import { initEvidence, open, remember, select } from './evidence.js';
import { initReview, showReview } from './review.js';
import { el, clear, fill, monthLabel, number } from './util.js';

const $ = (sel) => document.querySelector(sel);
const VIEWS = ['map', 'events', 'network', 'deployments', 'claims'];
let stale = new Set(VIEWS);
let loading = 0;
let deployments = [];
let lastCountry = null;
let tablePage = 0;

async function start() {
  readHash();
  const [ontology, countries] = await Promise.all([get('/api/ontology'), get('/api/countries')]);
  await initFilters($('#filters'), ontology);
  initEvidence({ list: $('#selection'), card: $('#event-card'), doc: $('#document') }, opened);
  initReview($('#review'), ontology, { reviewed, askToken });
  initTimeline($('#timeline'), pickMonth);
  net.initNetwork($('#network'), $('#network-info'), select);
  await geo.initMap($('#map'), countries.items, select);
  initTabs();
  initToken();
  on('filters', () => { tablePage = 0; refresh(); });
  window.addEventListener('hashchange', async () => {
    const before = state.event;
    readHash();
    showFilters();
    showView();
    await refresh();
    if (state.event && state.event !== before) await select([state.event], `Event #${state.event}`);
  });
  showView();
  await refresh();
  if (state.event) await select([state.event], `Event #${state.event}`);
  document.body.dataset.ready = 'true';
}

function banner(err) {
  const node = $('#banner');
  node.hidden = !err;
  if (err) fill(node, el('b', {}, err.message), err.fix ? el('span', {}, ` — ${err.fix}`) : null);
  else clear(node);
}

async function refresh() {
  const seq = ++loading;
  document.body.dataset.loading = 'true';
  writeHash();
  stale = new Set(VIEWS);
  try {
    const params = apiParams();
    const [events, timeline, countries, deps] = await Promise.all([
      getAll('/api/events', params), get('/api/timeline', params), get('/api/countries', apiParams({}, ['country'])),
      get('/api/deployments', apiParams({}, ['type'])).catch((err) => { banner(err); return { items: [] }; }),
    ]);
    if (seq !== loading) return;
    banner(null);
    remember(events.items);
    deployments = deps.items;
    const { located, countryOnly, unlocated } = geo.showEvents(events.items);
    geo.showDeployments(deployments);
    $('#map-note').textContent = `${number(located)} events at a place · ${number(countryOnly)} at a country's centre`
      + (unlocated ? ` · ${number(unlocated)} without a place (see Events)` : '')
      + (events.items.length < events.total ? ` · first ${number(events.items.length)} of ${number(events.total)}` : '');
    if (state.filters.country !== lastCountry) {
      geo.focusCountry(state.filters.country);
      lastCountry = state.filters.country;
    }
    showTimeline(timeline);
    $('#timeline-extra').textContent = [timeline.year_only ? `${timeline.year_only} dated by year only` : '',
      timeline.undated ? `${timeline.undated} undated` : ''].filter(Boolean).join(' · ');
    $('#summary').textContent = `${number(events.total)} events`;
    await refreshChoices(countries.items);
    stale.delete('map');
    await loadView();
  } catch (err) {
    if (seq === loading) banner(err);
  } finally {
    if (seq === loading) document.body.dataset.loading = 'false';
  }
}

async function loadView() {
  const view = state.view;
  if (!stale.has(view)) return;
  stale.delete(view);
  const node = $(`#view-${view}`);
  try {
    if (view === 'events') {
      const page = await get('/api/events', apiParams({ limit: 100, offset: tablePage }));
      remember(page.items);
      showEventTable(node, page, select, (offset) => { tablePage = offset; stale.add('events'); loadView(); });
    } else if (view === 'network') {
      net.showNetwork(await get('/api/relations', apiParams()));
      net.resize();
    } else if (view === 'deployments') {
      showDeployments(node, deployments, select);
    } else if (view === 'claims') {
      showClaims(node, (await get('/api/claims', apiParams())).items, select);
    }
  } catch (err) {
    clear(node).append(el('div.error.view-error', {}, err.message, err.fix ? el('div.fix', {}, err.fix) : null));
  }
}

function initTabs() {
  document.querySelectorAll('.tabs button').forEach((b) => b.addEventListener('click', () => {
    state.view = b.dataset.view;
    writeHash();
    showView();
    loadView();
  }));
}

function showView() {
  if (!VIEWS.includes(state.view)) state.view = 'map';
  document.querySelectorAll('.tabs button').forEach((b) => {
    b.classList.toggle('active', b.dataset.view === state.view);
    b.setAttribute('aria-selected', b.dataset.view === state.view);
  });
  VIEWS.forEach((v) => { $(`#view-${v}`).hidden = v !== state.view; });
  if (state.view === 'map') geo.resize();
  if (state.view === 'network') net.resize();
}

async function pickMonth(month) {
  const page = await get('/api/events', apiParams({ since: month, until: month, limit: 1000 }));
  remember(page.items);
  await select(page.items.map((e) => e.id), `${monthLabel(month, true)}: ${page.total} events`);
}

function opened(e) {
  state.event = e ? e.id : null;
  writeHash();
  geo.showSelected(e);
  showReview(e);
  document.querySelectorAll('#view-events tr.current').forEach((r) => r.classList.remove('current'));
  if (e) document.querySelectorAll(`#view-events tr[data-id="${e.id}"]`).forEach((r) => r.classList.add('current'));
}

async function reviewed(event) {
  forgetDocument(event.doc_id);
  remember([event]);
  await open(event.id, true);
  await refresh();
}

// --- the API token -------------------------------------------------------------------------

function askToken() { $('#token-dialog').showModal(); $('#token-input').focus(); }

async function showTokenState() {
  const button = $('#token-button');
  if (!token()) { button.textContent = 'Token: none'; button.classList.remove('set'); return; }
  try {
    const me = await whoami();
    button.textContent = `Token: ${me.name} (${me.role})`;
    button.classList.add('set');
  } catch (err) {
    button.textContent = 'Token: invalid';
    button.classList.remove('set');
  }
}

function initToken() {
  const dialog = $('#token-dialog'), msg = $('#token-msg');
  $('#token-button').addEventListener('click', askToken);
  $('#token-cancel').addEventListener('click', () => dialog.close());
  $('#token-clear').addEventListener('click', () => { setToken(''); showTokenState(); dialog.close(); });
  $('#token-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    setToken($('#token-input').value);
    try {
      const me = await whoami();
      msg.textContent = '';
      dialog.close();
      $('#token-input').value = '';
      $('#token-button').textContent = `Token: ${me.name} (${me.role})`;
      $('#token-button').classList.add('set');
      if (state.event) await open(state.event);
    } catch (err) {
      setToken('');
      msg.textContent = `${err.message}${err.fix ? ` — ${err.fix}` : ''}`;
    }
  });
  showTokenState();
}

start().catch((err) => { banner(err); console.error(err); });
// For the browser tests and the console: the state, and where an edge of the network is drawn.
window.terrain = { state, emit, edgeMidpoint: net.edgeMidpoint };
