// Bundles the CLI (after tsc) into dist/bundle/: `backsmith verify` then loads a few dozen files
// instead of ~200 modules, each resolved, read and linked on its own by the ESM loader (loading
// the verify command: ~200 -> ~110 ms of CPU). bin/backsmith.js runs the bundle only while it is
// fresh (see src/cli/bundle-freshness.ts), so a later `tsc` alone is never shadowed by an older bundle.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { BUNDLE_ENTRIES, BUNDLE_FOLDER, BUNDLE_STAMP } from '../dist/cli/bundle-freshness.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const folder = path.join(dist, BUNDLE_FOLDER);
// Built aside and moved into place whole, so that a CLI starting meanwhile finds the old bundle
// (stale, so not run) or the new one, never half of one.
const building = `${folder}.building-${process.pid}`;
rmSync(building, { recursive: true, force: true });
mkdirSync(building, { recursive: true });

const input = Object.fromEntries(Object.entries(BUNDLE_ENTRIES).map(([name, file]) => [name, path.join(dist, file)]));
const result = await build({
  input,
  // Packages stay where npm put them (their own files, wasm and workers find each other as before).
  external: [/^[^./]/],
  platform: 'node',
  logLevel: 'warn',
  output: { dir: building, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunk-[hash].js' },
});

const inputs = new Set();
for (const item of result.output) {
  if (item.type !== 'chunk') continue;
  for (const id of item.moduleIds) if (id.startsWith(dist + path.sep)) inputs.add(path.relative(dist, id).split(path.sep).join('/'));
}
// Written last, so that its time is later than every input's (see bundle-freshness.ts).
writeFileSync(path.join(building, BUNDLE_STAMP), `${JSON.stringify({ inputs: [...inputs].sort() })}\n`);
rmSync(folder, { recursive: true, force: true });
renameSync(building, folder);
console.log(`bundled ${inputs.size} modules into dist/${BUNDLE_FOLDER}/`);
