#!/usr/bin/env node
// End-to-end test of the workbench: a real `sextant serve` on a store loaded from the
// CSTO / Kazakhstan dataset, driven in Debian's headless Chromium by playwright-core.
//
//   SEXTANT_BIN=path/to/sextant node tests/workbench/workbench.test.mjs [ARTIFACT_DIR]
//
// Environment: SEXTANT_BIN (required), CHROMIUM (default /usr/bin/chromium),
// WORKBENCH_ARTIFACTS (screenshots; default: the first argument, else ./workbench-artifacts).
// Exit codes: 0 passed, 1 failed, 77 skipped (no Chromium, or a Node.js too old).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const SKIP = 77;

function skip(why) {
  console.log(`SKIP: ${why}`);
  process.exit(SKIP);
}

if (Number(process.versions.node.split('.')[0]) < 18) skip(`Node.js ${process.versions.node} is too old (18+ needed)`);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (apt-get install chromium)`);
const bin = process.env.SEXTANT_BIN;
if (!bin || !existsSync(bin)) {
  console.error(`FAIL: SEXTANT_BIN must name the sextant executable (got ${bin || 'nothing'})`);
  process.exit(1);
}
const dataset = join(repo, 'datasets', 'csto-kazakhstan', 'csto-kazakhstan.trig');
// The dataset's manifest: how many source graphs the sources list must show.
const datasetGraphs = JSON.parse(readFileSync(join(repo, 'datasets', 'csto-kazakhstan', 'counts.json'), 'utf8')).graphs;
const artifacts = resolve(process.env.WORKBENCH_ARTIFACTS || process.argv[2] || 'workbench-artifacts');
mkdirSync(artifacts, { recursive: true });

// playwright-core from this folder's lockfile, installed on first use.
const require = createRequire(join(here, 'package.json'));
function loadPlaywright() {
  try {
    return require('playwright-core');
  } catch {
    console.log('installing playwright-core (npm ci) ...');
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
    if (r.error?.code === 'ENOENT') skip('npm is not installed');
    if (r.status !== 0) {
      console.error('FAIL: npm ci for playwright-core failed');
      process.exit(1);
    }
    return require('playwright-core');
  }
}
const { chromium } = loadPlaywright();

// ---- Test bookkeeping ----
let passed = 0;
let failed = 0;
let server = null;
let browser = null;
let page = null;
let tmp = null;
const pageErrors = [];

async function cleanup() {
  await browser?.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await Promise.race([new Promise((r) => server.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (err) {
    failed++;
    console.log(`FAIL - ${name}: ${err.message.split('\n').slice(0, 6).join('\n    ')}`);
    if (page) await page.screenshot({ path: join(artifacts, 'workbench-failure.png'), fullPage: true }).catch(() => {});
    throw err;
  }
}

function check(cond, msg) {
  if (!cond) throw new Error(msg);
}

// Starts `sextant serve` on an ephemeral port; resolves to its base URL.
function startServer(db) {
  return new Promise((resolveUrl, reject) => {
    server = spawn(bin, ['serve', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed within 30 s; stdout: ${out} stderr: ${err}`)), 30000);
    server.stdout.on('data', (d) => {
      out += d;
      // The start-up line names the URL ("... at http://127.0.0.1:PORT/ ...").
      const m = out.match(/(http:\/\/[\w.-]+:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1] + '/');
      }
    });
    server.stderr.on('data', (d) => { err += d; });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sextant serve exited with ${code} before listening: ${err || out}`));
    });
    server.on('error', reject);
  });
}

// Replaces the editor's text: the query part typed at once, like a paste.
async function setQuery(text) {
  await page.click('.cm-content');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape'); // closes a completion popup, if any
}

const editorText = () => page.evaluate(() => window.sextant.editor.value);

const TROOPS_HEAD = `SELECT ?country ?soldiers WHERE {
  ?contingent a :MilitaryContingent ;
              :partOf :CSTOPeacekeepingContingent ;
              :sentBy ?country ;
              `;
const TROOPS_TAIL = ` ?soldiers .
}
ORDER BY DESC(?soldiers)`;

async function main() {
  const watchdog = setTimeout(() => {
    console.log('FAIL - the test took more than 180 s');
    cleanup().finally(() => process.exit(1));
  }, 180000);
  watchdog.unref();

  tmp = mkdtempSync(join(tmpdir(), 'sextant-workbench-'));
  const db = join(tmp, 'db');
  let base;

  await step('load the CSTO / Kazakhstan dataset into a temporary store', async () => {
    const r = spawnSync(bin, ['load', db, dataset, '--quiet'], { encoding: 'utf8' });
    check(r.status === 0, `sextant load exited with ${r.status}: ${r.stderr}`);
  });

  await step('start sextant serve on an ephemeral port', async () => {
    base = await startServer(db);
  });

  await step('launch headless Chromium', async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(15000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // The broken query's 400 is expected; any other console error is not.
      if (m.type() === 'error' && !/status of 400/.test(m.text())) pageErrors.push('console: ' + m.text());
    });
    // Nothing may leave the machine: every request goes to the server under test.
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(base) || u.startsWith('data:')) return route.continue();
      pageErrors.push('request outside the server: ' + u);
      return route.abort();
    });
  });

  await step('open the workbench at /', async () => {
    const res = await page.goto(base);
    check(res.ok(), `GET / answered ${res.status()}`);
    const isWorkbench = await page.waitForFunction(() => document.readyState === 'complete' && !!window.sextant, null, { timeout: 10000 })
      .then(() => true, () => false);
    check(isWorkbench, 'the page at / is not the workbench (was the binary built without npm, so with the fallback page?)');
    await page.waitForSelector('.cm-content');
    await page.waitForFunction(() => window.sextant?.ready === true);
    const preds = await page.locator('#predicates li .name').count();
    check(preds > 10, `the predicate catalogue lists ${preds} predicates`);
    const sources = await page.locator('#sources li').count();
    check(sources === datasetGraphs, `the sources list has ${sources} entries, expected the dataset's ${datasetGraphs} graphs`);
  });

  await step('type a query with prefix completion', async () => {
    await setQuery(TROOPS_HEAD);
    await page.keyboard.type(':sold', { delay: 30 });
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'soldiers' }).first();
    await option.waitFor();
    await page.waitForTimeout(250); // CodeMirror ignores Enter in the first 75 ms of a popup
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(TROOPS_TAIL);
    await page.keyboard.press('Escape');
    const text = await editorText();
    check(text.includes(':soldiers ?soldiers .'), `completion did not give ":soldiers": ${text}`);
  });

  await step('run it and see the table', async () => {
    await page.click('#run');
    await page.waitForSelector('#result-table tbody tr');
    const rows = await page.locator('#result-table tbody tr').count();
    // The article's four contingents, the Kyrgyz one (its size from its own source) and the
    // Armenian one twice: the article says 70, two news reports 100 (the union of the graphs).
    check(rows === 6, `expected 6 rows (Russia, Belarus, Tajikistan, Kyrgyzstan, Armenia 100 and 70), got ${rows}`);
    const first = await page.locator('#result-table tbody tr').first().innerText();
    check(/:Russia/.test(first) && /3000/.test(first), `first row is not Russia / 3000: ${first}`);
    const heads = await page.locator('#result-table thead th').allInnerTexts();
    check(heads.join(' ').includes('?country') && heads.join(' ').includes('?soldiers'), `headers: ${heads}`);
    check(/6 rows/.test(await page.innerText('#status')), 'the status line does not say 6 rows');
  });

  await step('click an entity: the fact card shows its sources', async () => {
    await page.locator('#result-table a.iri', { hasText: ':Russia' }).first().click();
    await page.waitForSelector('#facts-out .source');
    const label = await page.innerText('#entity-label');
    check(label === 'Russia', `fact card title is "${label}"`);
    const src = await page.locator('#facts-out .source[data-iri="http://sextant.local/source/sutanovac-2022-csto-kazakhstan"]').count();
    check(src > 0, 'no fact of :Russia shows the article graph as its source');
    const facts = await page.locator('#facts-out tr.fact').count();
    check(facts >= 3, `only ${facts} facts on the card`);
    const quotes = await page.locator('#facts-out .quote').count();
    check(quotes > 0, 'no evidence quote on the card');
    await page.screenshot({ path: join(artifacts, 'workbench-table.png') });
  });

  await step("open the entity's graph", async () => {
    await page.click('#entity .tabs [data-tab=graph]');
    await page.waitForFunction(() => window.sextant.graphs.entity?.cy.nodes().length > 0);
    const n = await page.evaluate(() => window.sextant.graphs.entity.cy.nodes().length);
    const e = await page.evaluate(() => window.sextant.graphs.entity.cy.edges().length);
    check(n >= 3 && e >= 2, `neighbourhood graph has ${n} nodes and ${e} edges`);
    check(await page.locator('#entity-graph canvas').count() > 0, 'no canvas in the graph view');
    const focus = await page.evaluate(() => window.sextant.graphs.entity.cy.nodes('.focus').map((x) => x.data('iri')));
    check(focus.includes('http://sextant.local/Russia'), `the focus node is ${focus}`);
    await page.screenshot({ path: join(artifacts, 'workbench-graph.png') });
  });

  await step('run a CONSTRUCT and see the graph', async () => {
    await setQuery(`CONSTRUCT { ?k :sentBy ?c ; :partOf ?d . ?c rdfs:label ?l }
WHERE { ?k :sentBy ?c ; :partOf ?d . ?c rdfs:label ?l }`);
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForFunction(() => document.querySelector('#results')?.dataset.kind === 'graph' && window.sextant.graphs.results?.cy.nodes().length > 0);
    const n = await page.evaluate(() => window.sextant.graphs.results.cy.nodes().length);
    const e = await page.evaluate(() => window.sextant.graphs.results.cy.edges().length);
    check(n >= 5 && e >= 4, `CONSTRUCT graph has ${n} nodes and ${e} edges`);
    const status = await page.innerText('#status');
    check(/triples/.test(status), `status: ${status}`);
    // Download as JSON-LD: the query runs again as application/ld+json and is saved.
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#results [data-download=jsonld]'),
    ]);
    check(dl.suggestedFilename() === 'result.jsonld', `download named ${dl.suggestedFilename()}`);
    const doc = JSON.parse(readFileSync(await dl.path(), 'utf8'));
    const nodes = doc['@graph'] ?? [];
    check(doc['@context'] && nodes.length >= 5, `JSON-LD download has ${nodes.length} node objects`);
    check(nodes.some((x) => Object.keys(x).some((k) => /sentBy$/.test(k))), 'no :sentBy in the JSON-LD download');
  });

  await step('a broken query shows its line and column', async () => {
    await setQuery('SELECT ?x\nWHERE { ?x :memberOf }');
    await page.click('#run');
    await page.waitForSelector('#error:not([hidden])');
    const text = await page.innerText('#error');
    check(/Line 2, column \d+/.test(text), `error box lacks "Line 2, column N": ${text}`);
    check(await page.locator('.cm-error-line').count() === 1, 'the editor does not mark the error line');
  });

  await step('search the text of facts: matching facts with their sources', async () => {
    await page.fill('#search', 'nazarbayev');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#search-table tbody tr');
    const rows = await page.locator('#search-table tbody tr').count();
    check(rows >= 2, `only ${rows} facts match "nazarbayev"`);
    const first = await page.locator('#search-table tbody tr').first();
    const marked = await first.locator('.snippet b').allInnerTexts();
    check(marked.some((t) => /nazarbayev/i.test(t)), `the first snippet marks ${JSON.stringify(marked)}`);
    const sources = await page.locator('#search-table .source[data-iri]').count();
    check(sources > 0, 'no matching fact shows its source graph');
    check(/facts? ·/.test(await page.innerText('#status')), 'the status line does not count facts');
    await page.screenshot({ path: join(artifacts, 'workbench-search.png') });
    await page.fill('#search', '"open');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#error:not([hidden])');
    check(/unterminated/.test(await page.innerText('#error')), 'a malformed search shows no error');
  });

  await step('conflicts: where the sources disagree, each side with its source and quote', async () => {
    await page.click('#conflicts');
    await page.waitForSelector('#conflicts-table tbody tr');
    const text = await page.innerText('#conflicts-table');
    check(/ArmenianContingent/.test(text), 'the Armenian contingent\'s 70 against 100 is not listed');
    check(/70 Armenian soldiers/.test(text), 'the article\'s side lacks its quote');
    check(/Armenia sends 100 peacekeepers/.test(text), 'the report\'s side lacks its title');
    const sources = await page.locator('#conflicts-table .source[data-iri]').count();
    check(sources >= 3, `only ${sources} sides show their source graph`);
    check(/conflicts? ·/.test(await page.innerText('#status')), 'the status line does not count conflicts');
    await page.screenshot({ path: join(artifacts, 'workbench-conflicts.png') });
  });

  await step('save a screenshot', async () => {
    await page.screenshot({ path: join(artifacts, 'workbench.png') });
    console.log(`    screenshots in ${artifacts}`);
  });

  await step('no JavaScript errors and no request outside the server', async () => {
    check(pageErrors.length === 0, pageErrors.join('\n'));
  });
}

let code = 0;
try {
  await main();
} catch {
  code = 1;
} finally {
  await cleanup();
}
console.log(`workbench: ${passed} passed, ${failed} failed`);
process.exit(code);
