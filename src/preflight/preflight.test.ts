import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDesign } from '../inputs/design/index.js';
import { outDirProblem } from './out-dir-problem.js';
import { preflightGeneration } from './preflight-generation.js';
import { testImportsProblem } from './test-imports-problem.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'backsmith-preflight-'));
});
afterEach(async () => {
  await chmod(directory, 0o700).catch(() => undefined);
  await rm(directory, { recursive: true, force: true });
});

describe('outDirProblem', () => {
  it('accepts an existing folder and one still to be created, leaving nothing behind', async () => {
    expect(await outDirProblem(directory)).toBeNull();
    expect(await outDirProblem(path.join(directory, 'src', 'engineering'))).toBeNull();
    expect(await readdir(directory)).toEqual([]);
  });

  it('refuses a file in the folder\'s place, or as one of its parents', async () => {
    await writeFile(path.join(directory, 'out'), '');
    expect(await outDirProblem(path.join(directory, 'out'))).toMatch(/--out-dir .*out is a file, not a folder/);
    expect(await outDirProblem(path.join(directory, 'out', 'engineering'))).toMatch(/cannot be created: .*out is a file, not a folder/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder without write permission', async () => {
    const locked = path.join(directory, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o555);
    expect(await outDirProblem(locked)).toMatch(/is not writable: cannot create files in it: permission denied/);
    expect(await outDirProblem(path.join(locked, 'deeper'))).toMatch(/is not writable: cannot create files in .*locked, where it would be created/);
  });

  // sysfs refuses new files even to root, as a read-only mount would.
  it.skipIf(!existsSync('/sys/kernel'))('refuses a place where no file can be created, even as root', async () => {
    expect(await outDirProblem('/sys/backsmith-out')).toMatch(/^--out-dir \/sys\/backsmith-out is not writable: cannot create files in \/sys, where it would be created: /);
  });
});

const test = (name: string, text: string) => ({ path: path.join(directory, name), text });
const problem = (tests: Array<{ path: string; text: string }>, dependencies: string[] = []) =>
  testImportsProblem({ moduleName: 'library_lending_service', nameSource: 'the design', tests, dependencies });

describe('testImportsProblem (tree-sitter, not regexes)', () => {
  it.each([
    ['imports the deliverable', 'from library_lending_service import LendingDesk\n'],
    ['imports the deliverable as a module', 'import library_lending_service as desk\n'],
    ['imports only the standard library and test tools', 'import unittest\nimport pytest\nfrom datetime import date\n'],
    ['imports a declared dependency and a sibling helper', 'import pydantic\nfrom test_helpers import make_book\n'],
    ['imports another module only for type checking', 'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from library_service import Desk\n'],
    ['mentions another module only in a string', 'NOTE = "from library_service import Desk"\n'],
    ['imports relatively', 'from .library_service import Desk\n'],
  ])('no problem when the tests %s', async (_, text) => {
    expect(await problem([test('test_lending.py', text), test('test_helpers.py', 'X = 1\n')], ['pydantic'])).toBeNull();
  });

  it('names the module the tests expect, the file and line, and what to do', async () => {
    const message = await problem([test('test_lending.py', '"""Lending tests."""\nimport unittest\n\nfrom library_service import LendingDesk\n')]);
    expect(message).toMatch(/^test_lending\.py line 4 imports `library_service`, but the deliverable is library_lending_service\.py \(named by the design\)/);
    expect(message).toMatch(/ModuleNotFoundError/);
    expect(message).toMatch(/--feature\/--module so the file is library_service\.py/);
    expect(message).not.toContain('\n');
  });

  it('one import of the deliverable anywhere is enough', async () => {
    expect(await problem([test('test_a.py', 'import requests\n'), test('test_b.py', 'from library_lending_service import LendingDesk\n')])).toBeNull();
  });
});

describe('preflightGeneration', () => {
  const design = readDesign('# Library lending — technical design\n\nDeliverable: `library_lending_service.py`\n\n## Class `LendingDesk`\n', { sourceName: 'design.md' });

  it('refuses --feature/--module that contradict the file name the design states', async () => {
    const spec = await design;
    expect(spec.deliverable).toBe('library_lending_service.py');
    await expect(preflightGeneration({
      outDir: directory, deliverable: { fileName: 'library_desk.py', nameSource: '--feature/--module (flags)' }, namedByFlags: true, design: spec, tests: [], allowedImports: [],
    })).rejects.toThrow(/^Preflight: --feature\/--module name the deliverable library_desk\.py, but the design states library_lending_service\.py/);
    await expect(preflightGeneration({
      outDir: directory, deliverable: { fileName: 'library_lending_service.py', nameSource: 'the design' }, namedByFlags: false, design: spec, tests: [], allowedImports: [],
    })).resolves.toBeUndefined();
  });

  it('checks the out-dir first', async () => {
    await writeFile(path.join(directory, 'out'), '');
    await expect(preflightGeneration({
      outDir: path.join(directory, 'out'), deliverable: { fileName: 'library_lending_service.py', nameSource: 'the design' }, namedByFlags: false, design: await design, tests: [], allowedImports: [],
    })).rejects.toThrow(/is a file, not a folder/);
  });
});
