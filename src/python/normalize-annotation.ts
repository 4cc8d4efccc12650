import type { Parser } from 'web-tree-sitter';
import { namedChildren, stringValue } from './node-text.js';
import { mirrorTree } from './mirror-walk.js';
import type { SyntaxNode as Node } from './syntax-node.js';
import { loadPythonParser } from './tree-sitter-parser.js';

/** Old `typing` spellings and their built-in equivalents (PEP 585). */
const TYPE_ALIASES: Record<string, string> = {
  List: 'list', Dict: 'dict', Set: 'set', FrozenSet: 'frozenset', Tuple: 'tuple', Type: 'type',
  Text: 'str', Deque: 'deque', DefaultDict: 'defaultdict', NoneType: 'None',
};

/** Turns annotations and default values into canonical text, so equal meanings compare equal. */
export interface PythonNormalizer {
  /** `Optional[int]`, `int | None`, `Union[None, int]`, `"typing.Optional[int]"` all give one text. */
  annotation(text: string | null): string | null;
  /** `'a'` and `"a"`, `Decimal('1')` and `Decimal("1")`, spacing: one text per value. */
  expression(text: string | null): string | null;
}

function simpleName(node: Node): string {
  const text = node.text.replace(/\s+/g, '');
  const last = text.split('.').pop() ?? text;
  return TYPE_ALIASES[last] ?? last;
}

function subscriptParts(node: Node): { base: Node | null; items: Node[] } {
  const base = node.childForFieldName('value');
  return { base, items: namedChildren(node).filter((child) => child.id !== base?.id) };
}

class Renderer {
  constructor(private readonly parser: Parser) {}

  parse<T>(text: string, use: (expression: Node | null) => T): T {
    const source = `(${text.replace(/\n/g, ' ')})\n`;
    const tree = this.parser.parse(source);
    if (!tree) return use(null);
    let root: Node;
    try {
      root = mirrorTree(tree, source);
    } finally {
      tree.delete();
    }
    if (root.hasError) return use(null);
    let node = namedChildren(root)[0] ?? null;
    while (node && (node.type === 'expression_statement' || node.type === 'parenthesized_expression')) node = namedChildren(node)[0] ?? null;
    return use(node);
  }

  unionMembers(node: Node, into: Set<string>): void {
    if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '|') {
      for (const side of ['left', 'right']) {
        const child = node.childForFieldName(side);
        if (child) this.unionMembers(child, into);
      }
      return;
    }
    if (node.type === 'subscript') {
      const { base, items } = subscriptParts(node);
      const name = base ? simpleName(base) : '';
      if (name === 'Union' || name === 'Optional') {
        for (const item of items) this.unionMembers(item, into);
        if (name === 'Optional') into.add('None');
        return;
      }
    }
    if (node.type === 'string') {
      const inner = this.parse(stringValue(node), (expression) => expression);
      if (inner === null) into.add(stringValue(node).trim());
      else this.parse(stringValue(node), (expression) => expression && this.unionMembers(expression, into));
      return;
    }
    into.add(this.type(node));
  }

  type(node: Node): string {
    switch (node.type) {
      case 'none':
        return 'None';
      case 'identifier':
      case 'attribute':
        return simpleName(node);
      case 'parenthesized_expression':
        return namedChildren(node)[0] ? this.type(namedChildren(node)[0]!) : '()';
      case 'string': {
        const text = stringValue(node);
        return this.parse(text, (expression) => (expression ? this.type(expression) : text.trim()));
      }
      case 'list':
        return `[${namedChildren(node).map((child) => this.type(child)).join(',')}]`;
      case 'tuple':
        return `(${namedChildren(node).map((child) => this.type(child)).join(',')})`;
      case 'binary_operator':
        if (node.childForFieldName('operator')?.text !== '|') break;
        return this.union(node);
      case 'subscript': {
        const { base, items } = subscriptParts(node);
        const name = base ? simpleName(base) : '';
        if (name === 'Union' || name === 'Optional') return this.union(node);
        if (name === 'Annotated' && items[0]) return this.type(items[0]);
        const render = name === 'Literal' ? (child: Node) => this.value(child) : (child: Node) => this.type(child);
        return `${name}[${items.map(render).join(',')}]`;
      }
      default:
        break;
    }
    return this.value(node);
  }

  union(node: Node): string {
    const members = new Set<string>();
    this.unionMembers(node, members);
    const sorted = [...members].sort();
    return sorted.length === 1 ? sorted[0]! : `Union[${sorted.join(',')}]`;
  }

  value(node: Node): string {
    switch (node.type) {
      case 'string':
      case 'concatenated_string':
        return JSON.stringify(stringValue(node));
      case 'integer':
      case 'float':
        return node.text.replace(/_/g, '').toLowerCase();
      case 'parenthesized_expression':
        return namedChildren(node)[0] ? this.value(namedChildren(node)[0]!) : '()';
      case 'call': {
        const callee = node.childForFieldName('function');
        const argumentsNode = node.childForFieldName('arguments');
        const items = argumentsNode ? namedChildren(argumentsNode).map((child) => this.value(child)) : [];
        return `${callee ? callee.text.replace(/\s+/g, '') : ''}(${items.join(',')})`;
      }
      case 'keyword_argument': {
        const value = node.childForFieldName('value');
        return `${node.childForFieldName('name')?.text ?? ''}=${value ? this.value(value) : ''}`;
      }
      case 'list':
      case 'tuple':
      case 'set':
      case 'dictionary': {
        const [open, close] = { list: '[]', tuple: '()', set: '{}', dictionary: '{}' }[node.type]!;
        return `${open}${namedChildren(node).map((child) => this.value(child)).join(',')}${close}`;
      }
      case 'pair':
        return namedChildren(node).map((child) => this.value(child)).join(':');
      default:
        return node.text.replace(/\s+/g, '');
    }
  }
}

/** Loads the Python parser (once) and returns a synchronous, caching normalizer. */
export async function loadPythonNormalizer(): Promise<PythonNormalizer> {
  const renderer = new Renderer(await loadPythonParser());
  const annotations = new Map<string, string>();
  const expressions = new Map<string, string>();
  const cached = (cache: Map<string, string>, text: string, compute: () => string): string => {
    let result = cache.get(text);
    if (result === undefined) {
      result = compute();
      if (cache.size > 10_000) cache.clear();
      cache.set(text, result);
    }
    return result;
  };
  const fallback = (text: string) => text.replace(/\s+/g, '');
  return {
    annotation: (text) => text === null ? null
      : cached(annotations, text, () => renderer.parse(text, (node) => (node ? renderer.type(node) : fallback(text)))),
    expression: (text) => text === null ? null
      : cached(expressions, text, () => renderer.parse(text, (node) => (node ? renderer.value(node) : fallback(text)))),
  };
}
