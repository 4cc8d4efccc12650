import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonHelperPath } from '../python/package-paths.js';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';

// The trusted runner's guards, asked directly (real interpreter): which names `from module import *`
// must leave to the test file, which objects of the tests are refused to the module's callbacks.
const SCRIPT = String.raw`
import io, json, socket, sqlite3, sys, tempfile, threading
sys.path.insert(0, sys.argv[1])
import test_guards
sources = json.loads(sys.argv[2])
kept = {name: sorted(test_guards.kept_names(source, "mod")) for name, source in sources.items()}
objects = {"sqlite3 connection": sqlite3.connect(":memory:"), "socket": socket.socket(), "file": open("/dev/null"),
           "StringIO": io.StringIO(), "lock": threading.Lock(), "event": threading.Event(), "temporary file": tempfile.TemporaryFile()}
refused = {name: test_guards.machinery(value) for name, value in objects.items()}
print(json.dumps({"kept": kept, "refused": refused}))
`;

const SOURCES = {
  star: 'from unittest import *\nfrom mod import *\n',
  own: 'from datetime import date\nimport json as j\n\ndef helper():\n    pass\n\nLIMIT = 3\nfrom mod import *\n',
  fromModule: 'from mod import Library, date\nfrom mod import *\n',
  fallback: 'try:\n    from mod import *\nexcept ImportError:\n    Library = None\nelse:\n    READY = True\n',
};

const usable = existsSync(SYSTEM_PYTHON);
const results = usable
  ? JSON.parse(execFileSync(SYSTEM_PYTHON, ['-I', '-B', '-c', SCRIPT, path.dirname(pythonHelperPath('test_guards.py')), JSON.stringify(SOURCES)], { encoding: 'utf8', timeout: 30_000 }))
  : { kept: {}, refused: {} };

describe.skipIf(!usable)('the trusted runner\'s guards', () => {
  it.each([
    ['star', ['TestCase', 'skipIf', 'main']],
    ['own', ['LIMIT', 'date', 'helper', 'j']],
  ])('names the %s test file keeps from `from module import *`', (name, expected) => {
    expect(results.kept[name]).toEqual(expect.arrayContaining(expected));
  });

  it('names taken from the module itself, or bound only in an except fallback, are not kept', () => {
    expect(results.kept.fromModule).toEqual([]);
    expect(results.kept.fallback).toEqual(['READY']);
  });

  it.each([
    ['sqlite3 connection', true], ['socket', true], ['file', false], ['StringIO', false], ['lock', false], ['event', false], ['temporary file', false],
  ])('a %s of the test handed to the module: refused %s', (name, refused) => {
    expect(results.refused[name]).toBe(refused);
  });
});
