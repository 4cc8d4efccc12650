import { parentPort } from 'node:worker_threads';
import { prepareRuff, runRuff } from './ruff-engine.js';

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
