import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePythonCommand } from './resolve-python-command.js';

let base = '';
const root = () => path.join(base, 'pyenv');
const shim = (name: string) => path.join(root(), 'shims', name);
const installed = (version: string, name = 'python3') => path.join(root(), 'versions', version, 'bin', name);

function write(file: string, content: string, mode = 0o644): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  chmodSync(file, mode);
}

// Laid out like a pyenv root: shims as pyenv writes them, two installed versions, a global version.
beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'backsmith-pyenv-'));
  for (const name of ['python3', 'python']) {
    write(shim(name), `#!/usr/bin/env bash\nset -e\nprogram="\${0##*/}"\nexport PYENV_ROOT="${root()}"\nexec "${root()}/libexec/pyenv" exec "$program" "$@"\n`, 0o755);
  }
  write(installed('3.11.7'), '#!/bin/sh\n', 0o755);
  write(installed('3.12.1'), '#!/bin/sh\n', 0o755);
  write(installed('3.12.1', 'python'), '#!/bin/sh\n', 0o755);
  write(path.join(root(), 'versions', '3.13.0', 'bin', 'python3'), 'not executable\n');
  write(path.join(root(), 'version'), '3.11.7\n');
  write(path.join(base, 'project', '.python-version'), '# pinned for the project\n3.12.1\n');
  mkdirSync(path.join(base, 'project', 'src', 'deep'), { recursive: true });
  write(path.join(base, 'multi', '.python-version'), '3.12.1\n3.11.7\n');
  write(path.join(base, 'system', '.python-version'), 'system\n');
  write(path.join(base, 'missing', '.python-version'), '3.9.1\n');
  write(path.join(base, 'broken', '.python-version'), '3.13.0\n');
  write(path.join(base, 'escape', '.python-version'), '../../bin\n');
  write(path.join(base, 'plain', 'bin', 'python3'), '#!/bin/sh\n', 0o755);
  write(path.join(base, 'fake', 'shims', 'python3'), '#!/bin/sh\nexec /usr/bin/python3 "$@"\n', 0o755);
  mkdirSync(path.join(base, 'elsewhere'), { recursive: true });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolvePythonCommand', () => {
  // [case, command, working folder (under the temp folder), extra environment, expected (a function of the layout)]
  const cases: Array<[string, string, string, Record<string, string>, () => string]> = [
    ['the global version file', 'python3', 'elsewhere', {}, () => installed('3.11.7')],
    ['the shim named by its path', 'SHIM', 'elsewhere', {}, () => installed('3.11.7')],
    ['.python-version in the working folder', 'python3', 'project', {}, () => installed('3.12.1')],
    ['.python-version in a parent, comments skipped', 'python3', 'project/src/deep', {}, () => installed('3.12.1')],
    ['PYENV_VERSION before any file', 'python3', 'project', { PYENV_VERSION: '3.11.7' }, () => installed('3.11.7')],
    ['another command of the same version', 'python', 'project', {}, () => installed('3.12.1', 'python')],
    ['several versions: the shim decides', 'python3', 'multi', {}, () => 'python3'],
    ['several versions in PYENV_VERSION', 'python3', 'elsewhere', { PYENV_VERSION: '3.12.1:3.11.7' }, () => 'python3'],
    ['system', 'python3', 'system', {}, () => 'python3'],
    ['a version not installed', 'python3', 'missing', {}, () => 'python3'],
    ['an installed version without an executable', 'python3', 'broken', {}, () => 'python3'],
    ['a version that is a path', 'python3', 'escape', {}, () => 'python3'],
    ['a command that version lacks', 'python', 'elsewhere', {}, () => 'python'],
    ['PYENV_DIR set', 'python3', 'project', { PYENV_DIR: '/' }, () => 'python3'],
    ['not a shim: first on PATH', 'python3', 'elsewhere', { PATH: 'PLAIN' }, () => 'python3'],
    ['a script in a folder named shims that is no pyenv shim', 'python3', 'elsewhere', { PATH: 'FAKE' }, () => 'python3'],
    ['not on PATH at all', 'python3.99', 'elsewhere', {}, () => 'python3.99'],
  ];

  it.each(cases)('%s', (_case, command, folder, extra, expected) => {
    const env: NodeJS.ProcessEnv = { PATH: path.join(root(), 'shims'), HOME: base };
    for (const [key, value] of Object.entries(extra)) {
      env[key] = value.replace('PLAIN', path.join(base, 'plain', 'bin')).replace('FAKE', path.join(base, 'fake', 'shims'));
    }
    if (extra.PATH) env.PATH = `${env.PATH}${path.delimiter}${path.join(root(), 'shims')}`;
    const given = command === 'SHIM' ? shim('python3') : command;
    expect(resolvePythonCommand(given, { env, cwd: path.join(base, folder) })).toBe(expected());
  });
});
