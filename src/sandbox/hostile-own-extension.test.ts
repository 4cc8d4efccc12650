import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runAcceptanceTests } from './run-tests.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { canSandbox, FIXTURES, fixture } from './test-support/runtime-fixtures.js';
import { outcomesByName } from './test-support/run-hostile-tests.js';

// test-fixtures/hostile/load_own_extension.py: ctypes and cffi were refused, but a shared object the module wrote
// into its own folder (data.bin, not a planted name) loaded through importlib's ExtensionFileLoader (its import
// event names the file, which was judged by its name only) or SQLite's load_extension (its events were not
// watched): the loader ran its constructor, native code past the audit hook, and both tests passed unreported.
const usable = await canSandbox();
const compiler = spawnSync('cc', ['--version']).status === 0;

function sharedObject(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'backsmith-own-extension-'));
  try {
    const output = path.join(folder, 'own.so');
    const built = spawnSync('cc', ['-shared', '-fPIC', '-Os', '-s', '-o', output, path.join(FIXTURES.hostile, 'own_extension.c')], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    return readFileSync(output).toString('base64');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function runWith(allowNativeCode: boolean): Promise<Awaited<ReturnType<typeof runAcceptanceTests>>> {
  const module = fixture(FIXTURES.hostile, 'load_own_extension.py').replace('@EXTENSION@', sharedObject());
  const ran = await runAcceptanceTests({
    interpreter: SYSTEM_PYTHON,
    module: { name: 'load_own_extension.py', content: module },
    testFiles: [{ name: 'test_load_own_extension.py', content: fixture(FIXTURES.hostile, 'test_load_own_extension.py') }],
    testSeconds: 5, limits: DEFAULT_SANDBOX_LIMITS, allowUnsandboxed: false, ...(allowNativeCode ? { allowNativeCode } : {}),
  });
  expect(ran.run.leftoverProcesses).toBe(0);
  return ran;
}

describe.skipIf(!usable || !compiler)('native code the module wrote itself', () => {
  it('is refused and reported, through the extension loader and through SQLite', async () => {
    const { result } = await runWith(false);
    const byName = outcomesByName(result);
    expect(byName.test_load_own).toBe('passed: ');
    expect(result.outputChars).toBe(0); // "native code ran" never printed
    const seen = result.blocked.map((action) => `${action.symbol} ${action.kind} ${action.auditEvent}`);
    expect(seen).toContain('Native.load_own native import');
    expect(seen).toContain('Native.sqlite_extension native sqlite3.enable_load_extension');
  });

  it('cannot run where the hook does not refuse it either: the tmpfs of the view is mounted noexec', async () => {
    // allowNativeCode leaves extension imports unjudged (the kernel's walls are tested that way): dlopen fails.
    const { result } = await runWith(true);
    expect(result.outputChars).toBe(0);
  });
});
