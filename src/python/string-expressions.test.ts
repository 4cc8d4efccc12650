import { describe, expect, it } from 'vitest';
import { readPythonModule } from './read-module.js';

describe('string expressions', () => {
  it('assembles + chains: literals kept, string constants read, other parts as {} fields', async () => {
    const module = await readPythonModule(`PREFIX = "Poll "
FULL = PREFIX + "{} is full."


def f(poll_id, name):
    a = "Poll " + str(poll_id) + " not found."
    b = PREFIX + name + ": " + f"{poll_id}!"
    c = FULL + " Sorry."
    d = poll_id + 1 + name
    return {"not_found": a, "k": b + c}
`);
    expect(module.stringExpressions.assembled.map((text) => `${text.line} ${text.text}`)).toEqual([
      '2 Poll {} is full.', '6 Poll {} not found.', '7 Poll {}: {poll_id}!', '8 Poll {} is full. Sorry.',
    ]);
    expect(module.stringExpressions.dictKeys).toEqual([{ line: 10, column: 13 }, { line: 10, column: 29 }]);
  });

  it('leaves long arithmetic chains alone, in linear time', async () => {
    const started = performance.now();
    const module = await readPythonModule(`A = "x" + ${Array.from({ length: 20_000 }, () => '1').join(' + ')}\n`);
    expect(module.stringExpressions.assembled).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
