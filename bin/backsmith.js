#!/usr/bin/env node
// V8 otherwise recompiles Ruff's 10 MB wasm with its optimising tier at start-up (seconds);
// the baseline tier is plenty for linting one module and starts in a fraction of the time.
import v8 from 'node:v8';
v8.setFlagsFromString('--liftoff-only');
const { runCli } = await import('../dist/cli/main.js');
process.exitCode = await runCli(process.argv.slice(2));
