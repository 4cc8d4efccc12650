import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';

// python/runner_choice.py: plain unittest files run under unittest (half a second cheaper than
// pytest on the clinic example); anything pytest alone understands keeps pytest.
const HELPERS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../python');

function needsPytest(source: string): boolean {
  const script = 'import sys, runner_choice; print(runner_choice.file_needs_pytest(sys.stdin.read()))';
  const run = spawnSync(SYSTEM_PYTHON, ['-I', '-c', `import sys; sys.path.insert(0, ${JSON.stringify(HELPERS)}); ${script}`], { input: source, encoding: 'utf8', timeout: 10_000 });
  return run.stdout.trim() === 'True';
}

describe.skipIf(!existsSync(SYSTEM_PYTHON))('runner choice', () => {
  it.each([
    ['TestCase classes only', 'import unittest\nfrom mod import X\n\n\nclass Base(unittest.TestCase):\n    pass\n\n\nclass TestMore(Base):\n    def test_a(self):\n        pass\n', false],
    ['IsolatedAsyncioTestCase imported by name', 'from unittest import IsolatedAsyncioTestCase\n\n\nclass TestA(IsolatedAsyncioTestCase):\n    async def test_a(self):\n        pass\n', false],
    ['helper classes and functions not named test', 'import unittest\n\n\nclass Clock:\n    pass\n\n\ndef make():\n    return 1\n\n\nclass Cases(unittest.TestCase):\n    def test_a(self):\n        pass\n', false],
    ['import pytest (fixtures, marks, raises)', 'import unittest\nimport pytest\n\n\nclass Cases(unittest.TestCase):\n    def test_a(self):\n        with pytest.raises(ValueError):\n            int("x")\n', true],
    ['from pytest import ... inside a function', 'import unittest\n\n\nclass Cases(unittest.TestCase):\n    def test_a(self):\n        from pytest import approx\n', true],
    ['a module-level test function', 'def test_a():\n    assert 1\n', true],
    ['a Test class that is not a TestCase', 'class TestPlain:\n    def test_a(self):\n        assert 1\n', true],
    ['a Test class over a plain mixin', 'class Mixin:\n    pass\n\n\nclass TestMixed(Mixin):\n    def test_a(self):\n        assert 1\n', true],
    ['not valid Python (the runner reports it)', 'def broken(:\n', true],
  ])('%s', (_name, source, expected) => {
    expect(needsPytest(source)).toBe(expected);
  });
});
