import { describe, expect, it } from 'vitest';
import type { Node } from 'web-tree-sitter';
import { mirrorTree } from './mirror-walk.js';
import type { SyntaxNode } from './syntax-node.js';
import { loadPythonParser, withPythonTree } from './tree-sitter-parser.js';

const NON_ASCII = 'x = "café ☕"; y = 1\n# 😀 é\nz = "😀"  # ok\n';
const SAMPLES = [
  NON_ASCII,
  '',
  'def f(:\n  pass',
  'Sure! Here is the code:\nx = 1\n',
  'x = {1: }\nprint(f"{x!r:>{w}} 😀 {y}")\n',
  'if x < 5 and (y not in z):\n    pass\nelif a is not b:\n    ...\nelse:\n    raise E\n',
  'match p:\n    case [1, *rest] if rest:\n        pass\n    case _:\n        pass\n',
  'class A(B, metaclass=M):\n    """Doc."""\n    x: int = 1  # note\n\n    @d\n    async def f(self, a, /, b=2, *c, d, **e) -> "T":\n        return (yield a)\n',
  'for i in range(3):\n    pass\nelse:\n    break\ntry:\n    pass\nexcept (A, B) as e:\n    raise\nfinally:\n    pass\n',
  'a = 1\r\nb = "\ufeff"\rc = 3\n',
  'for s in get(("a", []):\n    pass\n',
  'When it is not a whole number in range.\n',
];

async function withRealTree<T>(source: string, use: (root: Node, mirror: SyntaxNode) => T): Promise<T> {
  const parser = await loadPythonParser();
  const tree = parser.parse(source)!;
  try {
    return use(tree.rootNode, mirrorTree(tree, source));
  } finally {
    tree.delete();
  }
}

const brief = (node: Node | SyntaxNode | null) => (node ? `${node.type}@${node.startIndex}-${node.endIndex}` : null);

/** Every property the readers use, for one node, as web-tree-sitter reports it or as the mirror does. */
function describeNode(node: Node | SyntaxNode, fieldNames: readonly string[]) {
  return {
    node: brief(node),
    named: node.isNamed,
    missing: node.isMissing,
    hasError: node.hasError,
    start: node.startPosition,
    end: node.endPosition,
    text: node.text,
    parent: brief(node.parent),
    previous: brief(node.previousSibling),
    next: brief(node.nextSibling),
    children: node.children.map(brief),
    named_children: node.namedChildren.map(brief),
    counts: [node.childCount, node.namedChildCount],
    child0: brief(node.child(0)),
    namedChild0: brief(node.namedChild(0)),
    fieldsOfChildren: node.children.map((_, index) => node.fieldNameForChild(index)),
    fields: fieldNames.map((name) => [name, brief(node.childForFieldName(name)), node.childrenForFieldName(name).map(brief)]),
  };
}

function flatten<T extends { children: ReadonlyArray<T | null> }>(node: T): T[] {
  return [node, ...node.children.flatMap((child) => (child ? flatten(child) : []))];
}

describe('mirrorTree', () => {
  it.each(SAMPLES.map((source) => [JSON.stringify(source).slice(0, 50), source]))('matches web-tree-sitter node for node: %s', async (_, source) => {
    const { language } = await loadPythonParser();
    const fieldNames = (language?.fields ?? []).filter((name): name is string => !!name);
    expect(fieldNames.length).toBeGreaterThan(20);
    await withRealTree(source, (real, mirror) => {
      const realNodes = flatten(real);
      const mirrorNodes = flatten(mirror);
      expect(mirrorNodes.map((node) => describeNode(node, fieldNames))).toEqual(realNodes.map((node) => describeNode(node, fieldNames)));
      const types = ['comment', 'pass_statement', 'ellipsis', 'integer', 'float', 'block'];
      // From the root (answered from lists gathered while mirroring) and from every other node.
      expect(mirrorNodes.map((node) => node.descendantsOfType(types).map(brief))).toEqual(realNodes.map((node) => node.descendantsOfType(types).map(brief)));
      expect(mirror.descendantsOfType('identifier').map(brief)).toEqual(real.descendantsOfType('identifier').map(brief));
      expect(new Set(mirrorNodes.map((node) => node.id)).size).toBe(mirrorNodes.length);
    });
  });

  it('numbers nodes in preorder (ids order nodes by position), and a node read twice has one id', async () => {
    const root = await withPythonTree(SAMPLES[7]!, (node) => node);
    const nodes = flatten(root);
    expect(nodes.map((node) => node.id)).toEqual(nodes.map((_, index) => index));
    const method = root.descendantsOfType('function_definition')[0]!;
    expect(method.parent?.parent?.id).toBe(root.children[0]?.childForFieldName('body')?.id);
    expect(method.namedChildren.map((child) => child.id)).toEqual(method.children.filter((child) => child.isNamed).map((child) => child.id));
    expect([method.namedChildCount, method.namedChild(1)?.type, method.namedChild(9)]).toEqual([method.namedChildren.length, 'parameters', null]);
  });

  it('counts positions and text in UTF-16 code units of the source string', async () => {
    const root = await withPythonTree(NON_ASCII, (node) => node);
    const [first, semicolon, second, comment, third, trailing] = root.children;
    expect(first?.text).toBe('x = "café ☕"');
    expect(semicolon).toMatchObject({ type: ';', isNamed: false, startIndex: 12 });
    expect(first?.namedChildren[0]?.childForFieldName('right')?.text).toBe('"café ☕"');
    expect(second?.startPosition).toEqual({ row: 0, column: 14 });
    expect(comment).toMatchObject({ type: 'comment', isNamed: true, text: '# 😀 é', startPosition: { row: 1, column: 0 }, endPosition: { row: 1, column: 6 } });
    expect(third?.text).toBe('z = "😀"');
    // Comments are extras: they sit among the children where they occur, after the statement on their line.
    expect(trailing).toMatchObject({ type: 'comment', text: '# ok', startPosition: { row: 2, column: 10 } });
  });

  it('reports ERROR and MISSING nodes as tree-sitter does', async () => {
    const root = await withPythonTree('def f(:\n  pass', (node) => node);
    const missing = flatten(root).find((node) => node.isMissing);
    expect(missing).toMatchObject({ type: ')', isNamed: false, text: '', hasError: true });
    expect(missing?.parent?.type).toBe('parameters');
    expect(root.hasError).toBe(true);

    const prose = await withPythonTree('Sure! Here is the code:\nx = 1\n', (node) => node);
    const errors = flatten(prose).filter((node) => node.type === 'ERROR');
    expect(errors.map((node) => [node.text, node.hasError])).toEqual([['Sure!', true], ['!', false]]);
    expect(errors[0]?.childForFieldName('name')).toBeNull();
  });

  it('reads fields, and passes over empty siblings as tree-sitter does', async () => {
    const root = await withPythonTree('if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\nfor s in get(("a", []):\n    pass\n', (node) => node);
    const statement = root.children[0]!;
    expect(statement.childForFieldName('condition')?.text).toBe('a');
    expect(statement.childrenForFieldName('alternative').map((node) => node.type)).toEqual(['elif_clause', 'else_clause']);
    expect(statement.fieldNameForChild(1)).toBe('condition');
    expect(statement.childForFieldName('nonexistent')).toBeNull();
    const zeroWidth = flatten(root).find((node) => node.isMissing);
    expect(zeroWidth).toMatchObject({ type: ')', startIndex: 69, endIndex: 69 });
    expect(zeroWidth?.previousSibling?.type).toBe('tuple');
    expect(zeroWidth?.previousSibling?.nextSibling).toBeNull();
  });
});
