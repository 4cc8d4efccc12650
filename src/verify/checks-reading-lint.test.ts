import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyLintOutcome, buildCheckContext, buildCheckContextEarly, CHECKS_READING_LINT } from './build-context.js';
import type { CheckContext } from './check-context.js';
import { ALL_CHECKS } from './registry.js';
import { runChecks } from './verify-module.js';

const EXAMPLE = readFileSync(new URL('../../examples/clinic_booking/clinic_booking_scheduler.py', import.meta.url), 'utf8');
// Lint findings (F401, E711), a placeholder and a syntax-valid module: every kind of finding on one page.
const FLAWED = `"""Flawed."""\nimport os\n\n\ndef f(x):\n    """F."""\n    return x == None\n\n\ndef g() -> None:\n    pass\n`;
const WRAPPED = `Here is the module:\n\n\`\`\`python\n${FLAWED}\`\`\`\n`;

class LintRead extends Error {}

/** The context with lint facts that cannot be read (as a check running before Ruff answers would find them). */
function withoutLint(context: CheckContext): CheckContext {
  const poisoned = { ...context };
  for (const key of ['lint', 'lintFailure', 'lintSkipped'] as const) {
    Object.defineProperty(poisoned, key, { get: () => { throw new LintRead(`read ${key}`); } });
  }
  return poisoned;
}

const stripTimes = (result: Awaited<ReturnType<typeof runChecks>>) => ({ ...result, checks: result.checks.map(({ durationMs: _durationMs, ...rest }) => rest) });

describe('CHECKS_READING_LINT', () => {
  it('names every check that reads Ruff\'s outcome, and only those', async () => {
    const context = withoutLint(await buildCheckContext({ source: EXAMPLE, path: 'clinic.py' }));
    for (const check of ALL_CHECKS) {
      let readLint = false;
      try {
        await check.run(context);
      } catch (error) {
        readLint = error instanceof LintRead;
      }
      expect(readLint, check.id).toBe(CHECKS_READING_LINT.has(check.id));
    }
  });
});

describe('runChecks with Ruff still linting', () => {
  it.each([['the example', EXAMPLE], ['a flawed module', FLAWED], ['a wrapped module', WRAPPED]])('reports %s as it does with a finished context', async (_name, source) => {
    const finished = await buildCheckContext({ source, path: 'module.py' });
    if (finished.codeOnly) finished.codeOnly = { ...finished, ...finished.codeOnly, codeOnly: undefined };
    const { context, lint } = await buildCheckContextEarly({ source, path: 'module.py' });
    if (context.codeOnly) context.codeOnly = { ...context, ...context.codeOnly, codeOnly: undefined };
    const early = await runChecks(context, ALL_CHECKS, {}, lint);
    expect(stripTimes(early)).toEqual(stripTimes(await runChecks(finished, ALL_CHECKS, {})));
  });

  it('puts the file\'s failure into its code alone\'s context where the code has none, as a spread would', () => {
    const context = { lint: [], codeOnly: { lint: [] } } as unknown as CheckContext;
    applyLintOutcome(context, { file: { lint: [], lintFailure: 'crashed' }, codeOnly: { lint: [] } });
    expect(context.codeOnly?.lintFailure).toBe('crashed');
    applyLintOutcome(context, { file: { lint: [], lintFailure: 'crashed' }, codeOnly: { lint: [], lintFailure: 'its own' } });
    expect(context.codeOnly?.lintFailure).toBe('its own');
  });
});
