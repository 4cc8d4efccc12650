import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PIECES_FROM_CHARS, pieceOffsets } from './compile-pieces.js';
import type { SyntaxNode } from './syntax-node.js';
import { ODD_SHAPES } from './test-support/odd-shapes.js';
import { withPythonTree } from './tree-sitter-parser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GOOD_MODULES = path.join(ROOT, 'test-fixtures/llm-modules/good');

/** Every node in preorder as one line of what a reader can ask of it; iterative, so any depth is fine. */
function describeTree(root: SyntaxNode): string[] {
  const lines: string[] = [];
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const fields = Array.from({ length: node.childCount }, (_, index) => node.fieldNameForChild(index) ?? '-').join(',');
    lines.push(`${node.id} ${node.type} ${node.startIndex}-${node.endIndex} ${node.startPosition.row}:${node.startPosition.column} ${node.isNamed} ${node.hasError} ${node.isMissing} [${fields}] ${node.parent?.id ?? -1}`);
    const { children } = node;
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return lines;
}

async function bothWays(source: string): Promise<{ pieces: string[]; whole: string[] }> {
  return {
    pieces: await withPythonTree(source, describeTree),
    whole: await withPythonTree(source, describeTree, { whole: true }),
  };
}

/** `unit` repeated to just over the size from which modules are parsed in pieces. */
function grown(unit: string): string {
  return unit.repeat(Math.ceil((PIECES_FROM_CHARS + 1) / unit.length));
}

describe('a large module parsed in pieces gives the mirror the whole parse gives', () => {
  const good = readdirSync(GOOD_MODULES).filter((name) => name.endsWith('.py')).sort().map((name) => readFileSync(path.join(GOOD_MODULES, name), 'utf8'));
  const cases: Array<[string, string]> = [
    ['the LLM-style good modules one after another (docstrings, decorators, comments in column 1, class bodies)', good.join('\n\n')],
    ['the same with Windows line ends', good.join('\n\n').replace(/\n/g, '\r\n')],
    ['a class whose body ends in comments, blank lines with spaces and a less indented comment', grown('class A:\n    x = 1\n    # inside\n  \n# outside\n\n\n@dec\ndef f() -> None:\n    """Doc.\n\nclass NotCut:\n"""\n    return None\n')],
    ['a module without a final newline', `${grown('value = compute(1)\n')}last = 2`],
    ...ODD_SHAPES.filter((shape) => /many (classes|functions|statements)|deep statements|long lines/.test(shape.name)).map((shape): [string, string] => [shape.name, shape.make(Math.ceil((PIECES_FROM_CHARS * 1.1) / (shape.make(10).length / 10)))]),
  ];
  for (const [name, source] of cases) {
    it(name, async () => {
      expect(source.length).toBeGreaterThanOrEqual(PIECES_FROM_CHARS);
      expect(pieceOffsets(source)?.length ?? 0).toBeGreaterThan(0);
      const { pieces, whole } = await bothWays(source);
      expect(pieces.length).toBe(whole.length);
      expect(pieces).toEqual(whole);
    });
  }

  it('a module with an error in one piece is parsed whole (error recovery may differ between the two)', async () => {
    const source = grown('def f(a: int) -> int:\n    return a\n\n\n').replace('return a\n', 'return (a\n');
    const { pieces, whole } = await bothWays(source);
    expect(pieces).toEqual(whole);
    expect(pieces[0]).toMatch(/ true false \[/);
  });
});
