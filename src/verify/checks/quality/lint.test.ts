import { describe, expect, it } from 'vitest';
import { buildCheckContext } from '../../build-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { defaultConfig } from '../../../config/config-schema.js';
import { RUFF_EAGER_BYTES, RUFF_MAX_STRINGS_PER_STATEMENT } from '../../../python/ruff-budget.js';
import { lint } from './lint.js';

const CLEAN = '"""Doc."""\n\n\ndef add(a: int, b: int) -> int:\n    """Add.\n\n    Args:\n        a: A.\n        b: B.\n\n    Returns:\n        int: The sum.\n    """\n    return a + b\n';

testCheck(lint, {
  valid: [
    CLEAN,
    { name: 'docstring codes owned by other checks are skipped', code: 'import os\n\n\ndef run(path: str) -> bool:\n    return os.path.exists(path)\n' },
    { name: 'the brief\'s docstring layout', code: '"""\nModule name and purpose.\n\nExample:\n    x = 1\n"""\n\n\ndef f(a: int) -> int:\n    """\n    Do the thing\n    """\n    return a\n' },
    { name: 'NumPy-style sections (a dashed underline, no colon)', code: '"""Doc.\n\nExample\n-------\n>>> add(1, 2)\n3\n"""\n\n\ndef add(a: int, b: int) -> int:\n    """Add.\n\n    Parameters\n    ----------\n    a : int\n        A.\n    b : int\n        B.\n\n    Returns\n    -------\n    int\n        The sum.\n    """\n    return a + b\n' },
  ],
  invalid: [
    { name: 'a Google header without its colon is still reported', code: '"""Doc."""\n\n\ndef add(a: int, b: int) -> int:\n    """Add.\n\n    Args:\n        a: A.\n        b: B.\n\n    Returns\n        int: The sum.\n    """\n    return a + b\n', findings: [{ line: 11, messageIncludes: 'D416' }] },
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

  const MUTABLE_DEFAULT = '\n\ndef remember(item: int, seen: list[int] = []) -> list[int]:\n    """Remember.\n\n    Args:\n        item: I.\n        seen: S.\n\n    Returns:\n        list[int]: All.\n    """\n    seen.append(item)\n    return seen\n';

  it('fails a module with more code than Ruff runs on: an error, not a silent pass', async () => {
    const code = `"""Doc."""\n${Array.from({ length: 14_000 }, (_, index) => `X${index} = ${index}\n`).join('')}`;
    expect(code.length).toBeGreaterThan(RUFF_EAGER_BYTES);
    const reports = await run(code);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toMatch(/^lint skipped: the module holds 1\d\d KB of code besides its comments and strings; Ruff runs on up to 128 KB of code/);
    expect(reports[0]!.message).toContain('so the module cannot pass');
    expect(reports[0]!.severity).toBe('error');
  });

  it('lints a module padded past that size with a long comment, docstring or string', async () => {
    const paddings = [
      `# ${'x'.repeat(RUFF_EAGER_BYTES + 5_000)}\n`,
      `"""Doc.\n\n${'word '.repeat(RUFF_EAGER_BYTES / 4)}\n"""\n`,
      `PAD = "${'ab'.repeat(RUFF_EAGER_BYTES / 2 + 100)}"  # noqa: E501\n`,
      `${'# A comment line of a usual length, saying what the next part does.\n'.repeat(2_000)}`,
    ];
    for (const padding of paddings) {
      const code = `${padding}${MUTABLE_DEFAULT}`;
      expect(code.length).toBeGreaterThan(RUFF_EAGER_BYTES);
      const found = (await run(code)).map((report) => [report.message.split(' ')[0], report.severity ?? 'warning']);
      expect(found).toContainEqual(['B006', 'error']);
      expect(found.filter(([code]) => code === 'lint')).toEqual([]);
    }
  }, 30_000);

  it('fails a module whose comments and strings hold more lint work than Ruff runs on', async () => {
    // Trailing whitespace on a line of a docstring is a diagnostic for every two bytes.
    const code = `"""Doc.\n${' \n'.repeat(RUFF_EAGER_BYTES / 2)}"""\n${MUTABLE_DEFAULT}`;
    const reports = await run(code);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toMatch(/^lint skipped: its 0\.\d KB of code with 65,54\d lines of comments and strings are as much lint work as \d+ KB of code; Ruff runs on up to 128 KB of code/);
    expect(reports[0]!.severity).toBe('error');
  });
  it('says lint was skipped on a statement with more string literals than Ruff handles in linear time', async () => {
    const strings = (count: number) => `"""Doc."""\nNAMES = [${Array.from({ length: count }, (_, index) => `"n${index}"`).join(', ')}]\n`;
    const [skipped] = await run(strings(RUFF_MAX_STRINGS_PER_STATEMENT + 1));
    expect(skipped?.message).toMatch(/^lint skipped: one statement holds 2501 string literals/);
    expect(skipped?.severity).toBe('error');
    // Implicitly concatenated parts count one by one.
    const adjacent = `"""Doc."""\nTEXT = (${'"ab" '.repeat(RUFF_MAX_STRINGS_PER_STATEMENT + 1)})\n`;
    expect((await run(adjacent))[0]?.message).toMatch(/^lint skipped: one statement holds 2501 string literals/);
    // The same strings spread over statements are linted as usual.
    const spread = `"""Doc."""\n${Array.from({ length: RUFF_MAX_STRINGS_PER_STATEMENT + 1 }, (_, index) => `N${index} = "n${index}"\n`).join('')}`;
    expect((await run(spread)).filter((report) => report.message.startsWith('lint skipped'))).toEqual([]);
  }, 30_000);
});
