import { describe, expect, it } from 'vitest';
import { defaultConfig, type BacksmithConfig } from '../../config/config-schema.js';
import { readPythonModule } from '../../python/read-module.js';
import type { Finding } from '../finding.js';
import { applySuppressions } from './apply-suppressions.js';

const MODULE = `"""Polls."""
# backsmith: ignore-file[deps/, tests/, contract/exception-escapes]
import os  # noqa: F401
import sys  # noqa


def f() -> None:
    try:
        eval("1")  # backsmith: ignore[safety/network, errors/swallowed-exception]
    except Exception:  # backsmith: ignore[errors/swallowed-exception]
        pass
    x = 42  # backsmith: ignore[quality]
    os.abort()  # backsmith: ignore[safety]


# backsmith: ignore-file[threading/] is too far down to cover the file
`;

const ABORT_LINE = MODULE.split('\n').findIndex((line) => line.includes('os.abort()')) + 1;

function finding(checkId: string, line: number, message = 'something'): Finding {
  return { checkId, category: checkId.split('/')[0] as Finding['category'], severity: 'error', message, line, hint: 'fix it' };
}

async function suppress(findings: Finding[], config: Partial<BacksmithConfig> = {}, honourComments = true) {
  const module = await readPythonModule(MODULE);
  return applySuppressions(findings, module, { ...defaultConfig(), ...config }, honourComments);
}

describe('applySuppressions', () => {
  const cases: Array<{ name: string; finding: Finding; config?: Partial<BacksmithConfig>; by: string | null }> = [
    { name: 'a line comment with the exact id', finding: finding('errors/swallowed-exception', 10), by: '# backsmith: ignore[errors/swallowed-exception]' },
    { name: 'a line comment naming several ids', finding: finding('errors/swallowed-exception', 9), by: '# backsmith: ignore[safety/network, errors/swallowed-exception]' },
    { name: 'a line comment naming a category without the slash', finding: finding('quality/magic-number', 12), by: '# backsmith: ignore[quality]' },
    { name: 'a line comment only covers its own line', finding: finding('errors/swallowed-exception', 11), by: null },
    { name: 'a line comment does not cover other checks', finding: finding('safety/subprocess', 9), by: null },
    { name: 'ignore-file at the top covers every line and the whole module', finding: finding('deps/third-party-import', 0), by: '# backsmith: ignore-file[deps/, tests/, contract/exception-escapes]' },
    { name: 'ignore-file far down covers only its line', finding: finding('threading/unlocked-mutation', 7), by: null },
    { name: 'noqa with a code covers that Ruff code', finding: finding('quality/lint', 3, 'F401 `os` imported but unused'), by: '# noqa: F401' },
    { name: 'noqa with a code does not cover another code', finding: finding('quality/lint', 3, 'E501 Line too long'), by: null },
    { name: 'bare noqa covers every Ruff code', finding: finding('quality/lint', 4, 'F401 `sys` imported but unused'), by: '# noqa' },
    { name: 'noqa does not waive backsmith checks', finding: finding('quality/magic-number', 4), by: null },
    { name: 'ignore by category', finding: finding('safety/subprocess', 9), config: { ignore: ['safety/'] }, by: 'ignore safety/' },
    { name: 'select leaves other checks out', finding: finding('safety/subprocess', 9), config: { select: ['errors/', 'quality/lint'] }, by: 'not in select [errors/, quality/lint]' },
    { name: 'select keeps its own checks', finding: finding('errors/exception-hierarchy', 0), config: { select: ['errors'] }, by: null },
    { name: 'checks.exclude waives like ignore (counted)', finding: finding('safety/subprocess', 9), config: { checks: { include: [], exclude: ['safety/'] } }, by: 'checks.exclude safety/' },
    { name: 'checks.include waives like select (counted)', finding: finding('safety/subprocess', 9), config: { checks: { include: ['quality/'], exclude: [] } }, by: 'not in checks.include [quality/]' },
    { name: 'checks.include keeps its own checks', finding: finding('quality/magic-number', 5), config: { checks: { include: ['quality'], exclude: [] } }, by: null },
    { name: 'a file comment cannot waive what running the module showed', finding: finding('tests/failed', 0), by: null },
    { name: 'a file comment cannot waive a probe finding', finding: finding('contract/exception-escapes', 0), by: null },
    { name: 'a line comment cannot waive tampering', finding: finding('safety/tampering', 9), by: null },
    { name: 'a line comment cannot waive outcome forging', finding: finding('safety/outcome-forging', ABORT_LINE), by: null },
    { name: 'the same comment waives another safety check', finding: finding('safety/subprocess', ABORT_LINE), by: '# backsmith: ignore[safety]' },
    { name: 'the configuration may waive a test failure (counted)', finding: finding('tests/failed', 9), config: { ignore: ['tests/'] }, by: 'ignore tests/' },
    { name: 'nothing waives tests that did not run', finding: finding('tests/not-run', 0), config: { ignore: ['tests/'] }, by: null },
    { name: 'nothing waives forged results', finding: finding('runtime/bad-results', 0), config: { select: ['quality/'] }, by: null },
    { name: 'nothing waives an internal error', finding: finding('verify/internal-error', 0), config: { ignore: ['verify'] }, by: null },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const outcome = await suppress([testCase.finding], testCase.config);
      const waived = outcome.suppressed.filter((entry) => entry.suppressedBy.kind !== 'noqa' || entry.message === testCase.finding.message);
      if (testCase.by === null) {
        expect(outcome.findings).toEqual([testCase.finding]);
        expect(waived).toEqual([]);
      } else {
        expect(outcome.findings).toEqual([]);
        expect(waived.map((entry) => entry.suppressedBy.text)).toEqual([testCase.by]);
      }
    });
  }

  it('lists every noqa comment as a waiver (Ruff drops what they hide before backsmith sees it)', async () => {
    const outcome = await suppress([]);
    expect(outcome.suppressed.map((entry) => `${entry.line} ${entry.checkId} ${entry.suppressedBy.text}`)).toEqual(['3 quality/lint # noqa: F401', '4 quality/lint # noqa']);
  });

  it("lists pyright's own comments as waivers when types were checked, and only then", async () => {
    const source = 'x: int = "a"  # type: ignore\ny: int = "b"  # pyright: ignore[reportAssignmentType]\nz = 1  # type: ignore[assignment]  # noqa: E501\n';
    const module = await readPythonModule(source);
    const waivers = (typesChecked: boolean) => applySuppressions([], module, defaultConfig(), true, typesChecked).suppressed.map((entry) => `${entry.line} ${entry.checkId} ${entry.suppressedBy.kind} ${entry.suppressedBy.text}`);
    expect(waivers(true)).toEqual([
      '1 types/other type-ignore # type: ignore',
      '2 types/other type-ignore # pyright: ignore[reportAssignmentType]',
      '3 quality/lint noqa # noqa: E501',
      '3 types/other type-ignore # type: ignore[assignment]',
    ]);
    expect(waivers(false)).toEqual(['3 quality/lint noqa # noqa: E501']);
    // A type comment is not a waiver of backsmith's own checks.
    const kept = applySuppressions([finding('quality/magic-number', 1)], module, defaultConfig(), true, true);
    expect(kept.findings.map((entry) => entry.checkId)).toEqual(['quality/magic-number']);
  });

  it("a draft's comments waive nothing; the user's selection still applies", async () => {
    const outcome = await suppress([finding('errors/swallowed-exception', 10), finding('safety/subprocess', 9)], { ignore: ['safety/subprocess'] }, false);
    expect(outcome.findings.map((entry) => entry.checkId)).toEqual(['errors/swallowed-exception']);
    expect(outcome.suppressed.map((entry) => entry.suppressedBy.text)).toEqual(['ignore safety/subprocess']);
  });
});

describe('runChecks with suppressions', () => {
  it('a check whose findings are all waived counts as passed; the findings move to suppressed', async () => {
    const { buildCheckContext } = await import('../build-context.js');
    const { runChecks } = await import('../verify-module.js');
    const { swallowedException } = await import('../checks/errors/swallowed-exception.js');
    const source = 'def f() -> None:\n    try:\n        g()\n    except Exception:  # backsmith: ignore[errors/swallowed-exception]\n        pass\n';
    const context = await buildCheckContext({ source, python: null });
    const result = await runChecks(context, [swallowedException], {});
    expect(result.findings).toEqual([]);
    expect(result.suppressed?.map((entry) => `${entry.line} ${entry.checkId}`)).toEqual(['4 errors/swallowed-exception']);
    expect(result.checks).toEqual([expect.objectContaining({ id: 'errors/swallowed-exception', status: 'passed' })]);
    const draft = await runChecks({ ...context, draft: true }, [swallowedException], {});
    expect(draft.findings.map((entry) => entry.checkId)).toEqual(['errors/swallowed-exception']);
    expect(draft.passed).toBe(false);
  });
});

describe('generate', () => {
  it("verifies every draft as a draft, so the model's own comments waive nothing", async () => {
    const { draftVerifyOptions } = await import('../../generate/generation-steps.js');
    const context = { prepared: { deliverable: { path: 'polls.py' }, design: { spec: {} }, stories: { spec: {} }, tests: [] }, config: defaultConfig(), options: {} };
    expect(draftVerifyOptions(context as never, 'x = 1\n')).toMatchObject({ path: 'polls.py', source: 'x = 1\n', draft: true });
  });
});

describe('checks.include/exclude in a whole verification', () => {
  it('runs the excluded checks and counts what they found as suppressed, not skipped', async () => {
    const { verifyModule } = await import('../verify-module.js');
    const source = '"""Doc."""\nimport subprocess\n\n\ndef run() -> None:\n    """Run."""\n    subprocess.run(["ls"], check=True)\n';
    const report = await verifyModule({ path: 'm.py', source, noRun: true, python: null, config: { ...defaultConfig(), checks: { include: [], exclude: ['safety/'] } } });
    expect(report.findings.filter((entry) => entry.checkId.startsWith('safety/'))).toEqual([]);
    expect(report.suppressed?.filter((entry) => entry.checkId === 'safety/subprocess').map((entry) => entry.suppressedBy.text)).toEqual(['checks.exclude safety/']);
    expect(report.checks.find((check) => check.id === 'safety/subprocess')?.status).toBe('passed');
  }, 30_000);
});
