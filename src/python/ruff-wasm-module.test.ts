import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compiledRuffWasm, loadRuffPackage, type RuffPackage } from './ruff-wasm-module.js';

const SOURCE = 'import os\n\n\ndef f(x):\n    return x == None\n';
const OPTIONS = { 'line-length': 100, 'target-version': 'py310', lint: { select: ['E', 'F'] } };

function codes(ruff: RuffPackage): string[] {
  const workspace = new ruff.Workspace(OPTIONS, ruff.PositionEncoding.Utf16);
  return (workspace.check(SOURCE) as Array<{ code: string | null }>).map((diagnostic) => diagnostic.code ?? 'syntax');
}

describe('loadRuffPackage', () => {
  it('instantiates a module compiled elsewhere, and lints as the package required as it is', async () => {
    const compiled = await compiledRuffWasm();
    expect(compiledRuffWasm()).toBe(compiledRuffWasm());
    const fromCompiled = loadRuffPackage(compiled);
    const required = createRequire(import.meta.url)('@astral-sh/ruff-wasm-nodejs') as RuffPackage;
    expect(fromCompiled).not.toBe(required);
    expect(codes(fromCompiled)).toEqual(['E711', 'F401']);
    expect(codes(fromCompiled)).toEqual(codes(required));
  });

  it('requires the package as it is without a compiled module', () => {
    const required = createRequire(import.meta.url)('@astral-sh/ruff-wasm-nodejs') as RuffPackage;
    expect(loadRuffPackage(null)).toBe(required);
  });
});
