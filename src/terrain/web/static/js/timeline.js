// The timeline: filtered events per month as stacked SVG bars (violence under co-operation).
// A click on a bar opens that month's events in the evidence view.

import { FAMILY_COLOUR, clear, monthLabel } from './util.js';

const NS = 'http://www.w3.org/2000/svg';
let container, onPick = () => {}, data = null, picked = null;

export function initTimeline(node, pick) {
  container = node;
  onPick = pick;
  new ResizeObserver(() => draw()).observe(container);
}

export function showTimeline(timeline) {
  data = timeline;
  draw();
}

export function markMonth(month) {
  picked = month;
  container.querySelectorAll('.tl-bar').forEach((g) => g.classList.toggle('picked', g.dataset.month === month));
}

function svg(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function draw() {
  if (!container || !data) return;
  clear(container);
  const months = data.months;
  const width = container.clientWidth || 600, height = container.clientHeight || 110;
  const pad = { l: 34, r: 10, t: 8, b: 22 };
  if (!months.length) {
    container.append(Object.assign(document.createElement('div'),
      { className: 'empty', textContent: 'No dated events match the filters.' }));
    return;
  }
  const root = svg('svg', { width, height, class: 'timeline-svg', role: 'img', 'aria-label': 'Events per month' }, container);
  const max = Math.max(1, ...months.map((m) => m.total));
  const plotW = width - pad.l - pad.r, plotH = height - pad.t - pad.b;
  const step = plotW / months.length, barW = Math.max(1, Math.min(28, step * 0.8));
  const y = (v) => pad.t + plotH - (v / max) * plotH;

  for (const tick of niceTicks(max)) {
    svg('line', { x1: pad.l, x2: width - pad.r, y1: y(tick), y2: y(tick), class: 'tl-grid' }, root);
    svg('text', { x: pad.l - 6, y: y(tick) + 3, class: 'tl-axis', 'text-anchor': 'end' }, root).textContent = tick;
  }
  // Month names when there is room for them; else years only (every n-th year when even those crowd).
  const monthsFit = step >= 24;
  const yearEvery = Math.max(1, Math.ceil(34 / (step * 12)));
  months.forEach((m, i) => {
    const x = pad.l + i * step + (step - barW) / 2;
    const g = svg('g', { class: 'tl-bar', 'data-month': m.month, 'data-total': m.total }, root);
    // The hit area spans the whole column, so thin bars are easy to click.
    svg('rect', { x: pad.l + i * step, y: pad.t, width: step, height: plotH, class: 'tl-hit' }, g);
    const hv = y(0) - y(m.violence), hc = y(0) - y(m.cooperation);
    if (m.violence) svg('rect', { x, y: y(m.violence), width: barW, height: hv, fill: FAMILY_COLOUR.violence }, g);
    if (m.cooperation) svg('rect', { x, y: y(m.violence) - hc, width: barW, height: hc, fill: FAMILY_COLOUR.cooperation }, g);
    svg('title', {}, g).textContent = `${monthLabel(m.month, true)}: ${m.total} event${m.total === 1 ? '' : 's'}`
      + ` (${m.violence} violence, ${m.cooperation} co-operation)`;
    if (m.total) g.addEventListener('click', () => { markMonth(m.month); onPick(m.month); });
    const year = +m.month.slice(0, 4), jan = m.month.endsWith('-01');
    let label = null;
    if (monthsFit) label = jan || i === 0 ? String(year) : monthLabel(m.month);
    else if ((jan || (i === 0 && months.length < 12)) && year % yearEvery === 0) label = String(year);
    if (label) {
      svg('text', { x: pad.l + i * step + (monthsFit ? step / 2 : 0), y: height - 7,
        class: /^\d{4}$/.test(label) ? 'tl-axis tl-year' : 'tl-axis', 'text-anchor': monthsFit ? 'middle' : 'start' },
      root).textContent = label;
    }
  });
  svg('line', { x1: pad.l, x2: width - pad.r, y1: y(0), y2: y(0), class: 'tl-base' }, root);
  if (picked) markMonth(picked);
}

function niceTicks(max) {
  const raw = max / 3, mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) || mag;
  const out = [];
  for (let v = step; v <= max; v += step) out.push(Math.round(v));
  return out;
}
