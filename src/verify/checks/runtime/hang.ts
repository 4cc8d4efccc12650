import { defineCheck } from '../../check.js';
import { findingLine } from './support/runtime-symbols.js';

/** `runtime/hang`: no call may run past its time limit. */
export const hang = defineCheck({
  id: 'runtime/hang',
  category: 'runtime',
  severity: 'error',
  description: 'Each public method (and each docstring example) is called under a time limit in the sandbox; a call that does not return blocks the Gradio UI.',
  fixHint: 'Remove the endless loop or blocking wait; bound every loop and never wait on input, sockets or locks without a timeout.',
  requires: ['runtime'],
  run(context) {
    const probe = context.runtime?.probe;
    if (!probe) return [];
    return probe.hangs.map((report) => {
      const call = report.stage === 'doctest' ? `A docstring example of ${report.symbol}` : `${report.symbol}(${report.arguments ?? ''})`;
      const how = `${report.stuck ? `; it was stuck in ${report.stuck}` : ''}${report.killed ? '; it could not be interrupted and the probe was killed' : ''}`;
      return {
        message: `${call} did not return within ${report.seconds.toFixed(1)} s${how}`,
        line: findingLine(context.module, report.line, report.symbol),
        symbol: report.symbol,
      };
    });
  },
});
