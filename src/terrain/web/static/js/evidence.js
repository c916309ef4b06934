// The evidence view: the events picked by a click (a dot, a bar, an edge, a row), the open event's
// card, and its source document with the supporting sentence highlighted and scrolled into view.

import { documentWithEvents, get } from './api.js';
import { actorsLine, clear, el, fill, eventDate, placeLine, quantitiesLine, typeBadge } from './util.js';

let nodes, onOpened = () => {};
const known = new Map(); // id -> event, from the views' loads
let selection = { ids: [], label: '', index: 0 };

export function initEvidence(parts, opened) {
  nodes = parts;
  onOpened = opened;
}

export function remember(events) { events.forEach((e) => known.set(e.id, e)); }

async function eventById(id, fresh = false) {
  if (!fresh && known.has(id)) return known.get(id);
  const e = await get(`/api/events/${id}`);
  known.set(id, e);
  return e;
}

export async function select(ids, label, openId = null) {
  const unique = [...new Set(ids)];
  selection = { ids: unique, label, index: Math.max(0, openId ? unique.indexOf(openId) : 0) };
  // List items need each event: fetch the few not loaded by a view (e.g. a rejected one).
  await Promise.all(unique.slice(0, 100).filter((id) => !known.has(id)).map((id) => eventById(id).catch(() => null)));
  renderList();
  if (unique.length) await open(unique[selection.index]);
}

export async function open(id, fresh = false) {
  const i = selection.ids.indexOf(id);
  if (i < 0) { selection = { ids: [id], label: `Event #${id}`, index: 0 }; } else selection.index = i;
  let e;
  try {
    e = await eventById(id, fresh);
  } catch (err) {
    clear(nodes.card).append(el('div.error', {}, err.message, err.fix ? el('div.fix', {}, err.fix) : null));
    clear(nodes.doc);
    onOpened(null);
    return;
  }
  renderList();
  renderCard(e);
  const doc = await documentWithEvents(e.doc_id, fresh);
  renderDocument(doc, e);
  onOpened(e);
  // After the review panel below is drawn: it sets the document pane's height, hence where "centre" is.
  const mark = nodes.doc.querySelector('#evidence-mark');
  if (mark) mark.scrollIntoView({ block: 'center' });
}

function renderList() {
  const { ids, label, index } = selection;
  clear(nodes.list);
  if (ids.length <= 1) { nodes.list.hidden = true; return; }
  nodes.list.hidden = false;
  const step = (d) => open(ids[(index + d + ids.length) % ids.length]);
  nodes.list.append(el('div.sel-head', {}, el('b', {}, label),
    el('span.sel-nav', {}, el('button.icon', { type: 'button', title: 'Previous', onclick: () => step(-1) }, '‹'),
      `${index + 1} / ${ids.length}`, el('button.icon', { type: 'button', title: 'Next', onclick: () => step(1) }, '›'))));
  const ul = el('ul.sel-items');
  ids.slice(0, 100).forEach((id, i) => {
    const e = known.get(id);
    ul.append(el(`li${i === index ? '.current' : ''}`, { dataset: { id }, onclick: () => open(id) },
      e ? typeBadge(e.type, e.family) : null, ' ', el('span.sel-date', {}, e ? (e.date || '—') : ''), ' ',
      e ? e.evidence.text : `event #${id}`));
  });
  nodes.list.append(ul);
  const current = ul.querySelector('.current');
  if (current) current.scrollIntoView({ block: 'nearest' });
}

function row(label, value) {
  return value ? el('div.kv', {}, el('span.k', {}, label), el('span.v', {}, value)) : null;
}

function renderCard(e) {
  const reviewed = e.reviewed
    ? el('span.chip.reviewed', { title: `by ${e.reviewed_by || '?'} at ${e.reviewed_at || '?'}` },
      `${e.reviewed} by ${e.reviewed_by || '?'} · ${(e.reviewed_at || '').slice(0, 16).replace('T', ' ')}`)
    : el('span.chip', {}, 'not reviewed');
  const d = e.document || {};
  fill(nodes.card,
    el('div.card-head', {}, typeBadge(e.type, e.family), el('span.chip', {}, e.status), reviewed,
      el('span.muted.eid', {}, `#${e.id}`)),
    el('div.card-actors', {}, actorsLine(e)),
    row('Where', placeLine(e) + (e.location && e.location.precision ? ` (${e.location.precision})` : '')),
    row('When', eventDate(e)),
    row('Numbers', quantitiesLine(e.quantities)),
    row('Says who', e.attributed_to),
    row('Source', [d.source, d.published].filter(Boolean).join(', ') + (d.title ? ` — ${d.title}` : '')),
    e.linked_ids && e.linked_ids.length ? el('div.kv', {}, el('span.k', {}, 'Linked'),
      el('span.v', {}, ...e.linked_ids.map((id) => el('button.link', { type: 'button', onclick: () => open(id) }, `#${id} `)))) : null);
}

// The sentence's characters in the document: the stored offsets count Unicode code points (Python
// string indices), so slice code points, not UTF-16 units; fall back to a search if they disagree.
function span(chars, text, ev) {
  const { start, end } = ev.evidence;
  if (start >= 0 && end <= chars.length && chars.slice(start, end).join('') === ev.evidence.text) return [start, end];
  const at = text.indexOf(ev.evidence.text);
  if (at < 0) return null;
  const s = Array.from(text.slice(0, at)).length;
  return [s, s + Array.from(ev.evidence.text).length];
}

function renderDocument(doc, current) {
  const chars = Array.from(doc.text);
  const spans = [];
  const mine = span(chars, doc.text, current);
  if (mine) spans.push({ s: mine[0], e: mine[1], id: current.id, current: true });
  for (const ev of doc.events) {
    if (ev.id === current.id) continue;
    const sp = span(chars, doc.text, ev);
    if (sp && !spans.some((x) => sp[0] < x.e && x.s < sp[1])) spans.push({ s: sp[0], e: sp[1], id: ev.id, type: ev.type });
  }
  spans.sort((a, b) => a.s - b.s);
  const body = el('div.doc-text');
  let at = 0;
  for (const sp of spans) {
    body.append(chars.slice(at, sp.s).join(''));
    const text = chars.slice(sp.s, sp.e).join('');
    body.append(sp.current
      ? el('mark.evidence-hl', { id: 'evidence-mark', dataset: { id: sp.id } }, text)
      : el('span.ev-sent', { dataset: { id: sp.id }, title: `${sp.type} #${sp.id}: click to open`, onclick: () => open(sp.id) }, text));
    at = sp.e;
  }
  body.append(chars.slice(at).join(''));
  fill(nodes.doc,
    el('div.doc-head', {}, el('b', {}, doc.title || doc.doc_id),
      el('div.muted', {}, [doc.source, doc.published, `${doc.events.length} events in this document`].filter(Boolean).join(' · '),
        /^https?:\/\//i.test(doc.url || '') // never a javascript: or data: link from a stored document
          ? el('span', {}, ' · ', el('a', { href: doc.url, target: '_blank', rel: 'noopener noreferrer' }, 'original')) : null)),
    mine ? null : el('div.error', {}, 'The sentence was not found in the stored text (the document changed?).'),
    body);
}
