import { parentPort, workerData } from 'node:worker_threads';
import { lintAhead, prepareRuff, runRuff, useCompiledRuffWasm } from './ruff-engine.js';
import type { CompiledWasm } from './ruff-wasm-module.js';
import { shareWasmTierLock } from './wasm-tiers.js';

/** What the thread is started with. */
export interface RuffWorkerData {
  /** The starting thread's wasm tier lock (see wasm-tiers.ts). */
  wasmTierLock: SharedArrayBuffer;
  /** Ruff's wasm comes compiled, in a `RuffWasmMessage`, before Ruff is loaded (see ruff-wasm-module.ts). */
  compiledWasmFollows?: boolean;
}

/** The compiled wasm, or null when the starting thread could not compile it (then it is compiled here). */
export interface RuffWasmMessage {
  compiledWasm: CompiledWasm | null;
}

/** A request from the main thread: lint `source`, or only load Ruff when `source` is null. */
export interface RuffRequest {
  id: number;
  source: string | null;
  lineLength: number;
  targetVersion: string;
  /** With no `source`: a source to lint ahead instead of the warm-up module (see `lintAhead`). */
  ahead?: string;
}

const data = workerData as RuffWorkerData | null;
if (data?.wasmTierLock) shareWasmTierLock(data.wasmTierLock);
let receiveWasm: (compiled: CompiledWasm | null) => void = () => undefined;
if (data?.compiledWasmFollows) useCompiledRuffWasm(new Promise((resolve) => (receiveWasm = resolve)));

parentPort?.on('message', (message: RuffRequest | RuffWasmMessage) => {
  if ('compiledWasm' in message) {
    receiveWasm(message.compiledWasm);
    return;
  }
  const request = message;
  const work = request.source === null
    ? (request.ahead === undefined ? prepareRuff(request.lineLength, request.targetVersion) : lintAhead(request.ahead, request.lineLength, request.targetVersion)).then(() => [])
    : runRuff(request.source, request.lineLength, request.targetVersion);
  work.then(
    (diagnostics) => parentPort?.postMessage({ id: request.id, diagnostics }),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
