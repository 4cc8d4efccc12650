import { describe, expect, it } from 'vitest';
import { callableKey, callTarget, functionCallable } from './callables.js';
import { readPythonModule } from './read-module.js';

describe('callTarget', () => {
  it('binds lambdas and method references to the callee parameters', async () => {
    const module = await readPythonModule(`class Base:
    def _run(self, operation, *, label="x"):
        return operation()


class Desk(Base):
    def add(self, name):
        return self._run(lambda: self._add(name), label="add")

    def count(self):
        return self._run(operation=self._count)

    @staticmethod
    def _add(name):
        return name

    def _count(self):
        return 1


def helper(fn):
    return fn()
`);
    const desk = module.classes[1]!;
    const add = functionCallable(desk.methods[0]!);
    const addCall = add.body.calls[0]!;
    const run = callTarget(addCall.callee, addCall.arguments, add, module)!;
    expect(run.kind === 'function' && run.fn.name).toBe('_run');
    const operation = run.bindings.get('operation');
    expect(operation?.kind).toBe('lambda');
    const inner = callTarget('operation', [], run, module);
    expect(inner).toBe(operation);
    const lambdaCall = inner!.body.calls[0]!;
    const added = callTarget(lambdaCall.callee, lambdaCall.arguments, inner!, module);
    expect(added?.kind === 'function' && added.fn.name).toBe('_add');

    const count = functionCallable(desk.methods[1]!);
    const countRun = callTarget(count.body.calls[0]!.callee, count.body.calls[0]!.arguments, count, module)!;
    const bound = countRun.bindings.get('operation');
    expect(bound?.kind === 'function' && bound.fn.name).toBe('_count');
    expect(callTarget('helper', [], count, module)?.kind).toBe('function');
    expect(callTarget('json.loads', [], count, module)).toBeNull();
  });
});

describe('callableKey', () => {
  it('tells apart two lambdas on one line, and knows one lambda met twice', async () => {
    const module = await readPythonModule('def run(a, b):\n    return a(1) + b(2)\n\n\ndef main():\n    return run(lambda v: v, lambda v: int("x"))\n');
    const main = module.functions.find((fn) => fn.name === 'main')!;
    const call = main.body.calls.find((candidate) => candidate.callee === 'run')!;
    const [first, second] = call.arguments.map((argument) => argument.lambda!);
    const lambda = (body: typeof first) => ({ kind: 'lambda' as const, owner: main, body: body!, bindings: new Map(), line: call.line });
    expect(callableKey(lambda(first))).not.toBe(callableKey(lambda(second)));
    expect(callableKey(lambda(first))).toBe(callableKey(lambda(first)));
  });
});
