import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config-schema.js';
import { verifyModule, type ModuleReport } from '../verify/verify-module.js';
import { ReportCache, type StaticVerifyInputs } from './report-cache.js';

const SOURCE = '"""Counts."""\n\n\ndef count(items: list[int]) -> int:\n    """Counts the items."""\n    return len(items)\n';
const BASE: StaticVerifyInputs = { path: 'counter.py', source: SOURCE, config: defaultConfig(), design: null, stories: null, python: null };

/** A cache and a verifier that counts its calls (the real verifier, no run). */
function counted(cache = new ReportCache()) {
  let calls = 0;
  const report = (inputs: StaticVerifyInputs) => cache.report(inputs, () => {
    calls++;
    return verifyModule({ path: inputs.path, source: inputs.source, noRun: true });
  });
  return { cache, report, calls: () => calls };
}

describe('ReportCache: a static report is reused only for equal inputs', () => {
  const changes: Array<{ name: string; change: Partial<StaticVerifyInputs> }> = [
    { name: 'the module text', change: { source: `${SOURCE}import os\n` } },
    { name: 'the path', change: { path: 'other.py' } },
    { name: 'the configuration', change: { config: { ...defaultConfig(), ignore: ['quality/'] } } },
    { name: 'the design', change: { design: '# Design\n' } },
    { name: 'the stories', change: { stories: '# Stories\n' } },
    { name: 'the interpreter', change: { python: '/usr/bin/python3' } },
  ];
  it.each(changes)('a change of $name verifies again', async ({ change }) => {
    const { report, calls } = counted();
    await report(BASE);
    await report({ ...BASE, ...change });
    expect(calls()).toBe(2);
  });

  it('equal inputs get an equal report, a copy the caller may change', async () => {
    const { report, calls } = counted();
    const first = await report(BASE);
    first.findings.push({ checkId: 'x/y', category: 'quality', severity: 'error', message: 'added by the caller', line: 1, hint: '' });
    const second = await report({ ...BASE, config: structuredClone(BASE.config) });
    expect(calls()).toBe(1);
    expect(second.findings.some((finding) => finding.checkId === 'x/y')).toBe(false);
    expect(second.sha256).toBe(first.sha256);
  });

  it('keeps no report of a verification that did not do its whole work', async () => {
    const cache = new ReportCache();
    let calls = 0;
    const failed = (): Promise<ModuleReport> => {
      calls++;
      return Promise.resolve({
        path: 'm.py', sha256: '', passed: false, summary: { errors: 1, warnings: 0, infos: 0 }, checks: [],
        findings: [{ checkId: 'verify/internal-error', category: 'verify', severity: 'error', message: 'crashed', line: 0, hint: '' }],
        syntax: { authority: 'tree-sitter', pythonVersion: null, fallbackReason: 'the module was not verified' }, durationMs: 0,
      });
    };
    await cache.report(BASE, failed);
    await cache.report(BASE, failed);
    expect(calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('forgets the least recently used report past its limit', async () => {
    const { cache, report, calls } = counted(new ReportCache(2));
    await report({ ...BASE, path: 'a.py' });
    await report({ ...BASE, path: 'b.py' });
    await report({ ...BASE, path: 'a.py' });
    await report({ ...BASE, path: 'c.py' });
    expect(cache.size).toBe(2);
    await report({ ...BASE, path: 'a.py' });
    expect(calls()).toBe(3);
    await report({ ...BASE, path: 'b.py' });
    expect(calls()).toBe(4);
  });
});
