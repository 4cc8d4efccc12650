import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCheckContext } from '../../build-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { tampering } from './tampering.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SHARED = path.resolve(REPOSITORY, '../shared');
const ATTACKS = readFileSync(path.join(REPOSITORY, 'test-fixtures/safety/tampering-attacks.py'), 'utf8');
const EVASIONS = readFileSync(path.join(REPOSITORY, 'test-fixtures/safety/tampering-evasions.py'), 'utf8');

testCheck(tampering, {
  valid: [
    { name: 'ordinary imports and calls', code: 'import os\nimport re\nimport sys\nimport logging\nfrom importlib import import_module\n\nPATTERN = re.compile(r"\\d+")\nlogger = logging.getLogger(__name__)\n\n\ndef where() -> str:\n    print("x", file=sys.stderr)\n    return os.path.join(os.getcwd(), sys.version)\n\n\ndef load() -> object:\n    return import_module("json")\n' },
    { name: 'getattr with a literal name, a local compile and a dunder name', code: 'def compile(text: str) -> str:\n    return text\n\n\nclass Box:\n    def name(self) -> str:\n        value = getattr(self, "label", None)\n        return compile(str(value)) + type(self).__name__ + __name__\n' },
    { name: 'writing to an own object, not a module', code: 'class Config:\n    pass\n\n\nsettings = Config()\nsettings.stdout = "x"\n' },
    { name: 'declared names: the class\'s own __slots__', code: 'from typing import Any\n\n\nclass Ticket:\n    __slots__ = ("title", "done")\n\n    def to_dict(self) -> dict[str, Any]:\n        return {name: getattr(self, name) for name in self.__slots__}\n\n    def clear(self) -> None:\n        for name in type(self).__slots__:\n            setattr(self, name, None)\n' },
    { name: 'declared names: the keywords of **changes and the fields of dataclasses.fields()', code: 'from dataclasses import dataclass, fields\nfrom typing import Any\n\n\n@dataclass\nclass Ticket:\n    title: str\n\n    def update(self, **changes: Any) -> None:\n        for key, value in changes.items():\n            setattr(self, key, value)\n        for key in changes:\n            delattr(self, key)\n\n    def to_dict(self) -> dict[str, Any]:\n        return {f.name: getattr(self, f.name) for f in fields(self)}\n' },
  ],
  invalid: [
    { name: 'computed names that only look declared: another loop, a rebound name, a module target, the value of **changes', code: 'import sys\nfrom dataclasses import fields\nfrom typing import Any\n\n\nclass Ticket:\n    def update(self, names: list[str], **changes: Any) -> None:\n        for key in names:\n            setattr(self, key, 1)\n        for key, value in changes.items():\n            key = "_" + key\n            setattr(self, key, value)\n        for key in changes:\n            getattr(sys, key)\n        for key, value in changes.items():\n            getattr(self, value)\n        for f in fields(self):\n            getattr(self, f.type)\n', findings: [
      { line: 9, messageIncludes: 'a name computed at runtime (`setattr(…, key)`)' },
      { line: 12, messageIncludes: 'a name computed at runtime (`setattr(…, key)`)' },
      { line: 14, messageIncludes: 'a name computed at runtime (`getattr(…key…)`)' },
      { line: 16, messageIncludes: 'a name computed at runtime (`getattr(…value…)`)' },
      { line: 18, messageIncludes: 'a name computed at runtime (`getattr(…f.type…)`)' },
    ] },
    { name: 'evasions: literal getattr, module namespaces, aliases, dynamic imports of gc', code: EVASIONS, findings: [
      { line: 11, messageIncludes: 'the loaded modules (sys.modules), where the test harness lives through `getattr(…, "modules")`' },
      { line: 12, messageIncludes: 'os._exit) through `getattr(…, "_exit")`' },
      { line: 13, messageIncludes: '`operator.attrgetter(…"_get" + part…)`' },
      { line: 14, messageIncludes: '`operator.methodcaller(…"get_" + part…)`' },
      { line: 15, messageIncludes: 'the namespace of the builtins module (`builtins.__dict__`)' },
      { line: 16, messageIncludes: 'the namespace of the builtins module (`vars(builtins)`)' },
      { line: 17, messageIncludes: 'the builtin getattr as a value' },
      { line: 18, messageIncludes: 'the gc module, imported through a call (`importlib.import_module("gc")`)' },
      { line: 19, messageIncludes: 'the gc module, imported through a call (`__import__("gc")`)' },
      { line: 20, messageIncludes: '`object.__getattribute__(…part…)`' },
    ] },
    { name: 'every kind of reach, in the fixture', code: ATTACKS, findings: [
      { line: 7, messageIncludes: 'an immediate process exit (os._exit) (imports os._exit)' },
      { line: 8, messageIncludes: 'a raw file descriptor (os.write)' },
      { line: 12, messageIncludes: 'the unittest module, replacing `unittest.TestCase.assertEqual`', symbol: '_silence' },
      { line: 16, messageIncludes: 'the loaded modules (sys.modules)' },
      { line: 22, messageIncludes: 'the interpreter stack (sys._getframe)' },
      { line: 24, messageIncludes: 'interpreter internals (.f_locals)' },
      { line: 25, messageIncludes: 'interpreter internals (.f_back)' },
      { line: 30, messageIncludes: 'a raw file descriptor (os.write)', symbol: 'Service.finish' },
      { line: 31, messageIncludes: 'os._exit' },
      { line: 34, messageIncludes: "the collector's objects (gc.get_objects)" },
      { line: 37, messageIncludes: 'the interpreter stack (inspect.stack)' },
      { line: 40, messageIncludes: 'a name computed at runtime (`importlib.import_module(…"o" + name…)`)' },
      { line: 44, messageIncludes: 'the unittest module, replacing its attributes (`setattr(unittest.TestCase, …)`)', symbol: 'Service.helper' },
    ] },
    { name: 'aliases, builtins and native code', code: `import builtins
import ctypes
import os as o
import sys as s
from _posixsubprocess import fork_exec


def go(name: str) -> None:
    builtins.print = None
    s.stdout = None
    o.dup2(1, 2)
    ctypes.CDLL(None).system(b"id")
    exec("x = 1")
    eval(name)
    __import__(name)
    getattr(o, "_" + name)(0)
    __builtins__["open"] = None
    s.settrace(None)
    fn = go.__globals__
`, findings: [
      { line: 2, messageIncludes: 'native code and raw memory (imports ctypes)' },
      { line: 5, messageIncludes: 'imports _posixsubprocess.fork_exec' },
      { line: 9, messageIncludes: 'the builtins module, replacing `builtins.print`' },
      { line: 10, messageIncludes: 'the sys module, replacing `sys.stdout`' },
      { line: 11, messageIncludes: 'os.dup2' },
      { line: 12, messageIncludes: 'native code and raw memory (ctypes.CDLL)' },
      { line: 13, messageIncludes: 'dynamic code execution (exec)' },
      { line: 14, messageIncludes: 'dynamic code execution (eval)' },
      { line: 15, messageIncludes: 'a name computed at runtime (`__import__(…name…)`)' },
      { line: 16, messageIncludes: 'a name computed at runtime (`getattr(…"_" + name…)`)' },
      { line: 17, messageIncludes: 'the builtins namespace (__builtins__)' },
      { line: 18, messageIncludes: 'the tracing hooks (sys.settrace)' },
      { line: 19, messageIncludes: 'interpreter internals (.__globals__)' },
    ] },
  ],
});

const REFERENCE_MODULES = [
  path.join(REPOSITORY, 'examples/clinic_booking/clinic_booking_scheduler.py'),
  path.join(SHARED, 'examples/library_lending/library_lending_service.py'),
  path.join(SHARED, 'examples/expense_splitter/expense_splitter_ledger.py'),
];

describe('safety/tampering on the reference modules', () => {
  for (const file of REFERENCE_MODULES) {
    it.skipIf(!existsSync(file))(`finds nothing in ${path.basename(file)}`, async () => {
      const context = await buildCheckContext({ source: readFileSync(file, 'utf8'), path: file, python: null });
      expect(await tampering.run(context)).toEqual([]);
    });
  }
});
