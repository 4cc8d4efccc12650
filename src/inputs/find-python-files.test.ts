import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPythonFiles, searchPythonFiles } from './find-python-files.js';

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'backsmith-find-'));
  const project = path.join(scratch, 'project');
  const elsewhere = path.join(scratch, 'elsewhere');
  mkdirSync(path.join(project, 'sub'), { recursive: true });
  mkdirSync(elsewhere);
  writeFileSync(path.join(project, 'a.py'), 'x = 1\n');
  writeFileSync(path.join(elsewhere, 'shared.py'), 'y = 2\n');
  symlinkSync(path.join(project, 'a.py'), path.join(project, 'b_same_as_a.py'));
  symlinkSync(path.join(elsewhere, 'shared.py'), path.join(project, 'c_linked.py'));
  symlinkSync(path.join(project, 'missing.py'), path.join(project, 'd_broken.py'));
  symlinkSync(elsewhere, path.join(project, 'e_folder.py'));
  // A link back up the tree: never followed, so the walk cannot loop.
  symlinkSync(project, path.join(project, 'sub', 'loop'));
  symlinkSync(path.join(project, 'a.py'), path.join(project, 'test_linked.py'));
  symlinkSync(path.join(project, 'g_cycle.py'), path.join(project, 'f_cycle.py'));
  symlinkSync(path.join(project, 'f_cycle.py'), path.join(project, 'g_cycle.py'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('searchPythonFiles', () => {
  it('follows links to files once each and says what it skipped and why', async () => {
    const project = path.join(scratch, 'project');
    const search = await searchPythonFiles([project]);
    expect(search.files.map((file) => path.relative(project, file))).toEqual(['a.py', 'c_linked.py']);
    expect(search.skipped.map((entry) => `${entry.reason}: ${path.relative(project, entry.path)}`)).toEqual([
      'same file as another entry: b_same_as_a.py', 'broken link: d_broken.py', 'link to a directory: e_folder.py',
      'link cycle: f_cycle.py', 'link cycle: g_cycle.py',
    ]);
    expect(await findPythonFiles([project])).toEqual(search.files);
  });

  it('verifies a file named twice on the command line once (a.py, ./a.py, a link, the folder holding it)', async () => {
    const project = path.join(scratch, 'project');
    const a = path.join(project, 'a.py');
    const search = await searchPythonFiles([a, path.join(project, '.', 'a.py'), path.join(project, 'b_same_as_a.py'), project]);
    expect(search.files).toEqual([a, path.join(project, 'c_linked.py')]);
    expect(search.skipped.filter((entry) => entry.reason === 'same file as another entry').map((entry) => path.relative(project, entry.path))).toEqual(['a.py', 'b_same_as_a.py', 'a.py', 'b_same_as_a.py']);
  });

  it('names a loop of links given on the command line in words', async () => {
    await expect(searchPythonFiles([path.join(scratch, 'project', 'f_cycle.py')])).rejects.toThrow(/^Cannot read .*f_cycle\.py: it is a loop of symbolic links\.$/);
  });

  it('names the skipped entries when nothing is left to verify', async () => {
    const only = path.join(scratch, 'only-broken');
    mkdirSync(only);
    symlinkSync(path.join(only, 'gone.py'), path.join(only, 'gone_link.py'));
    await expect(searchPythonFiles([only])).rejects.toThrow(/No Python modules .* found in directory .*only-broken \(skipped broken link gone_link\.py\)\./);
  });
});
