#!/usr/bin/env node
// No V8 flag is set here: while one differs from its default, V8 does not use its cache of Node's
// built-in modules' compiled code (which compiler tier each wasm module gets is the library's
// choice, for the span of its compile: src/python/wasm-tiers.ts).
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
if (args[0] === 'verify' || args[0] === 'generate') {
  // Ruff loads in its own process while the rest of the CLI is still being imported: it is the
  // longest start-up task, so its process starts before anything else, from dist/ (a few small
  // modules), before the bundle is even checked; the bundle's code finds the same process.
  const { warmUpRuff, DEFAULT_LINE_LENGTH } = await import('../dist/python/ruff-lint.js');
  const { earlyLintSource, leadingPaths, onlyLargeModules } = await import('../dist/cli/early-lint-source.js');
  // The module about to be verified, when the arguments tell, is linted in place of a warm-up;
  // none is made for modules too large to lint before the parse (see onlyLargeModules).
  if (!onlyLargeModules(leadingPaths(args))) warmUpRuff(DEFAULT_LINE_LENGTH, undefined, earlyLintSource(args) ?? undefined);
}

// `npm run build` also bundles the CLI (a few files load much faster than ~200 modules); the
// bundle runs only while it is newer than every module it was built from, else dist/ as tsc left it.
const { BUNDLE_ENTRIES, BUNDLE_FOLDER, bundleIsFresh } = await import('../dist/cli/bundle-freshness.js');
const bundled = bundleIsFresh(fileURLToPath(new URL('../dist/', import.meta.url)));
const load = (entry) => import(bundled ? `../dist/${BUNDLE_FOLDER}/${entry}.js` : `../dist/${BUNDLE_ENTRIES[entry]}`);

if (args[0] === 'verify') {
  // The interpreter and the grammar load alongside too.
  const { startVerifierEarly } = await load('early-start');
  startVerifierEarly(args);
}
const { runCli } = await load('main');
process.exitCode = await runCli(args);
