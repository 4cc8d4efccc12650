import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';

// The audit hook alone (python/sandbox_guard.py, on the host, no namespaces): writes outside
// the allowed folder through dir_fd, sqlite3, links, /proc/self/fd and shutil are blocked, and
// nothing a module can reach switches the hook off.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe.skipIf(!existsSync(SYSTEM_PYTHON))('the audit hook', () => {
  it('blocks every outside write it sees, and cannot be switched off from module code', () => {
    const inside = mkdtempSync(path.join(os.tmpdir(), 'backsmith-guard-inside-'));
    const outside = mkdtempSync(path.join(os.tmpdir(), 'backsmith-guard-outside-'));
    try {
      writeFileSync(path.join(outside, 'existing'), 'host data');
      const run = spawnSync(SYSTEM_PYTHON, ['-I', '-B', path.join(ROOT, 'test-fixtures/hostile/evade_audit_hook.py'), path.join(ROOT, 'python'), inside, outside], { encoding: 'utf8', timeout: 20_000 });
      const results = JSON.parse(/^RESULTS (.*)$/m.exec(run.stdout)?.[1] ?? 'null') as Record<string, unknown> | null;
      expect(results, run.stderr).not.toBeNull();
      const { 'policy reads no globals': noGlobals, 'files outside': files, 'a relative write with no folder open outside': relative, ...attempts } = results!;
      expect(noGlobals).toBe('yes');
      expect(relative).toBe('allowed');
      expect(Object.entries(attempts).filter(([, outcome]) => outcome !== 'blocked')).toEqual([]);
      expect(Object.keys(attempts)).toHaveLength(13);
      expect(files).toEqual(['existing']);
    } finally {
      rmSync(inside, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses native code (ctypes) to a module server: reported for the module and the standard library, as native-package for a package', () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'backsmith-guard-native-'));
    try {
      const run = spawnSync(SYSTEM_PYTHON, ['-I', '-B', path.join(ROOT, 'test-fixtures/hostile/native_imports_check.py'), path.join(ROOT, 'python'), scratch], { encoding: 'utf8', timeout: 20_000 });
      const results = JSON.parse(/^RESULTS (.*)$/m.exec(run.stdout)?.[1] ?? 'null') as Record<string, unknown> | null;
      expect(results, run.stderr).toMatchObject({
        'ctypes loaded before': false, "a package's try-import loaded it": false, "the module's import loaded it": false,
        "importlib.import_module('_ctypes')": 'ModuleNotFoundError',
      });
      // A package's own try-import is reported too (kind native-package, a warning): the stack that says so can be forged.
      expect(results!.reported).toEqual(['native-package import ctypes ', 'native import ctypes <import>', expect.stringMatching(/^native import _ctypes \(.*_ctypes\..*\) $/)]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
