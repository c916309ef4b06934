// Tables: the deployments board, the claims threads and the filtered events list. A click on a row
// opens its evidence.

import { STATUS_COLOUR, actorsLine, clear, el, eventDate, number, placeLine, typeBadge } from './util.js';

const ORDER = ['active', 'announced', 'planned', 'alleged', 'ended'];

function mark(ev) {
  const row = ev.currentTarget;
  row.parentNode.querySelectorAll('tr.current').forEach((r) => r.classList.remove('current'));
  row.classList.add('current');
}

export function showDeployments(node, items, select) {
  clear(node);
  if (!items.length) {
    node.append(el('div.empty', {}, 'No deployments in the filtered events.'));
    return;
  }
  const rows = items.slice().sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status)
    || (b.latest_troops || 0) - (a.latest_troops || 0));
  const table = el('table.board', {},
    el('thead', {}, el('tr', {}, ...['Provider', 'Host', 'Area', 'Mission / framework', 'Status', 'Troops (latest)',
      'Peak', 'Reported', 'Evidence'].map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((d) => {
      const label = `${d.provider.name} → ${d.host_name}`;
      return el('tr.clickable', { dataset: { key: d.key }, onclick: (ev) => { mark(ev); select(d.evidence, `Deployment: ${label}`); } },
        el('td.nowrap', {}, el('b', {}, d.provider.name), el('div.muted', {}, d.provider.kind.replace('_', ' '))),
        el('td.nowrap', {}, d.host_name, el('div.muted', {}, d.host)),
        el('td', {}, d.area || '—'),
        el('td', {}, d.mission ? el('b', {}, d.mission) : null, d.mission ? el('br') : null, d.framework,
          d.requested ? el('span.chip', {}, 'requested by host') : null),
        el('td', {}, el('span.status', { style: `background:${STATUS_COLOUR[d.status] || '#64748b'}` }, d.status)),
        el('td.num', {}, number(d.latest_troops)),
        el('td.num', {}, number(d.peak_troops)),
        el('td.nowrap', {}, d.first_reported || '—',
          d.last_reported && d.last_reported !== d.first_reported ? el('div.muted', {}, `→ ${d.last_reported}`) : null),
        el('td.num', {}, `${d.evidence.length} ›`));
    })));
  node.append(el('div.board-head', {}, `${items.length} deployments · click a row for its evidence`), table);
}

export function showClaims(node, items, select) {
  clear(node);
  if (!items.length) {
    node.append(el('div.empty', {}, 'No accusations or denials in the filtered events.'));
    return;
  }
  node.append(el('div.board-head', {}, `${items.length} claim threads · click one for its evidence`));
  for (const t of items) {
    const fact = t.allegation;
    node.append(el('article.thread.clickable', { onclick: () => select(t.event_ids, `Claims about ${t.accused.name}`) },
      el('header', {}, el('b', {}, t.accused.name),
        el('span.status', { style: `background:${t.status === 'denied' ? '#7c3aed' : '#b7791f'}` }, t.status),
        el('span.muted', {}, [t.first_date, t.last_date].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(' → ') || 'undated')),
      el('div', {}, el('span.muted', {}, 'Accused by '), t.accusers.map((a) => a.name).join(', ') || '—'),
      fact ? el('div', {}, el('span.muted', {}, 'Allegation '), typeBadge(fact.type, fact.family), ' ', actorsLine(fact),
        el('span.muted', {}, ` (${fact.status})`)) : null,
      ...[...t.accusations.slice(0, 2).map((e) => [e, 'accuses']), ...t.denials.slice(0, 2).map((e) => [e, 'denies'])]
        .map(([e, verb]) => el('div.quote', {}, el('span.who', {}, `${e.actor1 || '?'} ${verb}${e.date ? ` (${e.date})` : ''}:`),
          `“${e.text.length > 170 ? `${e.text.slice(0, 170)}…` : e.text}”`)),
      el('div.muted', {}, `${t.accusations.length} accusation(s) · ${t.facts.length} report(s) of the fact · `
        + `${t.denials.length} denial(s)`)));
  }
}

export function showEventTable(node, page, select, onPage) {
  clear(node);
  const { total, items, offset, limit } = page;
  const pager = el('div.board-head', {},
    `${number(total)} events`, total ? ` · ${offset + 1}–${offset + items.length}` : '',
    el('span.pager', {},
      el('button.secondary', { type: 'button', disabled: offset === 0, onclick: () => onPage(Math.max(0, offset - limit)) }, '‹ Previous'),
      el('button.secondary', { type: 'button', disabled: offset + limit >= total, onclick: () => onPage(offset + limit) }, 'Next ›')));
  node.append(pager);
  if (!items.length) {
    node.append(el('div.empty', {}, 'No events match the filters.'));
    return;
  }
  node.append(el('table.board', {},
    el('thead', {}, el('tr', {}, ...['Date', 'Type', 'Actors', 'Place', 'Status', 'Numbers', 'Sentence', 'Review']
      .map((h) => el('th', {}, h)))),
    el('tbody', {}, ...items.map((e) => el('tr.clickable', { dataset: { id: e.id }, onclick: () => select([e.id], `Event #${e.id}`) },
      el('td.nowrap', {}, eventDate(e)), el('td', {}, typeBadge(e.type, e.family)), el('td', {}, actorsLine(e)),
      el('td', {}, placeLine(e)), el('td', {}, e.status),
      el('td', {}, Object.entries(e.quantities || {}).map(([k, v]) => `${k} ${number(v)}`).join(', ')),
      el('td.sentence', {}, e.evidence.text), el('td', {}, e.reviewed || ''))))));
}
