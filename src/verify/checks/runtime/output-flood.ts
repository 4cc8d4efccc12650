import { defineCheck, type CheckReport } from '../../check.js';
import type { RuntimeResults, SandboxRunSummary } from '../../../sandbox/runtime-types.js';

/** More than this much printed output in one stage (probe or acceptance tests) is a flood. */
export const OUTPUT_FLOOD_BYTES = 4 * 1024 * 1024;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Bytes that reached the sandbox's stdout and stderr pipes in the runs of one purpose (the trusted process's own output). */
function piped(runs: SandboxRunSummary[], purpose: SandboxRunSummary['purpose']): number {
  return runs.filter((run) => run.purpose === purpose).reduce((sum, run) => sum + run.stdoutBytes + run.stderrBytes, 0);
}

/** What the module printed in each stage, with what it did there (calls or tests), for the message. */
function stages(runtime: RuntimeResults): Array<{ label: string; bytes: number; units: number; unit: string }> {
  const { probe, tests, sandbox } = runtime;
  // The import's own output is judged by runtime/import-error; here only what the calls printed.
  const probeBytes = Math.max(0, (probe?.outputChars ?? 0) - (probe?.import?.stdoutChars ?? 0)) + piped(sandbox.runs, 'probe');
  const testBytes = (tests?.outputChars ?? 0) + piped(sandbox.runs, 'tests');
  return [
    { label: 'the contract probe', bytes: probeBytes, units: probe?.probed.length ?? 0, unit: 'method' },
    { label: 'the acceptance tests', bytes: testBytes, units: tests?.tests.length ?? 0, unit: 'test' },
  ];
}

/** `runtime/output-flood`: the module must not flood stdout or stderr when its methods are called. */
export const outputFlood = defineCheck({
  id: 'runtime/output-flood',
  category: 'runtime',
  severity: 'error',
  description: `The module's prints, raw writes to stdout/stderr and log records are counted by the sandbox's trusted process (and dropped, so a flood costs the run neither memory nor time); more than ${megabytes(OUTPUT_FLOOD_BYTES)} during the probe or the acceptance tests floods the console and logs of the Gradio app.`,
  fixHint: 'Do not print from service methods, and never large data: return it in the response, or log a short message at debug level.',
  requires: ['runtime'],
  run(context) {
    const runtime = context.runtime;
    if (!runtime) return [];
    const reports: CheckReport[] = [];
    for (const { label, bytes, units, unit } of stages(runtime)) {
      if (bytes <= OUTPUT_FLOOD_BYTES) continue;
      const each = unit === 'test' && units > 0 ? `, about ${megabytes(bytes / units)} per test` : `, over ${units} probed method${units === 1 ? '' : 's'}`;
      reports.push({
        message: `The module printed ${megabytes(bytes)} during ${label} (limit ${megabytes(OUTPUT_FLOOD_BYTES)}${each}): it would flood the app's console and logs`,
        line: 0,
        symbol: '<output>',
      });
    }
    return reports;
  },
});
