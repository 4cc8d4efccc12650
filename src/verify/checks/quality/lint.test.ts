import { describe, expect, it } from 'vitest';
import { buildCheckContext } from '../../build-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { defaultConfig } from '../../../config/config-schema.js';
import { RUFF_MAX_BYTES, RUFF_MAX_STRINGS_PER_STATEMENT } from '../../../python/ruff-budget.js';
import { lint } from './lint.js';

const CLEAN = '"""Doc."""\n\n\ndef add(a: int, b: int) -> int:\n    """Add.\n\n    Args:\n        a: A.\n        b: B.\n\n    Returns:\n        int: The sum.\n    """\n    return a + b\n';

testCheck(lint, {
  valid: [
    CLEAN,
    { name: 'docstring codes owned by other checks are skipped', code: 'import os\n\n\ndef run(path: str) -> bool:\n    return os.path.exists(path)\n' },
    { name: 'the brief\'s docstring layout', code: '"""\nModule name and purpose.\n\nExample:\n    x = 1\n"""\n\n\ndef f(a: int) -> int:\n    """\n    Do the thing\n    """\n    return a\n' },
  ],
  invalid: [
    { code: `${CLEAN}\nimport os\n`, findings: [{ line: 16, messageIncludes: 'E402' }, { line: 16, messageIncludes: 'F401' }] },
    { code: '"""Doc."""\n\n\ndef f() -> int:\n    """F."""\n    return undefined_name\n', findings: [{ line: 6, messageIncludes: 'F821 Undefined name `undefined_name`' }] },
    { code: `"""Doc."""\nTEXT = "${'x'.repeat(120)}"\n`, findings: [{ line: 2, messageIncludes: 'E501 Line too long (129 > 100)' }] },
  ],
});

describe('quality/lint severities and line length', () => {
  const run = async (code: string, lineLength = 100) => lint.run(await buildCheckContext({ source: code, config: { ...defaultConfig(), lineLength } }));

  it('reports bugs as errors and style as warnings', async () => {
    const reports = await run('"""Doc."""\n\n\ndef f(items: list = []) -> list:  # noqa: D103\n    """F."""\n    x = 1\n    return items\n');
    expect(reports.map((report) => [report.message.split(' ')[0], report.severity ?? 'warning'])).toEqual([
      ['B006', 'error'],
      ['F841', 'warning'],
    ]);
  });

  it('follows config.lineLength', async () => {
    const code = `"""Doc."""\nTEXT = "${'x'.repeat(70)}"\n`;
    expect(await run(code, 100)).toEqual([]);
    expect((await run(code, 60)).map((report) => report.message)).toEqual(['E501 Line too long (79 > 60)']);
  });
});

describe('quality/lint on modules Ruff is not run on', () => {
  const run = async (code: string) => lint.run(await buildCheckContext({ source: code, python: null }));

  it('says lint was skipped on a module over the size Ruff runs on', async () => {
    const code = `"""Doc."""\n${Array.from({ length: 14_000 }, (_, index) => `X${index} = ${index}\n`).join('')}`;
    expect(code.length).toBeGreaterThan(RUFF_MAX_BYTES);
    const reports = await run(code);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toMatch(/^lint skipped: the module is \d+ KB; Ruff runs on modules up to 128 KB/);
    expect(reports[0]!.severity ?? 'warning').toBe('warning');
  });

  it('says lint was skipped on a statement with more string literals than Ruff handles in linear time', async () => {
    const strings = (count: number) => `"""Doc."""\nNAMES = [${Array.from({ length: count }, (_, index) => `"n${index}"`).join(', ')}]\n`;
    expect((await run(strings(RUFF_MAX_STRINGS_PER_STATEMENT + 1)))[0]?.message).toMatch(/^lint skipped: one statement holds 2501 string literals/);
    // Implicitly concatenated parts count one by one.
    const adjacent = `"""Doc."""\nTEXT = (${'"ab" '.repeat(RUFF_MAX_STRINGS_PER_STATEMENT + 1)})\n`;
    expect((await run(adjacent))[0]?.message).toMatch(/^lint skipped: one statement holds 2501 string literals/);
    // The same strings spread over statements are linted as usual.
    const spread = `"""Doc."""\n${Array.from({ length: RUFF_MAX_STRINGS_PER_STATEMENT + 1 }, (_, index) => `N${index} = "n${index}"\n`).join('')}`;
    expect((await run(spread)).filter((report) => report.message.startsWith('lint skipped'))).toEqual([]);
  }, 30_000);
});
