import { describe, expect, it } from 'vitest';
import type { SyntaxNode } from './syntax-node.js';
import { withPythonTree } from './tree-sitter-parser.js';

const SOURCE = 'import os  # why\n\n@dec\ndef f(a: int = 1, *b) -> "T":\n    """Doc."""\n    if a is not None:\n        raise ValueError(a)\n\nSure! prose ☕\n';

function flatten(node: SyntaxNode): SyntaxNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

function describeNode(node: SyntaxNode) {
  return [
    node.type, node.isNamed, node.isMissing, node.hasError, node.startIndex, node.endIndex, node.startPosition, node.endPosition, node.text,
    node.parent?.id ?? null, node.previousSibling?.id ?? null, node.nextSibling?.id ?? null, node.childCount, node.namedChildCount,
    node.children.map((_, index) => node.fieldNameForChild(index)), node.childForFieldName('name')?.text ?? null,
  ];
}

describe('live syntax nodes', () => {
  it('read the same facts as the mirror', async () => {
    const mirrored = await withPythonTree(SOURCE, (root) => flatten(root).map(describeNode));
    const live = await withPythonTree(SOURCE, (root) => flatten(root).map(describeNode), { partial: true });
    // Ids differ between the two (preorder numbers vs wasm addresses): compare the rest.
    const withoutIds = (rows: unknown[][]) => rows.map((row) => row.filter((_, index) => index < 9 || index > 11));
    expect(withoutIds(live)).toEqual(withoutIds(mirrored));
  });

  it('keep node identity through parents, siblings and fields', async () => {
    await withPythonTree(SOURCE, (root) => {
      const definition = root.namedChildren[2]!.childForFieldName('definition')!;
      expect(definition.childForFieldName('name')!.parent).toBe(definition);
      expect(root.descendantsOfType('comment').map((node) => node.text)).toEqual(['# why']);
    }, { partial: true });
  });

  it('refuse to be read once the tree is deleted', async () => {
    const root = await withPythonTree(SOURCE, (node) => node, { partial: true });
    expect(() => root.children).toThrow(/after its tree was deleted/);
  });
});
