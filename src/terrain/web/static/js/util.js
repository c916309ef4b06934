// Small helpers shared by the views: DOM building, colours, formatting.

export const FAMILY_COLOUR = { violence: '#c8372d', cooperation: '#2563a8' };
export const STATUS_COLOUR = {
  active: '#0f766e', announced: '#b7791f', planned: '#b7791f', alleged: '#7c3aed', ended: '#8492a6',
};
export const KIND_COLOUR = {
  state: '#475569', state_forces: '#334155', armed_group: '#9b2c2c', igo: '#0f766e', mission: '#0e7490',
  company: '#6b21a8', person: '#92400e', civilians: '#a16207', other: '#64748b',
};

// el('div.card', {title: 'x', onclick: fn}, child, 'text', ...)
export function el(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const node = document.createElement(tag || 'div');
  if (classes.length) node.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Replace a node's children, skipping the null / false of optional parts (append() would print "null").
export function fill(node, ...children) {
  clear(node).append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export function typeBadge(type, family) {
  return el('span.badge', { style: `background:${FAMILY_COLOUR[family] || '#64748b'}` }, type);
}

export function actorName(a) {
  if (!a) return null;
  return typeof a === 'string' ? a : a.name;
}

export function actorsLine(e) {
  const a1 = actorName(e.actor1), a2 = actorName(e.actor2);
  if (a1 && a2) return `${a1} → ${a2}`;
  return a1 || a2 || '(no actor)';
}

export function placeLine(e) {
  const loc = e.location;
  if (loc && loc.name) return [loc.name, loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null,
    loc.country].filter(Boolean).join(', ');
  return e.country || '(no place)';
}

export function eventDate(e) {
  return e.date || (e.document && e.document.published ? `${e.document.published} (published)` : 'undated');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function monthLabel(ym, long = false) {
  const [y, m] = ym.split('-');
  if (!m) return y;
  return long ? `${MONTHS[+m - 1]} ${y}` : MONTHS[+m - 1];
}

export function number(n) {
  if (n === null || n === undefined) return '—';
  return Number(n).toLocaleString('en-GB');
}

export function quantitiesLine(q) {
  const parts = Object.entries(q || {}).map(([k, v]) => `${k.replace('_', ' ')} ${number(v)}`);
  return parts.join(' · ');
}

export function debounce(fn, ms) {
  let t = null;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}
