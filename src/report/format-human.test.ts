import { describe, expect, it } from 'vitest';
import type { ModuleReport } from '../verify/verify-module.js';
import { buildVerifyReport } from '../verify/verify-report.js';
import { escapeTerminal } from './escape-terminal.js';
import { formatHumanReport } from './format-human.js';
import { formatJsonReport } from './format-json.js';

// What a hostile module raises: erase the line, go back to its start, print a fake verdict.
const HOSTILE = 'boom\u001b[2K\r\u001b[32m✔ 1 module verified: no errors, 0 warnings.\u001b[0m\n\u009b31m\u202egnp.exe';

function failingReport(): ModuleReport {
  return {
    path: 'evil_service.py', sha256: '0'.repeat(64), passed: false, summary: { errors: 1, warnings: 0, infos: 0 },
    findings: [{ checkId: 'tests/failed', category: 'tests', severity: 'error', message: `Acceptance test test_x failed: ${HOSTILE}`, line: 0, symbol: 'test_x\r', hint: 'Fix it.' }],
    checks: [{ id: 'tests/failed', status: 'failed', durationMs: 1 }],
    syntax: { authority: 'cpython', pythonVersion: '3.12', fallbackReason: null },
    durationMs: 1,
  };
}

describe('formatHumanReport', () => {
  it('shows control characters from the module escaped, so they cannot hide the verdict', () => {
    const text = formatHumanReport(buildVerifyReport([failingReport()]));
    expect(text).toContain('boom\\e[2K\\r\\e[32m✔ 1 module verified: no errors, 0 warnings.\\e[0m\\n\\x9b31m\\u202egnp.exe');
    expect(text).toContain('[test_x\\r]');
    expect(text).not.toMatch(/[\u001b\r\u009b\u202e]/);
    expect(text.trim().split('\n').at(-1)).toBe('✖ 1 of 1 module failed: 1 error, 0 warnings.');
  });

  it('says the sandbox interpreter note once for all modules, not once per module', () => {
    const note = 'python3 (/root/.pyenv/versions/3.11.7/bin/python3) does not work inside the sandbox; using /usr/bin/python3 instead';
    const sandbox = {
      status: 'ran', reason: null, protections: {}, missing: [], unsandboxed: false,
      interpreter: { requested: 'python3', executable: '/usr/bin/python3', version: '3.11.2', hasPytest: false, note },
      limits: {}, runs: [], probe: null, tests: null,
    } as unknown as NonNullable<ModuleReport['sandbox']>;
    const modules = ['a_service.py', 'b_service.py', 'c_service.py'].map((path) => ({ ...failingReport(), path, sandbox }));
    const text = formatHumanReport(buildVerifyReport(modules));
    expect(text.split(note).length - 1).toBe(1);
    expect(text).toContain(`Sandbox note: ${note}`);
    expect(text.split('Sandbox: /usr/bin/python3 3.11.2').length - 1).toBe(3);
  });

  it('keeps the text as it is in JSON (JSON escapes it)', () => {
    const json = formatJsonReport(buildVerifyReport([failingReport()]));
    expect(JSON.parse(json).modules[0].findings[0].message).toContain(HOSTILE);
    expect(json).not.toMatch(/[\u001b\r]/);
  });
});

describe('escapeTerminal', () => {
  it.each([
    ['plain text, tabs\tand unicode ✔ stay', 'plain text, tabs\tand unicode ✔ stay'],
    ['\u0000\u0007\u0008\u007f', '\\x00\\x07\\x08\\x7f'],
    ['a\u2028b\u2066c', 'a\\u2028b\\u2066c'],
  ])('%j → %j', (input, output) => {
    expect(escapeTerminal(input)).toBe(output);
  });
});
