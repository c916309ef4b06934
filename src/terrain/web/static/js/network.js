// The relations network (Cytoscape.js): actors as nodes, a pair's current score as the edge
// (green co-operation, red hostility, width by the number of events). A click on an edge opens
// the events behind it; a click on a node highlights its neighbourhood.

import { KIND_COLOUR, el, clear, fill } from './util.js';

let cy = null, container, info, onSelect = () => {};

export function initNetwork(node, infoNode, select) {
  container = node;
  info = infoNode;
  onSelect = select;
}

function edgeColour(score) {
  if (score >= 0.5) return '#2f855a';
  if (score <= -0.5) return '#c53030';
  return '#94a3b8';
}

export function showNetwork(graph) {
  if (cy) { cy.destroy(); cy = null; }
  clear(info);
  if (!graph.edges.length) {
    info.append(el('div.empty', {}, graph.actor
      ? `No relations of ${graph.actor} match the filters.` : 'No events between two actors match the filters.'));
    return;
  }
  const degree = {};
  graph.edges.forEach((e) => { degree[e.data.source] = (degree[e.data.source] || 0) + 1; degree[e.data.target] = (degree[e.data.target] || 0) + 1; });
  const elements = [
    ...graph.nodes.map((n) => ({ data: { ...n.data, degree: degree[n.data.id] || 0, colour: KIND_COLOUR[n.data.kind] || '#64748b' } })),
    ...graph.edges.map((e) => ({ data: { ...e.data, colour: edgeColour(e.data.current),
      width: Math.min(9, 1.5 + Math.sqrt(e.data.n_events) * 1.4),
      ids: e.data.series.flatMap((s) => s.event_ids) } })),
  ];
  cy = cytoscape({
    container, elements, minZoom: 0.2, maxZoom: 3,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(colour)', label: 'data(label)', color: '#1e293b', 'font-size': 11,
        'font-family': 'system-ui, sans-serif', 'text-valign': 'bottom', 'text-margin-y': 4,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 2,
        width: 'mapData(degree, 1, 12, 14, 40)', height: 'mapData(degree, 1, 12, 14, 40)',
        'border-width': 1.5, 'border-color': '#ffffff' } },
      { selector: 'edge', style: {
        'line-color': 'data(colour)', width: 'data(width)', 'curve-style': 'bezier', opacity: 0.85 } },
      { selector: 'edge:selected', style: { 'line-color': '#0f172a', opacity: 1 } },
      { selector: '.faded', style: { opacity: 0.12 } },
    ],
    // cose (built in): force-directed; strong repulsion keeps the labels of a dense graph apart.
    layout: { name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 200000, nodeOverlap: 40,
      idealEdgeLength: () => 80, edgeElasticity: () => 100, gravity: 0.6, numIter: 2500, componentSpacing: 90,
      padding: 30 },
  });
  // Labels keep a readable size on screen whatever the zoom (a fitted large graph is zoomed out).
  const label = () => cy.style().selector('node').style({ 'font-size': Math.max(11, 12 / cy.zoom()),
    'text-margin-y': 3 / cy.zoom(), 'text-background-padding': 2 / cy.zoom() }).update();
  cy.on('zoom', label);
  label();
  cy.on('tap', 'edge', (evt) => {
    const d = evt.target.data();
    onSelect(d.ids, `${d.source} — ${d.target}: now ${d.current > 0 ? '+' : ''}${d.current}`);
  });
  cy.on('tap', 'node', (evt) => {
    const hood = evt.target.closedNeighborhood();
    cy.elements().addClass('faded');
    hood.removeClass('faded');
  });
  cy.on('tap', (evt) => { if (evt.target === cy) cy.elements().removeClass('faded'); });
  const triads = graph.triads.slice(0, 3).map(([a, b, c]) => `${a} co-operates with ${b}, which is hostile to ${c}`);
  fill(info,
    el('div.net-legend', {},
      el('span', {}, el('span.line', { style: 'border-color:#2f855a' }), 'co-operation'),
      el('span', {}, el('span.line', { style: 'border-color:#c53030' }), 'hostility'),
      el('span', {}, el('span.line', { style: 'border-color:#94a3b8' }), 'neutral'),
      el('span.muted', {}, `${graph.nodes.length} actors · ${graph.edges.length} pairs · click an edge for its evidence`)),
    triads.length ? el('div.triads', {}, el('b', {}, 'Tensions to watch:'), triads.join(' · ')) : null);
}

export function resize() { if (cy) { cy.resize(); cy.fit(undefined, 24); } }

// For tests and the URL: the rendered position of an edge's midpoint, in page coordinates.
export function edgeMidpoint(id) {
  if (!cy) return null;
  const edge = cy.getElementById(id);
  if (!edge || edge.empty()) return null;
  const p = edge.renderedMidpoint(), box = container.getBoundingClientRect();
  return { x: box.left + p.x, y: box.top + p.y };
}
