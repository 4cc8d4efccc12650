import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RUFF_EAGER_BYTES } from '../python/ruff-budget.js';
import { earlyLintSource, leadingPaths, onlyLargeModules } from './early-lint-source.js';

const folder = mkdtempSync(path.join(tmpdir(), 'backsmith-early-lint-'));
const module = path.join(folder, 'm.py');
writeFileSync(module, 'x = 1\n');
mkdirSync(path.join(folder, 'pkg.py'));
writeFileSync(path.join(folder, 'big.py'), Buffer.alloc(1_048_577, 0x20));
writeFileSync(path.join(folder, 'eager.py'), Buffer.alloc(RUFF_EAGER_BYTES, 0x20));
writeFileSync(path.join(folder, 'over-eager.py'), Buffer.alloc(RUFF_EAGER_BYTES + 1, 0x20));
writeFileSync(path.join(folder, 'bom.py'), '\uFEFFy = 2\n');
writeFileSync(path.join(folder, 'latin1.py'), Buffer.from([0x78, 0x3d, 0xe9, 0x0a]));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('earlyLintSource', () => {
  it.each([
    ['the first path of verify', ['verify', module, '--no-run'], 'x = 1\n'],
    ['another command', ['generate', module], null],
    ['an option first', ['verify', '--json', module], null],
    ['no path', ['verify'], null],
    ['not a .py path', ['verify', folder], null],
    ['a missing file', ['verify', path.join(folder, 'missing.py')], null],
    ['a folder named .py', ['verify', path.join(folder, 'pkg.py')], null],
    ['a file over 1 MB', ['verify', path.join(folder, 'big.py')], null],
    ['a file of as many bytes as Ruff lints before the parse', ['verify', path.join(folder, 'eager.py')], ' '.repeat(RUFF_EAGER_BYTES)],
    ['a file larger than Ruff lints before the parse has weighed it', ['verify', path.join(folder, 'over-eager.py')], null],
    ['a BOM, dropped as verify drops it', ['verify', path.join(folder, 'bom.py')], 'y = 2\n'],
    ['bytes that are not UTF-8', ['verify', path.join(folder, 'latin1.py')], null],
  ])('%s', (_case, args, expected) => {
    expect(earlyLintSource(args)).toBe(expected);
  });
});

describe('onlyLargeModules and leadingPaths', () => {
  it.each([
    ['one module over the size Ruff lints before the parse', ['over-eager.py'], true],
    ['two such modules', ['over-eager.py', 'big.py'], true],
    ['one of them small', ['over-eager.py', 'm.py'], false],
    ['a module at the size', ['eager.py'], false],
    ['a folder', ['.'], false],
    ['a missing file', ['missing.py'], false],
    ['a file used as a folder', ['m.py/inner.py'], false],
    ['nothing', [], false],
  ])('%s', (_case, names, expected) => {
    expect(onlyLargeModules(names.map((name) => path.join(folder, name)))).toBe(expected);
  });

  it('takes the paths before the first option of verify only', () => {
    expect(leadingPaths(['verify', 'a.py', 'b.py', '--no-run', 'c.py'])).toEqual(['a.py', 'b.py']);
    expect(leadingPaths(['generate', 'a.py'])).toEqual([]);
  });
});
