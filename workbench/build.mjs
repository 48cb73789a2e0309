#!/usr/bin/env node
// Builds the workbench into a static site: node build.mjs OUTDIR
//   OUTDIR/index.html, OUTDIR/assets/app.js (+ app-*.js chunks), OUTDIR/assets/app.css,
//   OUTDIR/assets/LICENSES.txt (licences of the bundled npm packages).
// Installs the pinned dependencies first (npm ci) when node_modules is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const outArg = args.find((a) => !a.startsWith('--'));
if (!outArg) {
  console.error('usage: node build.mjs OUTDIR [--quiet]');
  process.exit(2);
}
const out = resolve(outArg);
const assets = join(out, 'assets');

if (!existsSync(join(here, 'node_modules', 'esbuild'))) {
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('workbench: npm ci failed (the npm registry is needed once to install the pinned packages)');
    process.exit(1);
  }
}
const esbuild = await import('esbuild');

rmSync(assets, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  outdir: assets,
  logLevel: 'warning',
  legalComments: 'none', // collected into LICENSES.txt below
  metafile: true,
  absWorkingDir: here,
};
const js = await esbuild.build({
  ...common,
  entryPoints: { app: 'src/main.js' },
  format: 'esm',
  splitting: true, // cytoscape is loaded on first graph
  target: 'es2020',
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
});
await esbuild.build({ ...common, entryPoints: { app: 'src/style.css' }, entryNames: '[name]' });
// The chunks app.js imports statically are fetched at once rather than after app.js is parsed.
const appOut = Object.entries(js.metafile.outputs).find(([, o]) => o.entryPoint === 'src/main.js');
const preloads = (appOut?.[1].imports ?? [])
  .filter((i) => i.kind === 'import-statement')
  .map((i) => `<link rel="modulepreload" href="assets/${basename(i.path)}">`);
const html = readFileSync(join(here, 'src', 'index.html'), 'utf8')
  .replace('<script type="module"', [...preloads, '<script type="module"'].join('\n'));
writeFileSync(join(out, 'index.html'), html);

// Licences of every npm package that ended up in the bundle.
const packages = new Map();
for (const input of Object.keys(js.metafile.inputs)) {
  const m = input.match(/^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//);
  if (m) packages.set(m[2], m[1]);
}
let notices = 'Third-party packages bundled into the Sextant workbench.\n';
for (const [name, dir] of [...packages].sort()) {
  const pkg = JSON.parse(readFileSync(join(here, dir, 'package.json'), 'utf8'));
  const lic = readdirSync(join(here, dir)).find((f) => /^licen[cs]e/i.test(f));
  notices += `\n==== ${name} ${pkg.version} (${pkg.license}) ====\n`;
  notices += lic ? readFileSync(join(here, dir, lic), 'utf8').trim() + '\n' : '(no licence file)\n';
}
writeFileSync(join(assets, 'LICENSES.txt'), notices);

if (!quiet) {
  const files = [join(out, 'index.html'), ...readdirSync(assets).sort().map((f) => join(assets, f))];
  for (const f of files) {
    console.log(`${String(statSync(f).size).padStart(9)}  ${f.slice(out.length + 1)}`);
  }
}
