import { createInterface } from 'node:readline';
import v8 from 'node:v8';
import { lintAhead, prepareRuff, runRuff } from './ruff-engine.js';

/** A request from the parent process, one JSON line: lint `source`, or only load Ruff when `source` is null. */
export interface RuffRequest {
  id: number;
  source: string | null;
  lineLength: number;
  targetVersion: string;
  /** With no `source`: a source to lint ahead instead of the warm-up module (see `lintAhead`). */
  ahead?: string;
}

/** The answer to one request, one JSON line. */
export interface RuffAnswer {
  id: number;
  diagnostics?: unknown[];
  error?: string;
}

// Lazy validation checks each wasm function when it is first compiled instead of all of them at
// load, and most of Ruff's functions are never called for one module. Set after the built-in
// modules above are loaded: V8 uses its cache of their compiled code only under default flags.
v8.setFlagsFromString('--wasm-lazy-validation');

function answer(reply: RuffAnswer): void {
  process.stdout.write(`${JSON.stringify(reply)}\n`);
}

function serve(request: RuffRequest): void {
  const work = request.source === null
    ? (request.ahead === undefined ? prepareRuff(request.lineLength, request.targetVersion) : lintAhead(request.ahead, request.lineLength, request.targetVersion)).then(() => [])
    : runRuff(request.source, request.lineLength, request.targetVersion);
  work.then(
    (diagnostics) => answer({ id: request.id, diagnostics }),
    (error: unknown) => {
      answer({ id: request.id, error: error instanceof Error ? error.message : String(error) });
      // A crash can leave Ruff's wasm memory corrupt: this process ends once the answer is out.
      process.stdout.end(() => process.exit(70));
    },
  );
}

createInterface({ input: process.stdin }).on('line', (line) => {
  let request: RuffRequest;
  try {
    request = JSON.parse(line) as RuffRequest;
  } catch {
    return;
  }
  serve(request);
}).on('close', () => process.exit(0));
