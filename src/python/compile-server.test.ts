import { describe, expect, it } from 'vitest';
import { compileRequestsWritten, compileWithPython, type CompileAnswer } from './compile-server.js';

describe('compileRequestsWritten', () => {
  it('resolves at once with nothing pending', async () => {
    await expect(compileRequestsWritten()).resolves.toBeUndefined();
  });

  it('waits until a source larger than a pipe holds is written, while the event loop runs', async () => {
    const source = Array.from({ length: 40_000 }, (_, index) => `value_${index} = ${index}\n`).join('');
    expect(source.length).toBeGreaterThan(512 * 1024);
    const answer = compileWithPython('python3', source, 'large.py');
    let written = false;
    const waiting = compileRequestsWritten().then(() => (written = true));
    // More than a pipe takes at once: the rest goes out only as the event loop runs.
    expect(written).toBe(false);
    await waiting;
    expect((await answer).ok).toBe(true);
    await expect(compileRequestsWritten()).resolves.toBeUndefined();
  });
});

/** An answer without the request id the server echoes. */
function withoutId(answer: CompileAnswer): Omit<CompileAnswer, 'id'> {
  const { id: _id, ...rest } = answer as CompileAnswer & { id?: number };
  return rest;
}

describe('compiling in pieces', () => {
  const modules: Array<[string, string]> = [
    ['a valid module', 'import os\n\n\nclass A:\n    """A."""\n\n    def m(self) -> int:\n        return 1\n\n\nX = [\n    1,\n]\nY = """\ntext\n"""\n'],
    ['a late future import', 'x = 1\ny = 2\nfrom __future__ import annotations\nz = 3\n'],
    ["the first piece's future import applies to the others", 'from __future__ import annotations\nx = 1\ny: (yield) = 2\nz = 3\n'],
    ['barry_as_FLUFL imported, which does not change the parser', 'from __future__ import barry_as_FLUFL\nx = 1\ny = 1 <> 2\nz = 3\n'],
    ['a global declared after its use at module level', 'x = 1\ny = 2\nz = 3\nglobal x\n'],
    ["'return' outside a function", 'x = 1\ny = 2\nreturn 3\nz = 4\n'],
    ['an unterminated string', 'x = 1\ny = """\nz = 3\nw = 4\n'],
    ['an unclosed bracket', 'x = (\n1,\n2\ny = 3\n'],
    ['a dangling else', 'if x:\n    pass\nelse:\n    pass\nz = 1\n'],
    ['a continuation', 'x = 1 + \\\n2\ny = 3\nz = 4\n'],
    ['an indented line', 'x = 1\n    y = 2\nz = 3\nw = 4\n'],
  ];
  const cutPlans = [[2], [3], [4], [2, 3], [2, 4], [3, 4], [2, 3, 4]];

  for (const [name, source] of modules) {
    it(`answers as the whole module does, wherever it is cut: ${name}`, async () => {
      const whole = withoutId(await compileWithPython('python3', source, 'module.py', null));
      for (const plan of cutPlans) {
        expect({ plan, answer: withoutId(await compileWithPython('python3', source, 'module.py', plan)) }).toEqual({ plan, answer: whole });
      }
    });
  }

  it('compiles whole when the cuts make no sense', async () => {
    const source = 'x = 1\nreturn 2\n';
    const whole = withoutId(await compileWithPython('python3', source, 'module.py', null));
    for (const plan of [[1], [3, 2], [99]]) expect(withoutId(await compileWithPython('python3', source, 'module.py', plan))).toEqual(whole);
  });

  it('cuts a large module of alike classes and still finds an error at its end', async () => {
    const classes = Array.from({ length: 3000 }, (_, index) => `class C${index}:\n    def m(self) -> int:\n        return 1\n`).join('\n\n');
    expect((await compileWithPython('python3', classes, 'large.py')).ok).toBe(true);
    const broken = await compileWithPython('python3', `${classes}\nbreak\n`, 'large.py');
    expect(broken).toMatchObject({ ok: false, line: classes.split('\n').length + 1, message: "'break' outside loop" });
  });
});
