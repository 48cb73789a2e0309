// Triples drawn as a graph with cytoscape (loaded on first use: its own chunk).
import cytoscape from 'cytoscape';
import { LABELS, compact, shorten, termKey } from './sparql.js';

const MAX_NODES = 400;

const STYLE = [
  {
    selector: 'node',
    style: {
      'background-color': '#3f6fa6',
      width: 14,
      height: 14,
      label: 'data(label)',
      'font-size': 12,
      'font-family': 'system-ui, sans-serif',
      color: '#222',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-background-color': '#fff',
      'text-background-opacity': 0.7,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 6,
    },
  },
  { selector: 'node.class', style: { 'background-color': '#7a3e9d', shape: 'diamond' } },
  { selector: 'node.bnode', style: { 'background-color': '#9aa3ad' } },
  {
    selector: 'node.literal',
    style: {
      shape: 'round-rectangle',
      'background-color': '#f4f1ea',
      'border-width': 1,
      'border-color': '#c9c1ae',
      width: 'label',
      height: 16,
      padding: '4px',
      'text-valign': 'center',
      'text-margin-y': 0,
      'font-size': 9,
      color: '#5b4a2a',
      'text-background-opacity': 0,
      'text-max-width': '160px',
    },
  },
  {
    selector: 'node.focus',
    style: {
      'background-color': '#d9822b', width: 24, height: 24, 'font-weight': 'bold', 'font-size': 12,
    },
  },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#222' } },
  {
    selector: 'edge',
    style: {
      width: 1,
      'line-color': '#b8c0c8',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#b8c0c8',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 9,
      'font-family': 'system-ui, sans-serif',
      color: '#6b7580',
      'text-rotation': 'autorotate',
      'text-background-color': '#fff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
    },
  },
];

function truncate(s, n) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

// triples: [{s, p, o}] of terms. Returns {cy, nodes, edges, truncated}.
export function drawGraph(container, triples, { focus = null, prefixes, onSelect } = {}) {
  const captions = new Map();
  for (const { s, p, o } of triples) {
    if (o.type === 'literal' && LABELS.has(p.value) && !captions.has(termKey(s))) {
      captions.set(termKey(s), o.value);
    }
  }
  const nodes = new Map();
  const edges = [];
  let truncated = false;
  const node = (term, extra = {}) => {
    const id = term.type === 'literal' ? extra.id : termKey(term);
    if (nodes.has(id)) return id;
    if (nodes.size >= MAX_NODES) { truncated = true; return null; }
    const classes = [term.type === 'uri' ? 'iri' : term.type];
    if (extra.cls) classes.push(extra.cls);
    if (focus && term.type === 'uri' && term.value === focus) classes.push('focus');
    const label = term.type === 'literal'
      ? truncate(term.value, 48)
      : captions.get(id) ?? (term.type === 'bnode' ? '_:' + term.value : shorten(term.value, prefixes));
    nodes.set(id, { data: { id, label, iri: term.type === 'uri' ? term.value : null }, classes: classes.join(' ') });
    return id;
  };
  triples.forEach(({ s, p, o }, i) => {
    const captioned = o.type === 'literal' && LABELS.has(p.value) && captions.get(termKey(s)) === o.value;
    const sid = node(s);
    if (!sid) return;
    if (captioned) return;
    const oid = node(o, { id: `lit${i}`, cls: p.value.endsWith('#type') ? 'class' : '' });
    if (!oid) return;
    edges.push({ data: { id: `e${i}`, source: sid, target: oid, label: compact(p.value, prefixes) } });
  });
  if (focus) node({ type: 'uri', value: focus });

  const cy = cytoscape({
    container,
    elements: [...nodes.values(), ...edges],
    style: STYLE,
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    layout: { name: 'grid' },
  });
  const layout = nodes.size <= 1
    ? { name: 'grid' }
    : focus && edges.length <= 120
      ? {
        name: 'concentric',
        // The entity in the middle, literals and classes on an inner ring, the rest outside.
        concentric: (n) => (n.hasClass('focus') ? 3 : n.hasClass('literal') || n.hasClass('class') ? 2 : 1),
        levelWidth: () => 1,
        minNodeSpacing: 28,
        animate: false,
      }
      : {
        name: 'cose',
        animate: false,
        randomize: true,
        nodeRepulsion: () => 60000,
        nodeOverlap: 40,
        idealEdgeLength: () => 80,
        edgeElasticity: () => 80,
        gravity: 0.5,
        numIter: 1500,
        componentSpacing: 60,
      };
  cy.layout({ ...layout, fit: true, padding: 24 }).run();
  // Keep the drawing fitted when the panel around it changes size.
  let pending = 0;
  const ro = new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      if (container.clientWidth && container.clientHeight) {
        cy.resize();
        cy.fit(undefined, 24);
      }
    });
  });
  ro.observe(container);
  cy.on('destroy', () => ro.disconnect());
  cy.on('tap', 'node', (ev) => {
    const iri = ev.target.data('iri');
    if (iri) onSelect?.(iri);
  });
  return { cy, nodes: nodes.size, edges: edges.length, truncated };
}
