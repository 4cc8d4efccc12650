import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built library runs Ruff in a process of its own (src/python/ruff-process.ts); sources run by
// the test runner lint on their own thread instead, so this runs the built module.
const BUILT = fileURLToPath(new URL('../dist/python/ruff-lint.js', import.meta.url));

describe.runIf(existsSync(BUILT))("Ruff's process (built library)", () => {
  it('lints, answers a crash of Ruff with RuffCrash, and lints again in a fresh process', async () => {
    const { lintPython } = (await import(pathToFileURL(BUILT).href)) as typeof import('../src/python/ruff-lint.js');
    const before = await lintPython('import os\n', 100);
    expect(before.map((diagnostic) => diagnostic.code)).toEqual(['D100', 'F401']);
    // Far deeper than the parse lets through (300 levels): Ruff's parser runs out of stack.
    const deep = `x = ${'('.repeat(20_000)}1${')'.repeat(20_000)}\n`;
    await expect(lintPython(deep, 100)).rejects.toMatchObject({ name: 'RuffCrash' });
    const after = await lintPython('import sys\n', 100);
    expect(after.map((diagnostic) => diagnostic.code)).toEqual(['D100', 'F401']);
  }, 60_000);
});
