import { describe, expect, it } from 'vitest';
import { compilePieceStarts, PIECES_FROM_CHARS } from './compile-pieces.js';

/** `unit` repeated until the text is just over the size from which modules are cut. */
function large(unit: string, head = ''): string {
  return head + unit.repeat(Math.ceil(PIECES_FROM_CHARS / unit.length) + 1);
}

/** The text of each line where a cut was proposed. */
function cutLines(source: string): string[] {
  const lines = source.split('\n');
  return (compilePieceStarts(source) ?? []).map((line) => lines[line - 1]!);
}

describe('compilePieceStarts', () => {
  it('leaves modules under the size alone', () => {
    expect(compilePieceStarts('x = 1\n'.repeat(1000))).toBeNull();
  });

  it('cuts a large module about every 16 KB, before statements in column 1', () => {
    const source = large('def f(a: int) -> int:\n    return a\n\n\n');
    const starts = compilePieceStarts(source)!;
    expect(starts.length).toBeGreaterThan(6);
    expect(starts.length).toBeLessThan(12);
    expect(new Set(cutLines(source))).toEqual(new Set(['def f(a: int) -> int:']));
  });

  const neverCut: Array<[string, string]> = [
    ['a triple-quoted string whose lines start in column 1', '"""\nclass Inside:\nx = 1\n"""\n'],
    ["a triple-quoted string in single quotes", "'''\nclass Inside:\n'''\n"],
    ['open brackets', 'VALUES = [\n1,\nclass_inside,\n]\n'],
    ['a line continuation', 'x = 1 + \\\nclass_inside\n'],
    ['a one-line string with an escaped newline', 'x = "a\\\nclass_inside"\n'],
    ['a quote inside a comment', '# don\'t\nx = 1\n'],
    ['an escaped quote in a triple-quoted string', '"""a \\""" \nclass_inside\n"""\n'],
  ];
  for (const [name, unit] of neverCut) {
    it(`never cuts inside ${name}`, () => {
      const source = large(unit);
      const cuts = cutLines(source);
      expect(cuts.length).toBeGreaterThan(0);
      expect(cuts.filter((line) => /inside|Inside/.test(line))).toEqual([]);
    });
  }

  it('counts lines inside strings and continuations, so cuts name the right line', () => {
    const source = large('s = """\ntext\n"""\ny = (\n1)\nz = 1 + \\\n2\n# comment "\n');
    expect(new Set(cutLines(source))).toEqual(new Set(['s = """']));
  });

  it('takes time linear in the size, even for a string that never ends', () => {
    const source = `x = """${'a\n'.repeat(400_000)}`;
    const started = performance.now();
    expect(compilePieceStarts(source)).toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
