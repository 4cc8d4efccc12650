import { defineCheck, type CheckReport } from '../../check.js';
import { clip, findingLine, symbolLine } from '../runtime/support/runtime-symbols.js';

/** `contract/exception-escapes`: bad input must give `success: False` and a message, never an exception. */
export const exceptionEscapes = defineCheck({
  id: 'contract/exception-escapes',
  category: 'contract',
  severity: 'error',
  description: 'Each public service method is called in the sandbox with valid arguments and with bad inputs (None, empty and blank strings, wrong types, negative/zero/huge numbers, unknown ids, very long strings); it must answer with success False and a message, never raise into the Gradio UI.',
  fixHint: "Validate every input first and catch errors in the public method, returning {'success': False, 'message': <user-facing text>, 'data': None}.",
  requires: ['runtime'],
  run(context) {
    const probe = context.runtime?.probe;
    if (!probe) return [];
    const grouped = new Map<string, { report: CheckReport; inputs: string[] }>();
    for (const escape of probe.escapes) {
      const { error } = escape;
      const key = `${escape.symbol}\u0000${error.type}\u0000${error.line}`;
      const input = escape.input ? `${escape.parameter}: ${escape.input}` : `valid arguments (${clip(escape.arguments, 100)})`;
      const entry = grouped.get(key);
      if (entry) {
        entry.inputs.push(input);
        continue;
      }
      const construct = escape.stage === 'construct';
      const what = construct ? `Creating ${escape.symbol.replace(/\.__init__$/, '')}(${clip(escape.arguments, 100)}) raised` : `${escape.symbol} raised`;
      grouped.set(key, {
        inputs: [input],
        report: {
          message: `${what} ${error.type}: ${clip(error.message, 160)}`,
          line: findingLine(context.module, error.line, escape.symbol),
          symbol: escape.symbol,
          // A failed construction may be our guess at arguments; its methods went unprobed.
          ...(construct ? { severity: 'warning' as const, hint: 'Give the constructor defaults for every parameter (the UI creates one instance at start-up), or document an example call in the class docstring.' } : {}),
        },
      });
    }
    const reports = [...grouped.values()].map(({ report, inputs }) => {
      if (report.severity === 'warning') return report;
      const shown = inputs.slice(0, 4).join('; ');
      return { ...report, message: `${report.message} — for ${shown}${inputs.length > 4 ? ` and ${inputs.length - 4} more` : ''}` };
    });
    for (const crash of probe.crashes) {
      reports.push({
        message: `The interpreter died while calling ${crash.symbol} (${crash.signal ?? `exit code ${crash.exitCode}`})${crash.stderrTail ? `: ${clip(crash.stderrTail, 160)}` : ''}`,
        line: symbolLine(context.module, crash.symbol),
        symbol: crash.symbol,
        hint: 'Never call os._exit(), sys.exit() or kill the process from a method; return a failure response.',
      });
    }
    for (const accepted of probe.accepted) {
      reports.push({
        message: `${accepted.symbol} answered success: True for ${accepted.input} as its required parameter ${accepted.parameter}`,
        line: symbolLine(context.module, accepted.symbol),
        symbol: accepted.symbol,
        severity: 'warning',
        hint: `Validate ${accepted.parameter}: reject None and blank values with success False and a message.`,
      });
    }
    return reports;
  },
});
