#!/usr/bin/env node
// V8 otherwise recompiles Ruff's 10 MB wasm with its optimising tier at start-up (seconds);
// the baseline tier is plenty for linting one module and starts in a fraction of the time.
// Lazy validation checks each wasm function when it is first compiled instead of all of them
// at load, and most of Ruff's functions are never called for one module.
import v8 from 'node:v8';
v8.setFlagsFromString('--liftoff-only');
v8.setFlagsFromString('--wasm-lazy-validation');

const args = process.argv.slice(2);
if (args[0] === 'verify' || args[0] === 'generate') {
  // Ruff loads on its own thread while the rest of the CLI is still being imported: it is the
  // longest start-up task, so its thread starts before anything else is imported.
  const { warmUpRuff, DEFAULT_LINE_LENGTH } = await import('../dist/python/ruff-lint.js');
  warmUpRuff(DEFAULT_LINE_LENGTH);
}
if (args[0] === 'verify') {
  // The interpreter and the grammar load alongside too.
  const { startVerifierEarly } = await import('../dist/cli/early-start.js');
  startVerifierEarly(args);
}
const { runCli } = await import('../dist/cli/main.js');
process.exitCode = await runCli(args);
