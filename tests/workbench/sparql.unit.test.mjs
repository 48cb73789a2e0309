// Unit tests of the workbench's protocol helpers (no browser, no server): node --test
import assert from 'node:assert/strict';
import test from 'node:test';
import {
  compact, declaredPrefixes, errorPosition, parseNTriples, queryForm, shorten, sparqlTerm,
} from '../../workbench/src/sparql.js';

test('query form ignores prefixes, comments and strings', () => {
  assert.equal(queryForm('PREFIX a: <http://x/select#> SELECT * {}'), 'SELECT');
  assert.equal(queryForm('# CONSTRUCT is only mentioned\nASK {}'), 'ASK');
  assert.equal(queryForm('prefix : <http://select/> describe :x'), 'DESCRIBE');
  assert.equal(queryForm('BASE <http://b/> CONSTRUCT WHERE { ?s ?p ?o }'), 'CONSTRUCT');
  assert.equal(queryForm('INSERT DATA { <a> <b> "SELECT" }'), 'UPDATE');
  assert.equal(queryForm('WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }'), 'UPDATE');
});

test('line and column are found in server messages', () => {
  assert.deepEqual(errorPosition('query:2:22: unexpected }'), { line: 2, column: 22 });
  assert.deepEqual(errorPosition('SELECT ?m\n      ^\n1:38: unexpected end of input'), { line: 1, column: 38 });
  assert.deepEqual(errorPosition('syntax error at line 3, column 7: expected }'), { line: 3, column: 7 });
  assert.deepEqual(errorPosition('error on line 5'), { line: 5, column: 0 });
  assert.deepEqual(errorPosition('the store is locked'), { line: 0, column: 0 });
});

test('N-Triples: IRIs, blank nodes, escapes, language tags and datatypes', () => {
  const t = parseNTriples([
    '# a comment',
    '<http://e/a> <http://e/p> "x\\"y\\u00e9\\n"@en-GB .',
    '_:b1 <http://e/p> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .',
    '',
    '<http://e/a> <http://e/p> <http://e/c> <http://e/g> .',
  ].join('\n'));
  assert.equal(t.length, 3);
  assert.deepEqual(t[0].o, { type: 'literal', value: 'x"yé\n', 'xml:lang': 'en-GB' });
  assert.deepEqual(t[1].s, { type: 'bnode', value: 'b1' });
  assert.equal(t[1].o.datatype, 'http://www.w3.org/2001/XMLSchema#integer');
  assert.deepEqual(t[2].g, { type: 'uri', value: 'http://e/g' });
  assert.throws(() => parseNTriples('<http://e/a> <http://e/p> .'), /line 1/);
});

test('IRIs are shortened with the known and declared prefixes', () => {
  assert.equal(compact('http://sextant.local/Russia'), ':Russia');
  assert.equal(compact('http://www.w3.org/2000/01/rdf-schema#label'), 'rdfs:label');
  assert.equal(compact('http://sextant.local/source/a#e1'), '<http://sextant.local/source/a#e1>');
  assert.equal(shorten('http://sextant.local/source/a#e1'), ':source/a#e1');
  const declared = declaredPrefixes('PREFIX ex: <http://example.org/>\nSELECT * {}');
  assert.deepEqual(declared, { ex: 'http://example.org/' });
  assert.equal(compact('http://example.org/thing', declared), 'ex:thing');
});

test('terms are written back as SPARQL', () => {
  assert.equal(sparqlTerm({ type: 'uri', value: 'http://e/a b' }), '<http://e/a\\u0020b>');
  assert.equal(sparqlTerm({ type: 'literal', value: 'say "hi"\n', 'xml:lang': 'en' }), '"say \\"hi\\"\\n"@en');
  assert.equal(sparqlTerm({ type: 'literal', value: '3', datatype: 'http://www.w3.org/2001/XMLSchema#integer' }),
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>');
  assert.equal(sparqlTerm({ type: 'bnode', value: 'b0' }), null);
});
