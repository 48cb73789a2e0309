// Builds world.trig: country reference data from the `world-countries` npm package (ODbL-1.0)
// plus the hand-curated memberships of the CSTO, EAEU, CIS and SCO (memberships.json).
//
//   npm install && node build-world.mjs            # writes world.trig next to this script
//
// Output is deterministic (sorted), so a re-run with the same package version gives the same file.
// IRI rules (shared with ../csto-kazakhstan): see README.md, "IRI rules".

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const countries = require('world-countries');
const pkg = require('world-countries/package.json');

const NS = 'http://sextant.local/';
const WORLD_GRAPH = `${NS}source/world-countries`;
const VOCAB_GRAPH = `${NS}graph/world-vocabulary`;
const ODBL = 'https://opendatacommons.org/licenses/odbl/1.0/';

// ---------------------------------------------------------------- IRI rule
// Local name = the name folded to ASCII (diacritics removed), split into words on spaces,
// hyphens and other punctuation (apostrophes and dots are dropped inside words), each word's
// first letter upper-cased, words joined. Countries use name.common; OVERRIDES wins where the
// datasets use a different common English name.
const OVERRIDES = { TUR: 'Turkey' }; // world-countries 5.x calls it "Türkiye"

// Names with characters outside [A-Za-z ] are pinned here, so a change of the folding code or of
// the package data cannot silently move an IRI that other datasets use.
const PINNED_COUNTRY_IRIS = {
  ALA: 'AlandIslands', BLM: 'SaintBarthelemy', SHN: 'SaintHelenaAscensionAndTristanDaCunha',
  CCK: 'CocosKeelingIslands', CUW: 'Curacao', GNB: 'GuineaBissau', REU: 'Reunion',
  STP: 'SaoTomeAndPrincipe', TLS: 'TimorLeste', TUR: 'Turkey',
};

export function camel(name) {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’.]/g, '');
  const words = ascii.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const local = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(local)) throw new Error(`cannot make an IRI from ${name}`);
  return local;
}

// ---------------------------------------------------------------- Turtle helpers
const esc = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const str = (s) => `"${esc(String(s))}"`;
const iri = (local) => `:${local}`;
const bool = (b) => (b ? 'true' : 'false');
const dec = (n) => `"${Number.isInteger(n) ? `${n}.0` : String(n)}"^^xsd:decimal`;
const date = (d) => (/^\d{4}$/.test(d) ? `"${d}"^^xsd:gYear` : `"${d}"^^xsd:date`);

function block(subject, pairs) {
  // pairs: [predicate, object] with object already serialized; emitted in given order
  const lines = pairs.map(([p, o], i) => `    ${p} ${o}${i === pairs.length - 1 ? ' .' : ' ;'}`);
  return `  ${subject}\n${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- countries
const countryIri = new Map(); // cca3 -> local name
for (const c of countries) {
  const local = OVERRIDES[c.cca3] ?? camel(c.name.common);
  if (PINNED_COUNTRY_IRIS[c.cca3] && PINNED_COUNTRY_IRIS[c.cca3] !== local) {
    throw new Error(`IRI for ${c.cca3} changed: ${local} != ${PINNED_COUNTRY_IRIS[c.cca3]}`);
  }
  countryIri.set(c.cca3, local);
}
const taken = new Set(countryIri.values());
if (taken.size !== countries.length) throw new Error('two countries share an IRI');

// Capitals: camel(name); if that IRI is already taken (by a country or by a capital of another
// country processed earlier in cca3 order), the country's alpha-3 code is appended.
const sorted = [...countries].sort((a, b) => a.cca3.localeCompare(b.cca3));
const cities = new Map(); // local -> {label, country}
const capitalsOf = new Map(); // cca3 -> [local]
for (const c of sorted) {
  const list = [];
  for (const name of c.capital ?? []) {
    let local = camel(name);
    if (taken.has(local)) local = `${local}${c.cca3}`;
    if (taken.has(local)) throw new Error(`capital IRI clash ${local}`);
    taken.add(local);
    cities.set(local, { label: name, country: countryIri.get(c.cca3) });
    list.push(local);
  }
  capitalsOf.set(c.cca3, list);
}

// Regions and subregions: camel(name), with "Region" appended when a country has that IRI
// (the subregion Micronesia -> :MicronesiaRegion).
const regionIri = (name) => (countryIri.has(name) || [...countryIri.values()].includes(camel(name)) ? `${camel(name)}Region` : camel(name));
const regions = new Map(); // local -> label
const subregions = new Map(); // local -> {label, region}
const languages = new Map(); // local -> {label, code}
for (const c of sorted) {
  regions.set(regionIri(c.region), c.region);
  if (c.subregion) subregions.set(regionIri(c.subregion), { label: c.subregion, region: regionIri(c.region) });
  for (const [code, name] of Object.entries(c.languages ?? {})) {
    const local = `${camel(name)}Language`;
    if (languages.has(local) && languages.get(local).code !== code) throw new Error(`language clash ${local}`);
    languages.set(local, { label: name, code });
  }
}
for (const l of [...regions.keys(), ...subregions.keys(), ...languages.keys()]) {
  if (taken.has(l)) throw new Error(`IRI clash ${l}`);
  taken.add(l);
}

const byIri = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

let world = '';
world += block(`<${WORLD_GRAPH}>`, [
  ['a', ':Source'],
  ['rdfs:label', str('world-countries: world countries in JSON, CSV, XML and YAML')],
  ['dct:title', str('world-countries')],
  ['dct:creator', str('Mohammed Le Doze and contributors (mledoze/countries)')],
  ['dct:publisher', str('npm package world-countries')],
  ['dct:hasVersion', str(pkg.version)],
  ['dct:source', '<https://github.com/mledoze/countries>'],
  ['dct:license', `<${ODBL}>`],
  ['dct:rights', str('Contains information from world-countries (mledoze/countries), which is made available under the ODC Open Database License (ODbL) 1.0. Flags are not included.')],
  [':generatedBy', str('datasets/world/build-world.mjs')],
]);

for (const c of sorted) {
  const me = iri(countryIri.get(c.cca3));
  const p = [
    ['a', ':Country'],
    ['rdfs:label', str(OVERRIDES[c.cca3] ? OVERRIDES[c.cca3] : c.name.common)],
    [':commonName', str(c.name.common)],
    [':officialName', str(c.name.official)],
    [':iso3166Alpha2', str(c.cca2)],
    [':iso3166Alpha3', str(c.cca3)],
  ];
  if (c.ccn3) p.push([':iso3166Numeric', str(c.ccn3)]);
  for (const cap of capitalsOf.get(c.cca3)) p.push([':capital', iri(cap)]);
  p.push([':region', iri(regionIri(c.region))]);
  if (c.subregion) p.push([':subregion', iri(regionIri(c.subregion))]);
  for (const b of [...(c.borders ?? [])].sort()) {
    if (!countryIri.has(b)) throw new Error(`unknown border ${b}`);
    p.push([':borders', iri(countryIri.get(b))]);
  }
  for (const name of Object.values(c.languages ?? {}).sort()) p.push([':language', iri(`${camel(name)}Language`)]);
  p.push([':unMember', bool(c.unMember)]);
  p.push([':independent', bool(c.independent)]);
  p.push([':landlocked', bool(c.landlocked)]);
  p.push([':areaKm2', dec(c.area)]);
  world += block(me, p);
}
for (const [local, v] of [...cities].sort((a, b) => byIri(a[0], b[0]))) {
  world += block(iri(local), [['a', ':City'], ['rdfs:label', str(v.label)], [':capitalOf', iri(v.country)]]);
}
for (const [local, label] of [...regions].sort((a, b) => byIri(a[0], b[0]))) {
  world += block(iri(local), [['a', ':Region'], ['rdfs:label', str(label)]]);
}
for (const [local, v] of [...subregions].sort((a, b) => byIri(a[0], b[0]))) {
  world += block(iri(local), [['a', ':Subregion'], ['rdfs:label', str(v.label)], [':partOf', iri(v.region)]]);
}
for (const [local, v] of [...languages].sort((a, b) => byIri(a[0], b[0]))) {
  world += block(iri(local), [['a', ':Language'], ['rdfs:label', str(v.label)], [':iso639_3', str(v.code)]]);
}

// ---------------------------------------------------------------- memberships
const mem = JSON.parse(readFileSync(join(here, 'memberships.json'), 'utf8'));
const knownCountries = new Set(countryIri.values());
const memGraphs = [];
for (const org of mem.organizations) {
  const g = `${NS}source/${org.graph}`;
  let body = block(`<${g}>`, [
    ['a', ':Source'],
    ['rdfs:label', str(`Member states of the ${org.id}`)],
    ['dct:title', str(org.sourceTitle)],
    ['dct:publisher', str(org.sourcePublisher)],
    ['dct:source', `<${org.sourceUrl}>`],
    ['rdfs:comment', str(`Compiled by hand from the source named in dct:title. ${org.note}`)],
  ]);
  body += block(iri(org.id), [
    ['a', ':Organization'],
    ['rdfs:label', str(org.label)],
    ...org.altLabels.map((l) => ['skos:altLabel', str(l)]),
    [':foundedDate', date(org.founded)],
  ]);
  const current = [];
  for (const m of org.members) {
    if (!knownCountries.has(m.country)) throw new Error(`unknown country ${m.country}`);
    const kind = m.kind ?? 'full';
    const node = `Membership_${org.id}_${m.country}_${m.start.slice(0, 4)}`;
    const p = [
      ['a', ':Membership'],
      ['rdfs:label', str(`${m.country} in the ${org.id} (${kind}, from ${m.start}${m.end ? ` to ${m.end}` : ''})`)],
      [':member', iri(m.country)],
      [':organization', iri(org.id)],
      [':membershipKind', str(kind)],
      [':startDate', date(m.start)],
    ];
    if (m.end) p.push([':endDate', date(m.end)]);
    if (m.note) p.push(['rdfs:comment', str(m.note)]);
    body += block(iri(node), p);
    if (!m.end && kind === 'full') current.push(m.country);
  }
  for (const c of current.sort()) body += `  ${iri(c)} :memberOf ${iri(org.id)} .\n`;
  memGraphs.push([g, body]);
}

// ---------------------------------------------------------------- vocabulary
const CLASSES = [
  ['Source', 'A source of statements; every named graph except the vocabulary graphs is named by its source.'],
  ['Country', 'A country or territory as listed by world-countries (ISO 3166-1 entry).'],
  ['City', 'A city (here: a capital city).'],
  ['Region', 'A world region (world-countries "region", e.g. Asia).'],
  ['Subregion', 'A world subregion (world-countries "subregion", e.g. Central Asia).'],
  ['Language', 'A language, identified by its ISO 639-3 code.'],
  ['Organization', 'An organization, e.g. an intergovernmental organization.'],
  ['Membership', 'N-ary node: one membership of a country in an organization, with kind and dates.'],
];
const PROPS = [
  ['commonName', 'Country', 'xsd:string', 'Common English name as given by world-countries.'],
  ['officialName', 'Country', 'xsd:string', 'Official English name.'],
  ['iso3166Alpha2', 'Country', 'xsd:string', 'ISO 3166-1 alpha-2 code.'],
  ['iso3166Alpha3', 'Country', 'xsd:string', 'ISO 3166-1 alpha-3 code.'],
  ['iso3166Numeric', 'Country', 'xsd:string', 'ISO 3166-1 numeric code (three digits, kept as text).'],
  ['capital', 'Country', 'City', 'A capital city of the country.'],
  ['capitalOf', 'City', 'Country', 'Inverse of :capital.'],
  ['region', 'Country', 'Region', 'The world region of the country.'],
  ['subregion', 'Country', 'Subregion', 'The world subregion of the country.'],
  ['partOf', null, null, 'Is a part of (generic: a subregion of a region, a contingent of a deployment, ...).'],
  ['borders', 'Country', 'Country', 'Shares a land border with (asserted in both directions, as the source does).'],
  ['language', 'Country', 'Language', 'An official language of the country.'],
  ['iso639_3', 'Language', 'xsd:string', 'ISO 639-3 language code.'],
  ['unMember', 'Country', 'xsd:boolean', 'Whether the country is a member of the United Nations.'],
  ['independent', 'Country', 'xsd:boolean', 'Whether the country is independent (not a dependent territory).'],
  ['landlocked', 'Country', 'xsd:boolean', 'Whether the country has no sea coast.'],
  ['areaKm2', 'Country', 'xsd:decimal', 'Land area in square kilometres.'],
  ['memberOf', 'Country', 'Organization', 'Is a current full member of (shortcut for an open :Membership of kind "full").'],
  ['member', 'Membership', 'Country', 'The member country of a membership.'],
  ['organization', null, 'Organization', 'The organization of a membership (or the organization acting in an event).'],
  ['membershipKind', 'Membership', 'xsd:string', 'Kind of membership: "full", "associate" or "participant".'],
  ['startDate', null, null, 'Start date (xsd:date, or xsd:gYear when only the year is known).'],
  ['endDate', null, null, 'End date (xsd:date, or xsd:gYear when only the year is known).'],
  ['foundedDate', 'Organization', null, 'Date the organization was founded.'],
  ['generatedBy', 'Source', 'xsd:string', 'Repository path of the script that generated the graph.'],
];
// Labels people read: 'subregion', 'common name', 'ISO 3166-1 alpha-2 code'.
const LABELS = {
  iso3166Alpha2: 'ISO 3166-1 alpha-2 code', iso3166Alpha3: 'ISO 3166-1 alpha-3 code',
  iso3166Numeric: 'ISO 3166-1 numeric code', iso639_3: 'ISO 639-3 code', unMember: 'UN member',
  areaKm2: 'area in km²',
};
function readable(name) {
  if (LABELS[name]) return LABELS[name];
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
let vocab = block(`<${VOCAB_GRAPH}>`, [
  ['rdfs:label', str('Vocabulary used by world.trig')],
  ['rdfs:comment', str('RDFS declarations of the classes and predicates of the world reference dataset.')],
]);
for (const [c, comment] of CLASSES) {
  vocab += block(iri(c), [['a', 'rdfs:Class'], ['rdfs:label', str(readable(c))], ['skos:prefLabel', str(readable(c))],
                          ['rdfs:comment', str(comment)]]);
}
for (const [p, domain, range, comment] of PROPS) {
  const pairs = [['a', 'rdf:Property'], ['rdfs:label', str(readable(p))], ['skos:prefLabel', str(readable(p))],
                 ['rdfs:comment', str(comment)]];
  if (domain) pairs.push(['rdfs:domain', iri(domain)]);
  if (range) pairs.push(['rdfs:range', range.includes(':') ? range : iri(range)]);
  vocab += block(iri(p), pairs);
}

const header = `# world.trig — GENERATED by build-world.mjs; do not edit by hand (edit memberships.json or the
# script and re-run \`npm install && node build-world.mjs\`).
# Country data: world-countries ${pkg.version} (mledoze/countries), ODC Open Database License 1.0 (ODbL).
# Memberships: hand-curated, see memberships.json; each organization's graph names its source.
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <${NS}> .
`;
let out = header;
out += `\n<${VOCAB_GRAPH}> {\n${vocab}}\n`;
out += `\n<${WORLD_GRAPH}> {\n${world}}\n`;
for (const [g, body] of memGraphs) out += `\n<${g}> {\n${body}}\n`;
writeFileSync(join(here, 'world.trig'), out);
console.log(`wrote world.trig: ${countries.length} countries, ${cities.size} capitals, ${languages.size} languages, ${memGraphs.length} membership graphs`);
