import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeHostInterpreter, interpreterMounts } from './host-interpreter.js';
import { resolveSandboxInterpreter } from './resolve-interpreter.js';
import { canSandbox, FIXTURES, fixture, verifySource } from './test-support/runtime-fixtures.js';

describe('interpreterMounts', () => {
  it.each([
    ['a pyenv build under an unreadable home', ['/root/.pyenv/versions/3.11.7', '/root/.pyenv/versions/3.11.7/bin'], ['/root/.pyenv/versions/3.11.7'], []],
    ['a venv on the system Python', ['/opt/venvs/app', '/usr', '/usr/bin'], ['/opt/venvs/app'], []],
    ['the system Python: nothing to add', ['/usr', '/usr', '/usr/bin'], [], []],
    ['a venv inside the project', ['/work/project/.venv', '/usr/local'], ['/work/project/.venv'], []],
    ['a prefix holding the home folder', ['/home', '/usr/bin'], [], ['/home']],
    ['the root folder', ['/'], [], ['/']],
    ['a prefix holding the project', ['/work', '/usr/bin'], [], ['/work']],
  ])('%s', (_name, folders, mounts, refused) => {
    expect(interpreterMounts(folders, '/home/alice', '/work/project')).toEqual({ mounts, refused });
  });
});

// The interpreter the user has (python3 on PATH: a pyenv build under /root here, with pytest)
// runs in the sandbox from its own read-only prefix, so pytest-style tests run under pytest.
const host = await describeHostInterpreter('python3');
const hostHasPytest = host !== null && spawnSync(host.executable, ['-I', '-c', 'import pytest'], { stdio: 'ignore' }).status === 0;
const usable = (await canSandbox()) && hostHasPytest;

describe.skipIf(!usable)('the interpreter on PATH, with pytest', () => {
  it('is used as it is, from its own prefix, not replaced by the system Python', async () => {
    const resolution = await resolveSandboxInterpreter('python3', false, false);
    expect(resolution.ok, resolution.ok ? '' : resolution.reason).toBe(true);
    if (!resolution.ok) return;
    expect(resolution.interpreter).toMatchObject({ executable: host!.executable, version: host!.version, hasPytest: true });
    expect(resolution.interpreter.note).toBeUndefined();
  }, 30_000);

  it('runs a pytest-style test file under pytest', async () => {
    const module = 'tally_service.py';
    const tests = [path.join(FIXTURES.runtime, 'test_tally_pytest_style.py')];
    const report = await verifySource(module, fixture(FIXTURES.runtime, module), { tests, python: 'python3' });
    expect(report.sandbox?.interpreter?.executable).toBe(host!.executable);
    expect(report.sandbox?.tests).toMatchObject({ runner: 'pytest', ran: 2, passed: 2 });
  }, 60_000);
});
