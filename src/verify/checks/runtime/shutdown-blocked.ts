import { defineCheck } from '../../check.js';
import { clip } from './support/runtime-symbols.js';

/** `runtime/shutdown-blocked`: once its calls are done, the module's process must be able to end. */
export const shutdownBlocked = defineCheck({
  id: 'runtime/shutdown-blocked',
  category: 'runtime',
  severity: 'error',
  description: "After the probe's calls, the module's process is asked to end as a program ends (Python joins every non-daemon thread, then runs atexit handlers); one still alive seconds later would keep the Gradio app from shutting down.",
  fixHint: 'Do not start threads at import time. A background thread must be daemon=True, or be stopped (a threading.Event its loop checks) and joined with a timeout from a close() method; atexit handlers must return promptly.',
  requires: ['runtime'],
  run(context) {
    const report = context.runtime?.probe?.shutdown;
    if (!report) return [];
    const threads = report.threads.map((thread) => `thread '${clip(thread.name, 60)}'${thread.function ? ` (in ${thread.function}, line ${thread.line})` : ''}`);
    const why = threads.length > 0
      ? `${threads.join(', ')} ${threads.length === 1 ? 'is' : 'are'} still running and not ${threads.length === 1 ? 'a daemon' : 'daemons'}`
      : 'a thread it started or an atexit handler kept it alive';
    const first = report.threads.find((thread) => thread.line > 0);
    return [{
      message: `The module's process did not end within ${report.seconds.toFixed(1)} s of being asked to, as a program ends: ${why}; a Gradio app using the module could not shut down`,
      line: first?.line ?? 0,
      symbol: first?.function || '<shutdown>',
    }];
  },
});
