// The map: country borders shipped with the app (Natural Earth 1:50m from world-atlas, TopoJSON),
// events as circles coloured by type family (one circle per place and family, sized by count), and
// deployments as arrows from the provider's country to the host's. Any click opens the evidence.

import { FAMILY_COLOUR, STATUS_COLOUR, el, number } from './util.js';

const AFRICA = [[-35.5, -19], [37.8, 52.5]];
const BORDERS = '/static/vendor/world-atlas/countries-50m.json';
const BASE = { color: '#97a3b2', weight: 0.6, fillColor: '#f7f5ef', fillOpacity: 1 };
const FOCUS = { color: '#334155', weight: 1.6, fillColor: '#fffdf5', fillOpacity: 1 };

let map, eventsLayer, deployLayer, ringLayer;
let onSelect = () => {};
const shapes = new Map(); // ISO 3166 numeric -> Leaflet layer
const centroids = new Map(); // ISO3 -> [lat, lon]
const numericOf = {};
let focused = null;

export async function initMap(node, countries, select) {
  onSelect = select;
  map = L.map(node, { zoomSnap: 0.25, minZoom: 2, maxZoom: 12, worldCopyJump: true, preferCanvas: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Borders: Natural Earth · Terrain');
  map.fitBounds(AFRICA);
  countries.forEach((c) => { if (c.numeric) numericOf[c.iso3] = String(c.numeric); });
  const isoOf = Object.fromEntries(Object.entries(numericOf).map(([iso, num]) => [num, iso]));

  const topo = await fetch(BORDERS).then((r) => r.json());
  const geo = topojson.feature(topo, topo.objects.countries);
  L.geoJSON(geo, {
    interactive: false,
    style: () => BASE,
    onEachFeature: (f, layer) => {
      shapes.set(String(f.id), layer);
      if (isoOf[f.id]) centroids.set(isoOf[f.id], centroid(f.geometry));
    },
  }).addTo(map);

  // Deployments under the events (Leaflet's overlay pane is at z-index 400): a circle at a host's
  // centroid stays clickable under the arrow that ends there.
  map.createPane('deployments').style.zIndex = 390;
  deployLayer = L.layerGroup().addTo(map);
  eventsLayer = L.layerGroup().addTo(map);
  ringLayer = L.layerGroup().addTo(map);
  L.control.layers(null, { Events: eventsLayer, Deployments: deployLayer }, { collapsed: false }).addTo(map);
  legend().addTo(map);
}

export function resize() { if (map) map.invalidateSize(); }

// The largest polygon's centroid (planar, in degrees): where a country's arrows start and end.
function centroid(geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = null, bestArea = 0;
  for (const poly of polys) {
    const ring = poly[0];
    let a = 0, cx = 0, cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += f; cx += (ring[j][0] + ring[i][0]) * f; cy += (ring[j][1] + ring[i][1]) * f;
    }
    if (Math.abs(a) > bestArea) { bestArea = Math.abs(a); best = [cy / (3 * a), cx / (3 * a)]; }
  }
  return best;
}

export function focusCountry(iso3) {
  if (focused) focused.setStyle(BASE);
  focused = iso3 ? shapes.get(numericOf[iso3]) : null;
  if (focused) {
    focused.setStyle(FOCUS);
    map.fitBounds(focused.getBounds(), { padding: [30, 30], maxZoom: 7 });
  } else {
    map.fitBounds(AFRICA);
  }
}

// Where an event goes on the map: its place, else (hollow, at the centroid) the country it is in,
// as ACLED does for events located only to a country.
function position(e) {
  const loc = e.location;
  if (loc && loc.lat !== null && loc.lat !== undefined) return { lat: loc.lat, lon: loc.lon, place: loc.name, exact: true };
  const iso = e.country || (loc && loc.country);
  const c = iso ? centroids.get(iso) : null;
  return c ? { lat: c[0], lon: c[1], place: `${iso} (country)`, exact: false } : null;
}

export function showEvents(events) {
  eventsLayer.clearLayers();
  const groups = new Map();
  let located = 0, countryOnly = 0;
  for (const e of events) {
    const at = position(e);
    if (!at) continue;
    if (at.exact) located += 1; else countryOnly += 1;
    const key = `${at.lat.toFixed(3)},${at.lon.toFixed(3)},${at.exact},${e.family}`;
    if (!groups.has(key)) groups.set(key, { ...at, family: e.family, events: [] });
    groups.get(key).events.push(e);
  }
  // Country-level under placed ones, co-operation under violence, big under small: all stay clickable.
  const rank = (g) => (g.exact ? 2 : 0) + (g.family === 'violence' ? 1 : 0);
  const ordered = [...groups.values()].sort((a, b) => rank(a) - rank(b) || b.events.length - a.events.length);
  for (const g of ordered) {
    const n = g.events.length;
    const colour = FAMILY_COLOUR[g.family];
    const marker = L.circleMarker([g.lat, g.lon], g.exact
      ? { radius: Math.min(18, 5 + 2.2 * Math.sqrt(n - 1)), color: '#ffffff', weight: 1.2, fillColor: colour,
        fillOpacity: 0.86, className: `ev-marker ev-${g.family}` }
      : { radius: Math.min(24, 8 + 2.2 * Math.sqrt(n - 1)), color: colour, weight: 1.6, dashArray: '3 3',
        fillColor: colour, fillOpacity: 0.16, className: `ev-marker ev-country ev-${g.family}` }).addTo(eventsLayer);
    const types = [...new Set(g.events.map((e) => e.type))].join(', ');
    marker.bindTooltip(`<b>${escapeHtml(g.place)}</b><br>${n} event${n > 1 ? 's' : ''}: ${escapeHtml(types)}`,
      { direction: 'top', offset: [0, -6] });
    const ids = g.events.map((e) => e.id);
    marker.on('click', () => onSelect(ids, `${n} event${n > 1 ? 's' : ''} at ${g.place}`));
    const node = marker.getElement();
    if (node) { node.dataset.ids = ids.join(','); node.dataset.place = g.place; node.dataset.exact = g.exact; }
  }
  return { located, countryOnly, unlocated: events.length - located - countryOnly };
}

export function showSelected(e) {
  ringLayer.clearLayers();
  const loc = e && e.location;
  if (!loc || loc.lat === null || loc.lat === undefined) return;
  L.circleMarker([loc.lat, loc.lon], { radius: 13, color: '#0f172a', weight: 2.5, fill: false, interactive: false,
    className: 'ev-selected' }).addTo(ringLayer);
  if (!map.getBounds().contains([loc.lat, loc.lon])) map.panTo([loc.lat, loc.lon]);
}

export function showDeployments(items) {
  deployLayer.clearLayers();
  for (const d of items) {
    const from = d.provider && d.provider.country ? centroids.get(d.provider.country) : null;
    const to = centroids.get(d.host);
    if (!from || !to || d.provider.country === d.host) continue;
    const colour = STATUS_COLOUR[d.status] || '#64748b';
    const dashed = ['announced', 'planned', 'alleged'].includes(d.status);
    const pts = curve(from, to);
    const troops = d.latest_troops ? `, ${number(d.latest_troops)} troops` : '';
    const label = `${d.provider.name} → ${d.host_name}${d.mission ? ` (${d.mission})` : ''}`;
    const line = L.polyline(pts, { color: colour, weight: 2.2, opacity: 0.75, dashArray: dashed ? '6 5' : null,
      className: 'dep-line', pane: 'deployments' }).addTo(deployLayer);
    const head = L.marker(pts[pts.length - 1], { icon: arrowIcon(pts, colour), keyboard: false,
      pane: 'deployments' })
      .addTo(deployLayer);
    for (const layer of [line, head]) {
      layer.bindTooltip(`<b>${escapeHtml(label)}</b><br>${d.status}${troops} · ${d.framework}`, { sticky: true });
      layer.on('click', () => onSelect(d.evidence, `Deployment: ${label}`));
    }
  }
}

// A gentle arc from a to b (quadratic Bézier in degrees): two opposite deployments stay apart.
function curve(a, b) {
  const [y1, x1] = a, [y2, x2] = b;
  const mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
  const cx = mx - (y2 - y1) * 0.18, cy = my + (x2 - x1) * 0.18;
  const pts = [];
  for (let i = 0; i <= 24; i++) {
    const t = i / 24, u = 1 - t;
    pts.push([u * u * y1 + 2 * u * t * cy + t * t * y2, u * u * x1 + 2 * u * t * cx + t * t * x2]);
  }
  return pts;
}

// Mercator is conformal, so the screen angle of the last segment is the same at every zoom.
function arrowIcon(pts, colour) {
  const p = map.project(pts[pts.length - 2], 5), q = map.project(pts[pts.length - 1], 5);
  const angle = Math.atan2(q.y - p.y, q.x - p.x) * 180 / Math.PI;
  const svg = `<svg width="14" height="14" viewBox="-7 -7 14 14" style="transform:rotate(${angle}deg)">`
    + `<path d="M7 0 L-6 -5.5 L-3 0 L-6 5.5 Z" fill="${colour}"/></svg>`;
  return L.divIcon({ className: 'dep-arrow', html: svg, iconSize: [14, 14], iconAnchor: [7, 7] });
}

function legend() {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => el('div.map-legend', {},
    el('div.legend-title', {}, 'Events'),
    el('div', {}, el('span.dot', { style: `background:${FAMILY_COLOUR.violence}` }), 'Violence'),
    el('div', {}, el('span.dot', { style: `background:${FAMILY_COLOUR.cooperation}` }), 'Co-operation & posture'),
    el('div', {}, el('span.dot.hollow'), 'Located only to a country'),
    el('div.legend-note', {}, 'circle size: number of events'),
    el('div.legend-title', {}, 'Deployments'),
    ...['active', 'announced', 'alleged', 'ended'].map((s) => el('div', {},
      el('span.line', { style: `border-color:${STATUS_COLOUR[s]};border-style:${s === 'active' || s === 'ended' ? 'solid' : 'dashed'}` }),
      s === 'announced' ? 'announced / planned' : s)));
  return control;
}

function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
