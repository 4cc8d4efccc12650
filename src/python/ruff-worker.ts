import { parentPort, workerData } from 'node:worker_threads';
import { prepareRuff, runRuff } from './ruff-engine.js';
import { shareWasmTierLock } from './wasm-tiers.js';

/** What the thread is started with. */
export interface RuffWorkerData {
  /** The starting thread's wasm tier lock (see wasm-tiers.ts). */
  wasmTierLock: SharedArrayBuffer;
}

const data = workerData as RuffWorkerData | null;
if (data?.wasmTierLock) shareWasmTierLock(data.wasmTierLock);

/** A request from the main thread: lint `source`, or only load Ruff when `source` is null. */
export interface RuffRequest {
  id: number;
  source: string | null;
  lineLength: number;
  targetVersion: string;
}

parentPort?.on('message', (request: RuffRequest) => {
  const work = request.source === null
    ? prepareRuff(request.lineLength, request.targetVersion).then(() => [])
    : runRuff(request.source, request.lineLength, request.targetVersion);
  work.then(
    (diagnostics) => parentPort?.postMessage({ id: request.id, diagnostics }),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
