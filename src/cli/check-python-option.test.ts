import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPythonOption } from './check-python-option.js';
import { runCliInMemory } from './test-support/run-cli-in-memory.js';

describe('checkPythonOption', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'backsmith-python-option-'));
    await writeFile(path.join(dir, 'plain.txt'), 'not a program');
    await writeFile(path.join(dir, 'fakepython'), '#!/bin/sh\n');
    await chmod(path.join(dir, 'fakepython'), 0o755);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it.each([
    ['a missing path', () => path.join(dir, 'nothere', 'python3'), /^--python .*nothere\/python3: no such file\. Give an interpreter/],
    ['a file that is not executable', () => path.join(dir, 'plain.txt'), /^--python .*plain\.txt is not an executable file\./],
    ['a folder', () => dir, /is not an executable file/],
    ['a name not on PATH', () => 'python3-no-such-version', /^--python python3-no-such-version is not on PATH\. Give its full path/],
    ['an empty value', () => ' ', /^--python is empty/],
  ])('refuses %s', (_name, value, message) => {
    expect(() => checkPythonOption(value(), { PATH: dir })).toThrow(message);
  });

  it('accepts no option, an executable path and a name on PATH', () => {
    expect(() => checkPythonOption(undefined, { PATH: '' })).not.toThrow();
    expect(() => checkPythonOption(path.join(dir, 'fakepython'), { PATH: '' })).not.toThrow();
    expect(() => checkPythonOption('fakepython', { PATH: `/nonexistent${path.delimiter}${dir}` })).not.toThrow();
  });

  it('verify --python with a mistyped path exits 2 in one line before verifying', async () => {
    const run = await runCliInMemory(['verify', path.join(dir, 'x.py'), '--no-run', '--python', path.join(dir, 'pyhton3')]);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toMatch(/^backsmith: --python .*pyhton3: no such file\. [^\n]*\n$/);
  });
});
