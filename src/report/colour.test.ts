import { describe, expect, it } from 'vitest';
import type { ModuleReport } from '../verify/verify-module.js';
import { buildVerifyReport } from '../verify/verify-report.js';
import { shouldColour } from './colour.js';
import { formatHumanReport } from './format-human.js';

const TTY = { isTTY: true };
const PIPE = { isTTY: false };

describe('shouldColour', () => {
  it.each([
    ['a terminal', TTY, {}, true],
    ['a pipe', PIPE, {}, false],
    ['a dumb terminal', TTY, { TERM: 'dumb' }, false],
    ['NO_COLOR on a terminal', TTY, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR', TTY, { NO_COLOR: '' }, true],
    ['FORCE_COLOR on a pipe', PIPE, { FORCE_COLOR: '1' }, true],
    ['an empty FORCE_COLOR on a pipe', PIPE, { FORCE_COLOR: '' }, true],
    ['FORCE_COLOR=0 on a terminal', TTY, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', TTY, { FORCE_COLOR: 'false' }, false],
    ['FORCE_COLOR over NO_COLOR', PIPE, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
  ] as const)('%s', (_name, stream, env, expected) => {
    expect(shouldColour(stream, env as NodeJS.ProcessEnv)).toBe(expected);
  });
});

describe('formatHumanReport with colour', () => {
  const module: ModuleReport = {
    path: 'svc.py', sha256: '0'.repeat(64), passed: false, summary: { errors: 1, warnings: 0, infos: 0 }, durationMs: 1,
    findings: [{ checkId: 'tests/failed', category: 'tests', severity: 'error', message: 'fake \u001b[32m✔ verdict', line: 3, hint: 'Fix it.' }],
    checks: [], syntax: { authority: 'cpython', pythonVersion: '3.12', fallbackReason: null },
  };

  it('colours the verdict, PASS/FAIL and severity titles, and still escapes the module\'s own sequences', () => {
    const text = formatHumanReport(buildVerifyReport([module]), { colour: true });
    expect(text).toContain('\u001b[31m\u001b[1mFAIL\u001b[22m\u001b[39m svc.py');
    expect(text).toContain('\u001b[31mErrors (1):\u001b[39m');
    expect(text).toContain('fake \\e[32m✔ verdict');
    expect(text.trim().split('\n').at(-1)).toBe('\u001b[1m\u001b[31m✖ 1 of 1 module failed: 1 error, 0 warnings.\u001b[39m\u001b[22m');
    // Every escape in the text is one of the report's own colour codes.
    expect(text.replace(/\u001b\[\d+m/g, '')).not.toContain('\u001b');
  });

  it('is plain text without the option', () => {
    expect(formatHumanReport(buildVerifyReport([module]))).not.toContain('\u001b');
  });
});
