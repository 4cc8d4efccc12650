import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonHelperPath } from '../python/package-paths.js';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { FIXTURES } from './test-support/runtime-fixtures.js';

// Which test files the trusted runner sends in-process (they patch the module or need its real
// objects), read with Python's own parser; every other file goes through the proxy.
const reasons: Record<string, string | null> = existsSync(SYSTEM_PYTHON)
  ? JSON.parse(execFileSync(SYSTEM_PYTHON, ['-I', '-B', path.join(FIXTURES.runtime, 'test_isolation_check.py'), path.dirname(pythonHelperPath('test_isolation.py'))], { encoding: 'utf8', timeout: 30_000 }))
  : {};

describe.skipIf(!existsSync(SYSTEM_PYTHON))('in-process decision for a test file', () => {
  it.each([
    ['patch-string', "line 4: mock.patch('shop.now') patches the module"],
    ['patch-object', 'line 5: patch.object(Cart, ...) patches the module'],
    ['monkeypatch', 'line 4: monkeypatch.setattr(shop, ...) patches the module'],
    ['assign-attribute', 'line 4: it assigns s.LIMIT'],
    ['subclass', "line 3: class FakeCart subclasses the module's Cart"],
    ['asdict', "line 5: dataclasses.asdict() needs the module's real objects"],
    ['signature', "line 6: inspect.signature() needs the module's real objects"],
  ])('%s runs in-process: %s', (name, reason) => {
    expect(reasons[name]).toBe(reason);
  });

  // copy.deepcopy of a handle copies it in the module's process; helpers on literals need nothing of the module.
  it.each(['plain', 'other-module-patch', 'local-assignment', 'syntax-error', 'deepcopy', 'literal-helper'])('%s goes through the proxy', (name) => {
    expect(reasons[name]).toBeNull();
  });
});
