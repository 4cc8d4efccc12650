import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReportTargets } from './check-report-targets.js';
import { runCliInMemory } from './test-support/run-cli-in-memory.js';

const MODULE = '"""Tiny service."""\n\n\ndef greet(name: str) -> str:\n    """Greets.\n\n    Example:\n        >>> greet("a")\n        \'hi a\'\n    """\n    return f"hi {name}"\n';

describe('report targets of verify (--sarif, --html)', () => {
  let dir = '';
  const at = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'backsmith-targets-'));
    await writeFile(at('greet.py'), MODULE);
    await writeFile(at('design.md'), '# Design\n');
    await writeFile(at('blocker'), 'a file where a folder should be');
    await mkdir(at('reports.d'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it.each([
    ['the module being verified', () => [{ option: '--html', file: at('greet.py') }], /^--html .*greet\.py is one of the files being verified or read: writing the report there would replace it/],
    ['a document read', () => [{ option: '--sarif', file: at('design.md') }], /^--sarif .*design\.md is one of the files being verified or read/],
    ['a Python file', () => [{ option: '--html', file: at('other.py') }], /^--html .*other\.py names a Python file/],
    ['a folder', () => [{ option: '--sarif', file: at('reports.d') }], /^--sarif .*reports\.d is a folder: give a file name, e.g\. .*reports\.d\/backsmith\.sarif\.$/],
    ['one file for both', () => [{ option: '--sarif', file: at('out') }, { option: '--html', file: at('out') }], /^--html and --sarif both name .*out: give each report its own file\.$/],
    ['a file where a folder should be', () => [{ option: '--html', file: at('blocker/deep/r.html') }], /^--html .*blocker\/deep\/r\.html cannot be written: .*blocker is a file, not a folder\.$/],
  ])('refuses %s', async (_name, targets, message) => {
    await expect(checkReportTargets(targets(), [at('greet.py'), at('design.md'), dir])).rejects.toThrow(message);
  });

  it('accepts a new file in a folder that does not exist yet, and creates nothing while checking', async () => {
    await checkReportTargets([{ option: '--html', file: at('new/sub/report.html') }, { option: '--sarif', file: at('r.sarif') }], [at('greet.py')]);
    expect((await readdir(dir)).sort()).toEqual(['blocker', 'design.md', 'greet.py', 'reports.d']);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder it cannot create files in', async () => {
    await mkdir(at('locked'));
    await chmod(at('locked'), 0o500);
    try {
      await expect(checkReportTargets([{ option: '--sarif', file: at('locked/r.sarif') }], [])).rejects.toThrow(/cannot create files in .*locked: permission denied \(EACCES\)\.$/);
    } finally {
      await chmod(at('locked'), 0o700);
    }
  });

  it('verify --html on the module itself exits 2 before verifying, and the module is untouched', async () => {
    const run = await runCliInMemory(['verify', at('greet.py'), '--no-run', '--no-types', '--html', at('greet.py')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^backsmith: --html .*greet\.py is one of the files being verified or read/);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.out).toBe('');
    expect(await readFile(at('greet.py'), 'utf8')).toBe(MODULE);
  });

  it('verify writes the reports into folders it creates', async () => {
    const run = await runCliInMemory(['verify', at('greet.py'), '--no-run', '--no-types', '--sarif', at('out/a/r.sarif'), '--html', at('out/b/r.html')]);
    expect(run.err).toBe('');
    expect(JSON.parse(await readFile(at('out/a/r.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(await readFile(at('out/b/r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});
