import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BacksmithError } from '../errors.js';
import { confinePath, realPathOfNearest, type Workspace } from './workspace-roots.js';

let base: string;
let workspace: Workspace;

beforeAll(async () => {
  base = await realpath(await mkdtemp(path.join(tmpdir(), 'backsmith-roots-')));
  const project = path.join(base, 'project');
  await mkdir(path.join(project, 'src'), { recursive: true });
  await mkdir(path.join(base, 'elsewhere'));
  await mkdir(path.join(base, 'second'));
  await writeFile(path.join(project, 'src', 'service.py'), 'x = 1\n');
  await writeFile(path.join(base, 'elsewhere', 'secret.py'), 'x = 2\n');
  await symlink(path.join(base, 'elsewhere'), path.join(project, 'escape'));
  await symlink(path.join(base, 'elsewhere', 'secret.py'), path.join(project, 'src', 'linked.py'));
  await symlink(path.join(project, 'src'), path.join(project, 'inside-link'));
  // A sibling whose name starts like the root's must not count as inside it.
  await mkdir(path.join(base, 'project-other'));
  workspace = { roots: [project, path.join(base, 'second')] };
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('confinePath', () => {
  const inside: Array<[string, string]> = [
    ['src/service.py', 'project/src/service.py'],
    ['./src/../src/service.py', 'project/src/service.py'],
    ['inside-link/service.py', 'project/src/service.py'],
    ['not/yet/made/out', 'project/not/yet/made/out'],
    ['.', 'project'],
  ];
  it.each(inside)('accepts %s', async (given, expected) => {
    expect(await confinePath(workspace, given, 'Path')).toBe(path.join(base, expected));
  });

  it('accepts absolute paths in any root', async () => {
    expect(await confinePath(workspace, path.join(base, 'second', 'x.py'), 'Path')).toBe(path.join(base, 'second', 'x.py'));
  });

  const outside = ['../elsewhere/secret.py', 'escape/secret.py', 'escape/new/dir', 'src/linked.py', '../project-other', '/etc/passwd', '..'];
  it.each(outside)('refuses %s with a one-line message', async (given) => {
    const refusal = confinePath(workspace, given, 'Module path');
    await expect(refusal).rejects.toBeInstanceOf(BacksmithError);
    await expect(refusal).rejects.toThrow(/^Module path .* is outside the workspace \([^\n]*\): backsmith only reads and writes inside the roots the MCP client declares\.$/);
  });

  it('refuses a path with a NUL byte', async () => {
    await expect(confinePath(workspace, 'src/a\0.py', 'Path')).rejects.toThrow(/is not a valid path/);
  });
});

describe('realPathOfNearest', () => {
  it('resolves links in the existing part and keeps the missing tail', async () => {
    expect(await realPathOfNearest(path.join(base, 'project', 'escape', 'a', 'b.py'))).toBe(path.join(base, 'elsewhere', 'a', 'b.py'));
  });
});
