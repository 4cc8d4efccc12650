#!/usr/bin/env node
// V8 otherwise recompiles Ruff's 10 MB wasm with its optimising tier at start-up (seconds);
// the baseline tier is plenty for linting one module and starts in a fraction of the time.
import v8 from 'node:v8';
v8.setFlagsFromString('--liftoff-only');

const args = process.argv.slice(2);
if (args[0] === 'verify' || args[0] === 'generate') {
  // Ruff loads on its own thread while the rest of the CLI is still being imported.
  const { warmUpRuff, DEFAULT_LINE_LENGTH } = await import('../dist/python/ruff-lint.js');
  warmUpRuff(DEFAULT_LINE_LENGTH);
}
const { runCli } = await import('../dist/cli/main.js');
process.exitCode = await runCli(args);
