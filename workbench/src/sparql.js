// Talking to the endpoint (SPARQL 1.1 Protocol, same origin) and handling RDF terms.
// Terms everywhere have the shape of SPARQL JSON results: {type: 'uri'|'bnode'|'literal',
// value, 'xml:lang'?, datatype?}.

export const STORE_NS = 'http://sextant.local/';

// Predeclared by the server: never written into a query by the workbench.
export const PREDECLARED = {
  '': STORE_NS,
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
};

// Well-known vocabularies: offered by completion (which adds the PREFIX line) and used to
// shorten IRIs in results.
export const KNOWN = {
  ...PREDECLARED,
  dct: 'http://purl.org/dc/terms/',
  dc: 'http://purl.org/dc/elements/1.1/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  schema: 'http://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  geo: 'http://www.w3.org/2003/01/geo/wgs84_pos#',
  sh: 'http://www.w3.org/ns/shacl#',
  void: 'http://rdfs.org/ns/void#',
};

export const RDF_TYPE = PREDECLARED.rdf + 'type';
export const LABELS = new Set([
  PREDECLARED.rdfs + 'label',
  KNOWN.skos + 'prefLabel',
  KNOWN.dct + 'title',
  KNOWN.foaf + 'name',
  KNOWN.schema + 'name',
]);

export class SparqlError extends Error {
  constructor(message, { status = 0, line = 0, column = 0 } = {}) {
    super(message);
    this.status = status;
    this.line = line;
    this.column = column;
  }
}

// Removes comments and string/IRI contents well enough to find keywords.
function skeleton(text) {
  return text.replace(/<[^<>\s]*>|"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*/g, ' ');
}

// SELECT | ASK | CONSTRUCT | DESCRIBE | UPDATE (anything else: INSERT, DELETE, LOAD, ...).
export function queryForm(text) {
  const body = skeleton(text).replace(/\b(PREFIX\s+[\w.-]*:|BASE)\s*/gi, ' ');
  const m = body.match(/\b(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|WITH|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b/i);
  if (!m) return 'SELECT';
  const k = m[1].toUpperCase();
  return ['SELECT', 'ASK', 'CONSTRUCT', 'DESCRIBE'].includes(k) ? k : 'UPDATE';
}

// PREFIX declarations written in the query text.
export function declaredPrefixes(text) {
  const out = {};
  const re = /PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>\s]*)>/gi;
  let m;
  while ((m = re.exec(text))) out[m[1] || ''] = m[2];
  return out;
}

// Finds "line L, column C" (or "L:C:") in a server message.
export function errorPosition(message) {
  let m = message.match(/line\s+(\d+)\D{1,12}?col(?:umn)?\s+(\d+)/i);
  if (!m) m = message.match(/(?:^|[\s(:])(\d+):(\d+)(?=[:\s),]|$)/m);
  if (!m) {
    const l = message.match(/line\s+(\d+)/i);
    return l ? { line: +l[1], column: 0 } : { line: 0, column: 0 };
  }
  return { line: +m[1], column: +m[2] };
}

// Sends a query or update; resolves to
//   {kind: 'select', vars, rows} | {kind: 'ask', boolean} | {kind: 'graph', triples} |
//   {kind: 'update', text}
export async function runSparql(text, { signal } = {}) {
  const form = queryForm(text);
  const accept = form === 'CONSTRUCT' || form === 'DESCRIBE'
    ? 'application/n-triples'
    : form === 'UPDATE' ? 'text/plain' : 'application/sparql-results+json';
  let res;
  try {
    res = await fetch('sparql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: accept },
      body: new URLSearchParams({ [form === 'UPDATE' ? 'update' : 'query']: text }),
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new SparqlError('The server cannot be reached: ' + e.message);
  }
  const body = await res.text();
  if (!res.ok) {
    const msg = body.trim() || `${res.status} ${res.statusText}`;
    throw new SparqlError(msg, { status: res.status, ...errorPosition(msg) });
  }
  if (form === 'UPDATE') return { kind: 'update', text: body.trim() };
  if (form === 'CONSTRUCT' || form === 'DESCRIBE') {
    const ctype = res.headers.get('Content-Type') || '';
    if (/json/.test(ctype)) throw new SparqlError('The server answered JSON to a graph query.');
    return { kind: 'graph', triples: parseNTriples(body) };
  }
  let json;
  try {
    json = JSON.parse(body);
  } catch {
    throw new SparqlError('The server sent results that are not JSON: ' + body.slice(0, 200));
  }
  if (typeof json.boolean === 'boolean') return { kind: 'ask', boolean: json.boolean };
  return { kind: 'select', vars: json.head?.vars ?? [], rows: json.results?.bindings ?? [] };
}

// The result of a CONSTRUCT or DESCRIBE as text in the format `accept` names (the server
// negotiates it), for a download.
export async function fetchGraphText(text, accept) {
  const res = await fetch('sparql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: accept },
    body: new URLSearchParams({ query: text }),
  });
  const body = await res.text();
  if (!res.ok) throw new SparqlError(body.trim() || `${res.status} ${res.statusText}`, { status: res.status });
  return body;
}

// Full-text search (the server's /search): resolves to {vars, rows} like a SELECT, the rows
// best first, each with an HTML snippet whose text the server escaped.
// GET PATH?PARAMS of the server's own endpoints that answer SPARQL JSON results.
async function getResults(path, params, signal) {
  let res;
  try {
    res = await fetch(path + '?' + new URLSearchParams(params), {
      headers: { Accept: 'application/sparql-results+json' }, signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new SparqlError('The server cannot be reached: ' + e.message);
  }
  const body = await res.text();
  if (!res.ok) throw new SparqlError(body.trim() || `${res.status} ${res.statusText}`, { status: res.status });
  const json = JSON.parse(body);
  return { vars: json.head?.vars ?? [], rows: json.results?.bindings ?? [] };
}

export function searchText(text, { signal, limit = 200 } = {}) {
  return getResults('search', { q: text, limit: String(limit) }, signal);
}

// Where the sources disagree (docs/CONFLICTS.md): one row per source and value.
export function fetchConflicts({ signal } = {}) {
  return getResults('conflicts', {}, signal);
}

// SELECT helper for the workbench's own queries.
export async function select(text, opts) {
  const r = await runSparql(text, opts);
  return r.rows ?? [];
}

// ---- N-Triples (and N-Quads: the graph term is kept as .g) ----

function unescape(s) {
  return s.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g, (_, u4, u8, c) => {
    if (u4 || u8) return String.fromCodePoint(parseInt(u4 || u8, 16));
    return { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f', '"': '"', "'": "'", '\\': '\\' }[c] ?? c;
  });
}

const TERM = /\s*(?:<([^>]*)>|_:(\S+?)(?=[\s.<]|$)|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z][A-Za-z0-9-]*)|\^\^<([^>]*)>)?)/y;

export function parseNTriples(text) {
  const triples = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const terms = [];
    let pos = 0;
    let m;
    TERM.lastIndex = 0;
    while (terms.length < 4 && (m = TERM.exec(line))) {
      pos = TERM.lastIndex;
      if (m[1] !== undefined) terms.push({ type: 'uri', value: unescape(m[1]) });
      else if (m[2] !== undefined) terms.push({ type: 'bnode', value: m[2] });
      else {
        const t = { type: 'literal', value: unescape(m[3]) };
        if (m[4]) t['xml:lang'] = m[4];
        if (m[5]) t.datatype = unescape(m[5]);
        terms.push(t);
      }
    }
    if (terms.length < 3 || !/^\s*\.\s*(#.*)?$/.test(line.slice(pos))) {
      throw new SparqlError(`Cannot read the server's N-Triples at line ${i + 1}: ${line.slice(0, 120)}`);
    }
    const [s, p, o, g] = terms;
    triples.push(g ? { s, p, o, g } : { s, p, o });
  }
  return triples;
}

// ---- Terms ----

export function termKey(t) {
  if (!t) return '';
  if (t.type === 'literal') return `"${t.value}"@${t['xml:lang'] ?? ''}^^${t.datatype ?? ''}`;
  return (t.type === 'bnode' ? '_:' : '') + t.value;
}

export function sparqlTerm(t) {
  if (t.type === 'uri') return '<' + t.value.replace(/[<>"{}|^`\\\s]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '>';
  if (t.type === 'bnode') return null; // cannot be named in a query
  const v = '"' + t.value.replace(/["\\\n\r]/g, (c) => ({ '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r' })[c]) + '"';
  if (t['xml:lang']) return v + '@' + t['xml:lang'];
  if (t.datatype) return v + '^^' + sparqlTerm({ type: 'uri', value: t.datatype });
  return v;
}

export const iri = (value) => sparqlTerm({ type: 'uri', value });

const LOCAL = /^[A-Za-z0-9_\u00C0-\uFFFD]([A-Za-z0-9_.\-\u00B7\u00C0-\uFFFD]*[A-Za-z0-9_\-\u00B7\u00C0-\uFFFD])?$/;

// Shortest prefixed form of an IRI with the given prefixes, or <iri>.
export function compact(value, prefixes = KNOWN) {
  let best = null;
  for (const [p, ns] of Object.entries(prefixes)) {
    if (ns && value.startsWith(ns) && (!best || ns.length > best[1].length)) {
      const local = value.slice(ns.length);
      if (local === '' || LOCAL.test(local)) best = [p, ns];
    }
  }
  return best ? `${best[0]}:${value.slice(best[1].length)}` : `<${value}>`;
}

// For display only: like compact(), but an IRI whose local part is not a valid prefixed
// name still loses its namespace (":source/article#e27" rather than the whole IRI).
export function shorten(value, prefixes = KNOWN) {
  const c = compact(value, prefixes);
  if (!c.startsWith('<')) return c;
  let best = null;
  for (const [p, ns] of Object.entries(prefixes)) {
    if (ns && value.startsWith(ns) && value.length > ns.length && (!best || ns.length > best[1].length)) best = [p, ns];
  }
  return best ? `${best[0]}:${value.slice(best[1].length)}` : c;
}

// A short human name for an IRI: its local part.
export function localName(value) {
  const m = value.match(/[^/#:]+[/#]?$/);
  return m ? m[0].replace(/[/#]$/, '') || value : value;
}
