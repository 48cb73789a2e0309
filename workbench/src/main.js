// Sextant workbench: query editor, results, predicate catalogue, fact cards and graphs.
import { createEditor } from './editor.js';
import {
  KNOWN, PREDECLARED, RDF_TYPE, LABELS, STORE_NS, SparqlError, runSparql, select, iri, compact,
  declaredPrefixes, localName, shorten, termKey, searchText, fetchConflicts, fetchGraphText,
} from './sparql.js';

const $ = (id) => document.getElementById(id);

function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null && c !== false) e.append(c);
  return e;
}

const loadGraphModule = () => import('./graph.js');

// What the test (and a curious user in the console) can reach.
const app = { graphs: {}, ready: false };
window.sextant = app;

let prefixes = { ...KNOWN };
const vocab = { byNs: new Map() };
const sources = new Map(); // graph IRI -> {title, n, color}
const SOURCE_COLORS = ['#dbe9f7', '#e4f3df', '#fbead3', '#efe3f6', '#f9dde0', '#dff3f1', '#f2f0d5'];

// ---- Terms ----

let nextSourceNum = 1;

// Every source graph gets a number (its footnote mark) and a colour, stable for the page.
function sourceStyle(g) {
  let s = sources.get(g);
  if (!s) {
    s = { title: null, n: null };
    sources.set(g, s);
  }
  if (!s.num) {
    s.num = nextSourceNum++;
    s.color = SOURCE_COLORS[(s.num - 1) % SOURCE_COLORS.length];
  }
  return s;
}

function sourceBadge(g) {
  if (!g) return h('span', { class: 'source muted', title: 'default graph (no source)' }, '–');
  const s = sourceStyle(g);
  return h('span', {
    class: 'source',
    style: `background:${s.color}`,
    title: `Source ${s.num}: ${s.title ? s.title + '\n' : ''}${g}`,
    dataset: { iri: g },
    onclick: () => openEntity(g),
  }, String(s.num));
}

function renderTerm(t) {
  if (!t) return '';
  if (t.type === 'uri') {
    return h('a', {
      class: 'iri', href: '#' + encodeURIComponent(t.value), title: t.value, dataset: { iri: t.value },
    }, shorten(t.value, prefixes));
  }
  if (t.type === 'bnode') return h('span', { class: 'bnode' }, '_:' + t.value);
  const suffix = t['xml:lang']
    ? h('span', { class: 'lang' }, '@' + t['xml:lang'])
    : t.datatype && t.datatype !== PREDECLARED.xsd + 'string'
      ? h('span', { class: 'dt' }, compact(t.datatype, prefixes))
      : null;
  return h('span', { class: 'lit' }, t.value, suffix);
}

// Any IRI link opens the entity panel.
document.addEventListener('click', (ev) => {
  const a = ev.target.closest('a.iri');
  if (!a || ev.ctrlKey || ev.metaKey) return;
  ev.preventDefault();
  openEntity(a.dataset.iri);
});

// ---- Editor ----

const STARTER = `# Ctrl+Enter runs the query. Prefixes rdf: rdfs: xsd: owl: and : <${STORE_NS}> are predeclared.
SELECT ?s ?p ?o
WHERE { ?s ?p ?o }
LIMIT 25
`;

const EXAMPLES = [
  ['Predicates by use', 'SELECT ?p (COUNT(*) AS ?n)\nWHERE { ?s ?p ?o }\nGROUP BY ?p\nORDER BY DESC(?n)'],
  ['Classes and instances', 'SELECT ?class (COUNT(?s) AS ?n)\nWHERE { ?s a ?class }\nGROUP BY ?class\nORDER BY DESC(?n)'],
  ['Sources (named graphs)', 'SELECT ?g (COUNT(*) AS ?quads)\nWHERE { GRAPH ?g { ?s ?p ?o } }\nGROUP BY ?g\nORDER BY DESC(?quads)'],
  ['Labels matching a word', 'SELECT ?s ?label\nWHERE {\n  ?s rdfs:label ?label .\n  FILTER(CONTAINS(LCASE(?label), "sec"))\n}\nLIMIT 50'],
  ['Neighbourhood as a graph', 'CONSTRUCT { ?s ?p ?o }\nWHERE {\n  ?s ?p ?o .\n  FILTER(?s = :CSTO || ?o = :CSTO)\n  FILTER(?p NOT IN (rdf:subject, rdf:object))\n}\nLIMIT 100'],
  ['Describe', 'DESCRIBE :CSTO'],
];

let saved = null;
try { saved = localStorage.getItem('sextant.query'); } catch { /* private mode */ }

const editor = createEditor($('editor'), {
  doc: saved || STARTER,
  onRun: () => runQuery(),
  onChange: () => {
    try { localStorage.setItem('sextant.query', editor.value); } catch { /* ignore */ }
  },
  vocab: () => vocab,
});
app.editor = editor;

for (const [name, q] of EXAMPLES) $('examples').append(h('option', { value: q }, name));
$('examples').addEventListener('change', (ev) => {
  if (!ev.target.value) return;
  editor.value = ev.target.value;
  ev.target.value = '';
  runQuery();
});

// ---- Running queries ----

let running = null;

function setStatus(text) { $('status').textContent = text; }

function clearError() {
  $('error').hidden = true;
  $('error').replaceChildren();
  editor.clearError();
}

function showError(err) {
  const box = $('error');
  const where = err.line
    ? h('span', { class: 'where', title: 'Show in the editor', onclick: () => editor.markError(err.line, err.column) },
      `Line ${err.line}${err.column ? `, column ${err.column}` : ''}`)
    : null;
  const head = err.status === 400 ? 'Syntax or query error' : err.status ? `Server error ${err.status}` : 'Error';
  // A message may repeat its first line above the excerpt of the query: show it once.
  const seen = new Set();
  const message = err.message.split('\n').filter((l) => !l.trim() || !seen.has(l) && seen.add(l)).join('\n').trim();
  box.replaceChildren(h('div', {}, h('b', {}, head), where ? ' — ' : '', where), h('pre', {}, message));
  box.hidden = false;
  if (err.line) editor.markError(err.line, err.column);
}

function plural(n, word) { return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`; }

async function runQuery(text = editor.value) {
  if (running) running.abort();
  const ctl = new AbortController();
  running = ctl;
  clearError();
  refreshPrefixes();
  $('run').classList.add('running');
  setStatus('Running…');
  const t0 = performance.now();
  try {
    const r = await runSparql(text, { signal: ctl.signal });
    const ms = Math.round(performance.now() - t0);
    if (ctl !== running) return;
    const results = $('results');
    app.graphs.results?.cy.destroy();
    app.graphs.results = null;
    results.replaceChildren();
    if (r.kind === 'select') {
      renderTable(results, r.vars, r.rows);
      setStatus(`${plural(r.rows.length, 'row')} · ${ms} ms`);
    } else if (r.kind === 'ask') {
      results.append(h('div', { class: 'ask' }, String(r.boolean)));
      setStatus(`ASK · ${ms} ms`);
    } else if (r.kind === 'graph') {
      await renderGraphResult(results, r.triples, text);
      setStatus(`${plural(r.triples.length, 'triple')} · ${ms} ms`);
    } else {
      results.append(h('div', { class: 'update-ok' }, r.text || 'Update done.'));
      setStatus(`update · ${ms} ms`);
      loadCatalogue();
    }
    results.dataset.kind = r.kind;
  } catch (err) {
    if (err.name === 'AbortError') return;
    if (ctl !== running) return;
    setStatus(`failed · ${Math.round(performance.now() - t0)} ms`);
    showError(err instanceof SparqlError ? err : new SparqlError(String(err.message || err)));
  } finally {
    if (ctl === running) {
      running = null;
      $('run').classList.remove('running');
    }
  }
}
app.run = runQuery;
$('run').addEventListener('click', () => runQuery());

// ---- Full-text search: matching facts with their sources ----

// The server escapes the literal's text and marks matches with <b>; only those tags are kept.
function snippetNode(html) {
  const span = h('span', { class: 'snippet' });
  for (const part of html.split(/(<b>[\s\S]*?<\/b>)/)) {
    if (!part) continue;
    const bold = part.startsWith('<b>');
    const text = new DOMParser().parseFromString(bold ? part.slice(3, -4) : part, 'text/html').documentElement.textContent;
    span.append(bold ? h('b', {}, text) : text);
  }
  return span;
}

async function runSearch(text) {
  if (running) running.abort();
  const ctl = new AbortController();
  running = ctl;
  clearError();
  setStatus('Searching…');
  const t0 = performance.now();
  try {
    const r = await searchText(text, { signal: ctl.signal });
    if (ctl !== running) return;
    const results = $('results');
    app.graphs.results?.cy.destroy();
    app.graphs.results = null;
    results.replaceChildren();
    const tbody = h('tbody');
    r.rows.forEach((row, i) => {
      tbody.append(h('tr', {},
        h('td', { class: 'rn' }, String(i + 1)),
        h('td', {}, renderTerm(row.subject)),
        h('td', {}, renderTerm(row.predicate)),
        h('td', {}, snippetNode(row.snippet?.value ?? '')),
        h('td', {}, sourceBadge(row.graph?.value)),
        h('td', { class: 'num' }, row.score?.value ?? '')));
    });
    results.append(h('table', { class: 'rs', id: 'search-table' },
      h('thead', {}, h('tr', {}, ['#', 'subject', 'predicate', 'text', 'source', 'score'].map((c) => h('th', {}, c)))),
      tbody));
    if (!r.rows.length) results.append(h('div', { class: 'note' }, 'No matching facts.'));
    results.dataset.kind = 'search';
    setStatus(`${plural(r.rows.length, 'fact')} · ${Math.round(performance.now() - t0)} ms`);
  } catch (err) {
    if (err.name === 'AbortError' || ctl !== running) return;
    setStatus('search failed');
    showError(err instanceof SparqlError ? err : new SparqlError(String(err.message || err)));
  } finally {
    if (ctl === running) running = null;
  }
}
app.search = runSearch;

// ---- Conflicts: where the sources disagree, each side with its source and quote ----

async function runConflicts() {
  if (running) running.abort();
  const ctl = new AbortController();
  running = ctl;
  clearError();
  setStatus('Looking for conflicts…');
  const t0 = performance.now();
  try {
    const r = await fetchConflicts({ signal: ctl.signal });
    if (ctl !== running) return;
    const results = $('results');
    app.graphs.results?.cy.destroy();
    app.graphs.results = null;
    results.replaceChildren();
    const tbody = h('tbody');
    const pairs = new Set();
    r.rows.forEach((row, i) => {
      pairs.add(row.subject.value + ' ' + row.property.value);
      tbody.append(h('tr', {},
        h('td', { class: 'rn' }, String(i + 1)),
        h('td', {}, renderTerm(row.subject)),
        h('td', {}, renderTerm(row.property)),
        h('td', {}, row.kind?.value ?? ''),
        h('td', {}, (row.says?.value === 'denies' ? 'not ' : ''), renderTerm(row.value)),
        h('td', {}, sourceBadge(row.source?.value)),
        h('td', {}, [row.title?.value, row.date?.value].filter(Boolean).join(', ')),
        h('td', { class: 'quote' }, row.quote?.value ?? '')));
    });
    results.append(h('table', { class: 'rs', id: 'conflicts-table' },
      h('thead', {}, h('tr', {}, ['#', 'subject', 'property', 'kind', 'value', 'source', 'title', 'quote'].map((c) => h('th', {}, c)))),
      tbody));
    if (!r.rows.length) results.append(h('div', { class: 'note' }, 'The sources do not disagree.'));
    results.dataset.kind = 'conflicts';
    setStatus(`${plural(pairs.size, 'conflict')} · ${Math.round(performance.now() - t0)} ms`);
  } catch (err) {
    if (err.name === 'AbortError' || ctl !== running) return;
    setStatus('conflicts failed');
    showError(err instanceof SparqlError ? err : new SparqlError(String(err.message || err)));
  } finally {
    if (ctl === running) running = null;
  }
}
app.conflicts = runConflicts;
$('conflicts').addEventListener('click', () => runConflicts());
$('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const text = $('search').value.trim();
  if (text) runSearch(text);
});

const MAX_ROWS = 2000;

function renderTable(parent, vars, rows) {
  const shown = rows.slice(0, MAX_ROWS);
  const tbody = h('tbody');
  const frag = document.createDocumentFragment();
  shown.forEach((row, i) => {
    frag.append(h('tr', {}, h('td', { class: 'rn' }, String(i + 1)), vars.map((v) => h('td', {}, renderTerm(row[v])))));
  });
  tbody.append(frag);
  parent.append(h('table', { class: 'rs', id: 'result-table' },
    h('thead', {}, h('tr', {}, h('th', { class: 'rn' }, '#'), vars.map((v) => h('th', {}, '?' + v)))),
    tbody));
  if (rows.length > shown.length) {
    parent.append(h('div', { class: 'note' }, `Showing the first ${MAX_ROWS} of ${rows.length} rows.`));
  } else if (!rows.length) {
    parent.append(h('div', { class: 'note' }, 'No results.'));
  }
}

function tabs(names, onPick, selected) {
  const bar = h('div', { class: 'tabs', role: 'tablist' });
  for (const [key, label] of names) {
    const button = h('button', {
      role: 'tab',
      dataset: { tab: key },
      'aria-selected': String(key === selected),
      onclick: () => {
        for (const b of bar.querySelectorAll('[role=tab]')) b.setAttribute('aria-selected', String(b === button));
        onPick(key);
      },
    }, label);
    bar.append(button);
  }
  return bar;
}

// What a graph result can be downloaded as: [key, label, media type, file extension].
const DOWNLOADS = [
  ['jsonld', 'JSON-LD', 'application/ld+json', 'jsonld'],
  ['turtle', 'Turtle', 'text/turtle', 'ttl'],
  ['rdfxml', 'RDF/XML', 'application/rdf+xml', 'rdf'],
  ['ntriples', 'N-Triples', 'application/n-triples', 'nt'],
];

// The query runs again with the format's media type: the page holds only N-Triples, and the
// server's writers give each format its prefixes and layout.
async function download(text, [key, label, mediaType, ext]) {
  setStatus(`Preparing ${label}…`);
  try {
    const body = await fetchGraphText(text, mediaType);
    const a = h('a', { href: URL.createObjectURL(new Blob([body], { type: mediaType })), download: `result.${ext}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    setStatus(`Downloaded result.${ext}`);
  } catch (err) {
    showError(err instanceof SparqlError ? err : new SparqlError(String(err.message || err)));
  }
}

async function renderGraphResult(parent, triples, text) {
  const box = h('div', { class: 'graph-box', id: 'result-graph' });
  const table = h('div', { hidden: true });
  renderTable(table, ['s', 'p', 'o'], triples.map(({ s, p, o }) => ({ s, p, o })));
  const bar = tabs([['graph', 'Graph'], ['table', 'Triples']], (k) => {
    box.hidden = k !== 'graph';
    table.hidden = k !== 'table';
  }, 'graph');
  bar.append(h('span', { class: 'downloads' }, 'Download as',
    DOWNLOADS.map((d) => h('button', { class: 'link', type: 'button', dataset: { download: d[0] },
      title: `The whole result as ${d[1]}`, onclick: () => download(text, d) }, d[1]))));
  parent.append(bar, box, table);
  if (!triples.length) {
    box.replaceChildren(h('div', { class: 'note' }, 'The graph is empty.'));
    return;
  }
  const { drawGraph } = await loadGraphModule();
  const g = drawGraph(box, triples, { prefixes, onSelect: openEntity });
  app.graphs.results = g;
  if (g.truncated) parent.append(h('div', { class: 'note' }, `Graph cut at ${g.nodes} nodes; all triples are in the table.`));
}

// ---- Catalogue, sources and completion vocabulary ----

function addVocab(value, kind, detail) {
  for (const ns of new Set(Object.values(prefixes))) {
    if (!value.startsWith(ns)) continue;
    const local = value.slice(ns.length);
    if (!local || !/^[\w.\-]+$/.test(local) || local.endsWith('.')) continue;
    let list = vocab.byNs.get(ns);
    if (!list) vocab.byNs.set(ns, (list = []));
    if (!list.some((x) => x.local === local)) list.push({ local, kind, detail });
  }
}

function renderPredicates(rows) {
  const filter = $('pred-filter').value.trim().toLowerCase();
  const list = $('predicates');
  list.replaceChildren();
  let n = 0;
  for (const r of rows) {
    const p = r.p.value;
    const name = compact(p, prefixes);
    if (filter && !name.toLowerCase().includes(filter) && !p.toLowerCase().includes(filter)) continue;
    n++;
    list.append(h('li', {
      title: `${p}\nClick: list its triples`,
      onclick: () => {
        editor.value = `SELECT ?s ?o\nWHERE { ?s ${compact(p, PREDECLARED)} ?o }\nLIMIT 100`;
        runQuery();
      },
    }, h('span', { class: 'name' }, name), h('span', { class: 'n' }, Number(r.n.value).toLocaleString('en'))));
  }
  if (!n) list.append(h('li', { class: 'muted' }, rows.length ? 'No match' : 'The store is empty'));
}

let predicateRows = [];
let sourcesLoaded;
const sourcesReady = new Promise((r) => { sourcesLoaded = r; });

async function loadCatalogue() {
  try {
    const [preds, classes, graphs] = await Promise.all([
      select('SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n)'),
      select('SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c'),
      select(`SELECT ?g ?n ?title WHERE {
  { SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g }
  OPTIONAL { GRAPH ?g { ?g ${iri(KNOWN.dct + 'title')} ?title } }
} ORDER BY DESC(?n)`),
    ]);
    predicateRows = preds;
    vocab.byNs.clear();
    for (const r of preds) addVocab(r.p.value, 'property', `${r.n.value}×`);
    for (const r of classes) addVocab(r.c.value, 'class', `class, ${r.n.value}`);
    renderPredicates(preds);
    $('pred-count').textContent = preds.length ? `(${preds.length})` : '';

    const list = $('sources');
    list.replaceChildren();
    let total = 0;
    for (const r of graphs) {
      const g = r.g.value;
      const s = sourceStyle(g);
      s.title = r.title?.value ?? null;
      s.n = Number(r.n.value);
      total += s.n;
      list.append(h('li', { title: `${s.title ? s.title + '\n' : ''}${g}`, onclick: () => openEntity(g) },
        sourceBadge(g), h('span', { class: 'name title' }, localName(g)),
        h('span', { class: 'n' }, s.n.toLocaleString('en'))));
    }
    if (!graphs.length) list.append(h('li', { class: 'muted' }, 'No named graphs'));
    sourcesLoaded();
    $('store-info').textContent = `${plural(total, 'quad')} in named graphs · ${plural(preds.length, 'predicate')}`;

    // Entities with a type: local names for completion (bounded).
    const ents = await select('SELECT ?s ?c WHERE { ?s a ?c } LIMIT 5000');
    for (const r of ents) if (r.s.type === 'uri') addVocab(r.s.value, 'constant', compact(r.c.value, prefixes));
  } catch (err) {
    $('predicates').replaceChildren(h('li', { class: 'muted' }, 'Catalogue unavailable: ' + err.message));
  }
  sourcesLoaded();
  app.ready = true;
}
$('pred-filter').addEventListener('input', () => renderPredicates(predicateRows));

// Prefixes declared in the editor also shorten result IRIs.
function refreshPrefixes() { prefixes = { ...KNOWN, ...declaredPrefixes(editor.value) }; }

// ---- Entity panel: fact card and neighbourhood graph ----

let entityIri = null;
let entityTab = 'facts';
let entityToken = 0;

function factQuery(e) {
  return `SELECT ?p ?o ?g
WHERE { GRAPH ?g { ${e} ?p ?o } }
ORDER BY ?p ?o`;
}

function showEntityTab(tab) {
  entityTab = tab;
  for (const b of document.querySelectorAll('#entity .tabs [role=tab]')) {
    b.setAttribute('aria-selected', String(b.dataset.tab === tab));
  }
  $('entity-facts').hidden = tab !== 'facts';
  $('entity-graph').hidden = tab !== 'graph';
  if (tab === 'graph') drawNeighbourhood(entityIri);
}
for (const b of document.querySelectorAll('#entity .tabs [role=tab]')) {
  b.addEventListener('click', () => showEntityTab(b.dataset.tab));
}
$('entity-close').addEventListener('click', () => {
  $('entity').hidden = true;
  $('layout').classList.remove('with-entity');
  entityIri = null;
  history.replaceState(null, '', location.pathname);
});
$('entity-query').addEventListener('click', () => {
  if (!entityIri) return;
  editor.value = factQuery(iri(entityIri));
  runQuery();
});

async function openEntity(value) {
  if (!value) return;
  refreshPrefixes();
  entityIri = value;
  const token = ++entityToken;
  const e = iri(value);
  $('entity').hidden = false;
  $('layout').classList.add('with-entity');
  $('entity-label').textContent = localName(value);
  $('entity-iri').textContent = compact(value, prefixes) === `<${value}>` ? value : `${compact(value, prefixes)}  ·  ${value}`;
  $('entity-types').replaceChildren();
  $('entity-facts').replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  app.graphs.entity?.cy.destroy();
  app.graphs.entity = null;
  $('entity-graph').replaceChildren();
  if (location.hash !== '#' + encodeURIComponent(value)) history.pushState(null, '', '#' + encodeURIComponent(value));

  try {
    const [out, outDefault, incoming, quotes] = await Promise.all([
      select(factQuery(e)),
      select(`SELECT ?p ?o WHERE { ${e} ?p ?o } LIMIT 2000`),
      select(`SELECT ?s ?p ?g WHERE { GRAPH ?g { ?s ?p ${e} } FILTER(?p NOT IN (rdf:subject, rdf:object)) } LIMIT 500`),
      // Evidence: the quote of a fact's RDF 1.2 reifier, or of a passage attesting an
      // rdf:Statement of it (the older reification some data still uses).
      select(`SELECT ?p ?o ?quote WHERE {
  { ?ev rdf:reifies <<( ${e} ?p ?o )>> }
  UNION
  { ?st rdf:subject ${e} ; rdf:predicate ?p ; rdf:object ?o . ?ev ${iri(STORE_NS + 'attests')} ?st }
  ?ev ${iri(STORE_NS + 'quote')} ?quote .
} LIMIT 2000`).catch(() => []),
    ]);
    await sourcesReady; // titles and numbers of the sources
    if (token !== entityToken) return;

    // Group (p, o) -> sources; triples only in the default graph get no source.
    const facts = new Map();
    const add = (p, o, g) => {
      const key = termKey(p) + ' ' + termKey(o);
      let f = facts.get(key);
      if (!f) facts.set(key, (f = { p, o, sources: new Set(), quotes: new Set() }));
      if (g) f.sources.add(g.value);
    };
    for (const r of out) add(r.p, r.o, r.g);
    for (const r of outDefault) add(r.p, r.o, null);
    for (const r of quotes) facts.get(termKey(r.p) + ' ' + termKey(r.o))?.quotes.add(r.quote.value);

    const all = [...facts.values()];
    const label = all.find((f) => LABELS.has(f.p.value) && f.o.type === 'literal');
    if (label) $('entity-label').textContent = label.o.value;
    for (const f of all) {
      if (f.p.value === RDF_TYPE && f.o.type === 'uri') {
        $('entity-types').append(h('span', { class: 'type-chip', title: f.o.value, onclick: () => openEntity(f.o.value) }, compact(f.o.value, prefixes)));
      }
    }
    renderFacts(all, incoming);
  } catch (err) {
    if (token !== entityToken) return;
    $('entity-facts').replaceChildren(h('p', { class: 'error' }, err.message));
  }
  showEntityTab(entityTab);
}
app.openEntity = openEntity;

function renderFacts(facts, incoming) {
  const box = $('entity-facts');
  box.replaceChildren();
  const bySource = new Set();
  if (!facts.length && !incoming.length) {
    box.append(h('p', { class: 'muted' }, 'Nothing is known about this IRI.'));
    return;
  }
  box.append(h('h3', {}, `Facts (${facts.length})`));
  const tbody = h('tbody');
  let lastP = null;
  for (const f of facts) {
    const sameP = lastP === f.p.value;
    lastP = f.p.value;
    const srcs = [...f.sources];
    srcs.forEach((g) => bySource.add(g));
    tbody.append(h('tr', { class: 'fact' },
      h('td', { class: 'pred' }, sameP ? '' : renderTerm(f.p)),
      h('td', {}, renderTerm(f.o), [...f.quotes].map((q) => h('div', {
        class: 'quote', title: 'Evidence (click to expand)', onclick: (ev) => ev.currentTarget.classList.toggle('open'),
      }, '“' + q + '”'))),
      h('td', { class: 'src' }, srcs.length ? srcs.map(sourceBadge) : sourceBadge(null))));
  }
  box.append(h('table', { class: 'facts', id: 'facts-out' }, tbody));

  if (incoming.length) {
    box.append(h('h3', {}, `Referenced by (${incoming.length})`));
    const inc = new Map();
    for (const r of incoming) {
      const key = termKey(r.s) + ' ' + termKey(r.p);
      if (!inc.has(key)) inc.set(key, { s: r.s, p: r.p, sources: new Set() });
      inc.get(key).sources.add(r.g.value);
    }
    const tb = h('tbody');
    for (const f of inc.values()) {
      f.sources.forEach((g) => bySource.add(g));
      tb.append(h('tr', {}, h('td', { class: 'pred' }, renderTerm(f.s)), h('td', {}, renderTerm(f.p)),
        h('td', { class: 'src' }, [...f.sources].map(sourceBadge))));
    }
    box.append(h('table', { class: 'facts', id: 'facts-in' }, tb));
  }
  if (bySource.size) {
    box.append(h('h3', {}, 'Sources'), h('ul', { class: 'legend' },
      [...bySource].sort((a, b) => sourceStyle(a).num - sourceStyle(b).num).map((g) => h('li', {},
        sourceBadge(g), ' ', sources.get(g)?.title ?? '', ' ', h('a', { class: 'iri', dataset: { iri: g }, href: '#' + encodeURIComponent(g), title: g }, localName(g))))));
  }
}

async function drawNeighbourhood(value) {
  if (!value || app.graphs.entity?.iri === value) return;
  const box = $('entity-graph');
  const token = entityToken;
  const e = iri(value);
  box.replaceChildren(h('p', { class: 'muted', style: 'padding:12px' }, 'Loading…'));
  try {
    const [{ drawGraph }, r] = await Promise.all([
      loadGraphModule(),
      runSparql(`CONSTRUCT { ${e} ?p ?o . ?o rdfs:label ?ol . ?s ?q ${e} . ?s rdfs:label ?sl }
WHERE {
  { ${e} ?p ?o OPTIONAL { ?o rdfs:label ?ol } }
  UNION
  { ?s ?q ${e} FILTER(?q NOT IN (rdf:subject, rdf:object)) OPTIONAL { ?s rdfs:label ?sl } }
}`),
    ]);
    if (token !== entityToken) return;
    box.replaceChildren();
    app.graphs.entity?.cy.destroy();
    const g = drawGraph(box, r.triples, { focus: value, prefixes, onSelect: (x) => { if (x !== value) openEntity(x); } });
    g.iri = value;
    app.graphs.entity = g;
  } catch (err) {
    if (token === entityToken) box.replaceChildren(h('p', { class: 'error' }, err.message));
  }
}

window.addEventListener('popstate', () => {
  const v = decodeURIComponent(location.hash.slice(1));
  if (v && v !== entityIri) openEntity(v);
});

// ---- Start ----
loadCatalogue();
if (location.hash.length > 1) openEntity(decodeURIComponent(location.hash.slice(1)));
editor.focus();
