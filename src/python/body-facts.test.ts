import { describe, expect, it } from 'vitest';
import type { PythonFunction } from './python-model.js';
import { readPythonModule } from './read-module.js';

async function functionOf(source: string, name: string): Promise<PythonFunction> {
  const module = await readPythonModule(source);
  const found = [...module.functions, ...module.classes.flatMap((cls) => cls.methods)].find((fn) => fn.name === name);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

describe('canFallThrough', () => {
  const cases: Array<[string, boolean]> = [
    ['def f():\n    return 1\n', false],
    ['def f():\n    pass\n', true],
    ['def f(x):\n    if x:\n        return 1\n', true],
    ['def f(x):\n    if x:\n        return 1\n    else:\n        raise ValueError()\n', false],
    ['def f(x):\n    if x:\n        return 1\n    elif x > 2:\n        return 2\n    else:\n        return 3\n', false],
    ['def f(x):\n    if x:\n        return 1\n    elif x > 2:\n        pass\n    else:\n        return 3\n', true],
    ['def f():\n    try:\n        return g()\n    except ValueError:\n        return None\n', false],
    ['def f():\n    try:\n        return g()\n    except ValueError:\n        log()\n', true],
    ['def f():\n    try:\n        x = g()\n    except ValueError:\n        return 1\n    return x\n', false],
    ['def f():\n    try:\n        pass\n    finally:\n        return 2\n', false],
    ['def f():\n    with lock:\n        return 1\n', false],
    ['def f():\n    while True:\n        if g():\n            return 1\n', false],
    ['def f():\n    while True:\n        if g():\n            break\n', true],
    ['def f():\n    while True:\n        for x in y:\n            break\n', false],
    ['def f(xs):\n    for x in xs:\n        return x\n', true],
    ['def f(x):\n    match x:\n        case 1:\n            return 1\n        case _:\n            return 2\n', false],
    ['def f(x):\n    match x:\n        case 1:\n            return 1\n', true],
  ];
  for (const [source, expected] of cases) {
    it(`${expected ? 'can' : 'cannot'} fall through: ${source.split('\n').slice(1).join(' ⏎ ').slice(0, 80)}`, async () => {
      expect((await functionOf(source, 'f')).body.canFallThrough).toBe(expected);
    });
  }
});

describe('call facts', () => {
  it('describes arguments, lambdas, held contexts and enclosing tries', async () => {
    const fn = await functionOf(`class S:
    def add(self, name):
        try:
            with self._lock:
                return self._run(lambda: self._add(name), key="k", tmp=os.path.join(tmp_dir, name))
        except ValueError:
            raise
`, 'add');
    const run = fn.body.calls.find((call) => call.callee === 'self._run')!;
    expect(run.heldContexts).toEqual(['self._lock']);
    expect(run.handlers).toEqual([['ValueError']]);
    expect(run.enclosingTries[0]!.handlers[0]!.reraises).toBe(true);
    expect(run.arguments.map((argument) => [argument.keyword, argument.nodeType, argument.stringValue])).toEqual([
      [null, 'lambda', null],
      ['key', 'string', 'k'],
      ['tmp', 'call', null],
    ]);
    expect(run.arguments[2]!.callees).toEqual(['os.path.join']);
    expect(run.arguments[2]!.names).toEqual(['tmp_dir', 'name']);
    expect(run.receiver).toMatchObject({ text: 'self', names: ['self'] });
    const lambda = run.arguments[0]!.lambda!;
    expect(lambda.calls.map((call) => call.callee)).toEqual(['self._add']);
    expect(lambda.returns[0]).toMatchObject({ kind: 'call', callee: 'self._add' });
    // Calls inside a lambda run where the lambda is called, not here.
    expect(fn.body.calls.map((call) => call.callee)).toEqual(['self._run', 'os.path.join']);
    expect(fn.body.raises[0]!.enclosingTries).toEqual([]);
  });
});

describe('value facts', () => {
  it('describes returned dicts, conditional values and dict() calls', async () => {
    const fn = await functionOf(`def f(ok):
    if ok:
        return {"success": True, "message": "done", **extra}
    if ok is None:
        return ({"success": 1} if ok else None)
    return dict(success=False, message="no", data=None)
`, 'f');
    const [first, second, third] = fn.body.returns;
    expect(first).toMatchObject({ kind: 'dict', dictKeys: ['success', 'message'], dictHasDynamicKeys: true, nodeType: 'dictionary' });
    expect(first!.dictEntries.map((entry) => [entry.key, entry.valueType])).toEqual([['success', 'true'], ['message', 'string']]);
    expect(second!.alternatives.map((alternative) => alternative.kind)).toEqual(['dict', 'none']);
    expect(third!.arguments.map((argument) => argument.keyword)).toEqual(['success', 'message', 'data']);
  });

  it('records local bindings and attribute values', async () => {
    const fn = await functionOf(`class S:
    def __init__(self):
        self._lock = threading.Lock()
        response = {"success": False}
        response["data"] = None
        response[key] = 1
        a, b = pair()
        with tempfile.TemporaryDirectory() as tmp:
            pass
`, '__init__');
    expect(fn.body.attributeMutations[0]!.value).toMatchObject({ kind: 'call', callee: 'threading.Lock' });
    expect(fn.body.localAssignments.map((fact) => [fact.name, fact.key, fact.dynamicKey, fact.via, fact.value.kind])).toEqual([
      ['response', null, false, 'assign', 'dict'],
      ['response', 'data', false, 'assign', 'none'],
      ['response', null, true, 'assign', 'other'],
      ['tmp', null, false, 'with', 'call'],
    ]);
  });
});

describe('module facts', () => {
  it('records handlers around imports, TYPE_CHECKING imports, string constants and module-level calls', async () => {
    const module = await readPythonModule(`import os
try:
    import numpy as np
except ImportError:
    np = None
if TYPE_CHECKING:
    import pandas
if __name__ == "__main__":
    import gradio
DATA = "/var/data.json"
COUNT = 3
requests.get("http://example.org")
`);
    expect((await readPythonModule('from x import (y as z, w)\n')).imports[0]!.nameAliases).toEqual(['z', null]);
    expect(module.imports.map((entry) => [entry.module, entry.handlers, entry.isTypeCheckingOnly, entry.isMainBlockOnly])).toEqual([
      ['os', [], false, false],
      ['numpy', [['ImportError']], false, false],
      ['pandas', [], true, false],
      ['gradio', [], false, true],
    ]);
    expect(module.constants.map((constant) => [constant.name, constant.stringValue])).toEqual([['DATA', '/var/data.json'], ['COUNT', null]]);
    expect(module.moduleBody.calls.map((call) => call.callee)).toEqual(['requests.get']);
  });
});

describe('receivers and literals', () => {
  it('describes the object of a method call and the literals of an argument', async () => {
    const fn = await functionOf('def f(name):\n    Path("/var/app").joinpath(name, "x.json").write_text(os.path.join("/etc", name))\n', 'f');
    const write = fn.body.calls.find((call) => call.callee.endsWith('.write_text'))!;
    expect(write.receiver).toMatchObject({ nodeType: 'call', strings: ['/var/app', 'x.json'], callees: ['Path("/var/app").joinpath', 'Path'], names: ['name'] });
    expect(write.arguments[0]!.strings).toEqual(['/etc']);
    expect(fn.body.calls.find((call) => call.callee === 'Path')!.receiver).toBeNull();
  });
});

describe('module-level name facts', () => {
  it('records changes to names (item assignment, mutating calls, del, +=) and global declarations', async () => {
    const fn = await functionOf('def f(k):\n    global _COUNT\n    _COUNT += 1\n    _CACHE[k] = 1\n    _LOG.append(k)\n    del _CACHE[k]\n    x = 1\n', 'f');
    expect(fn.body.globalNames).toEqual(['_COUNT']);
    expect(fn.body.attributeMutations.map((m) => `${m.line} ${m.target} ${m.operation}`)).toEqual([
      '3 _COUNT augmented-assign', '4 _CACHE subscript-assign', '5 _LOG method-call', '6 _CACHE delete',
    ]);
  });
});
