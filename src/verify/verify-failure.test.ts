import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SYNTAX_DEPTH } from '../python/syntax-node.js';
import { verifyModuleOrReport } from './verify-failure.js';
import { verifyModules } from './verify-modules.js';

const folder = mkdtempSync(path.join(tmpdir(), 'backsmith-verify-failure-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('one bad module does not end a run', () => {
  it('verifies the other files of a directory and gives the bad ones a finding each', async () => {
    writeFileSync(path.join(folder, 'a_good.py'), '"""Good."""\n\n\ndef one() -> int:\n    """Return one."""\n    return 1\n');
    writeFileSync(path.join(folder, 'b_binary.py'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x80, 0x81]));
    writeFileSync(path.join(folder, 'c_deep.py'), `"""Deep."""\nA = ${Array.from({ length: MAX_SYNTAX_DEPTH * 10 }, () => '1').join('+')}\n`);
    const report = await verifyModules({ paths: [folder], noRun: true, python: null });
    const byName = new Map(report.modules.map((module) => [path.basename(module.path), module]));
    expect([...byName.keys()]).toEqual(['a_good.py', 'b_binary.py', 'c_deep.py']);
    const good = byName.get('a_good.py')!;
    expect(good.checks.length).toBeGreaterThan(20);
    expect(good.findings.filter((finding) => finding.checkId.startsWith('verify/') || finding.checkId === 'quality/too-complex')).toEqual([]);
    expect(byName.get('b_binary.py')!.findings.map((finding) => finding.checkId)).toEqual(['verify/unreadable-module']);
    expect(byName.get('c_deep.py')!.findings.map((finding) => finding.checkId)).toContain('quality/too-complex');
    expect(report.passed).toBe(false);
  });

  it('turns a failure inside backsmith into verify/internal-error instead of throwing', async () => {
    // Not a string: the parser itself throws, as an unforeseen bug would.
    const report = await verifyModuleOrReport({ path: 'broken.py', source: 42 as unknown as string, noRun: true, python: null });
    expect(report.passed).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ checkId: 'verify/internal-error', severity: 'error', line: 0 })]);
    expect(report.findings[0]!.message).toMatch(/^backsmith could not verify this module: /);
  });

  it('keeps bad input fatal when it is the only module', async () => {
    await expect(verifyModules({ paths: [path.join(folder, 'b_binary.py')], noRun: true, python: null })).rejects.toThrow(/Python module .*b_binary\.py/);
  });
});
