import type { Node, Tree } from 'web-tree-sitter';
import type { Point, SyntaxNode } from './syntax-node.js';

/** The wrappers of one tree's nodes; they read the wasm tree on demand, so only while it lives. */
class LiveTree {
  open = true;
  private readonly wrappers = new Map<number, LiveNode>();

  wrap(node: Node): LiveNode {
    let wrapper = this.wrappers.get(node.id);
    if (!wrapper) {
      wrapper = new LiveNode(node, this);
      this.wrappers.set(node.id, wrapper);
    }
    return wrapper;
  }

  wrapOrNull(node: Node | null): LiveNode | null {
    return node ? this.wrap(node) : null;
  }

  wrapAll(nodes: ReadonlyArray<Node | null>): LiveNode[] {
    const wrapped: LiveNode[] = [];
    for (const node of nodes) if (node) wrapped.push(this.wrap(node));
    return wrapped;
  }
}

/**
 * A SyntaxNode read from the wasm tree as it is asked for (type, children and text are kept once
 * read). For readers that look at a small part of a tree; a full mirror is cheaper for the rest.
 */
class LiveNode implements SyntaxNode {
  private knownType: string | undefined;
  private knownText: string | undefined;
  private knownChildren: LiveNode[] | undefined;
  private knownNamedChildren: LiveNode[] | undefined;

  constructor(private readonly node: Node, private readonly tree: LiveTree) {}

  private get live(): Node {
    if (!this.tree.open) throw new Error('syntax node read after its tree was deleted');
    return this.node;
  }

  get id(): number {
    return this.node.id;
  }

  get type(): string {
    return (this.knownType ??= this.live.type);
  }

  get isNamed(): boolean {
    return this.live.isNamed;
  }

  get isMissing(): boolean {
    return this.live.isMissing;
  }

  get hasError(): boolean {
    return this.live.hasError;
  }

  get startIndex(): number {
    return this.live.startIndex;
  }

  get endIndex(): number {
    return this.live.endIndex;
  }

  get startPosition(): Point {
    return this.live.startPosition;
  }

  get endPosition(): Point {
    return this.live.endPosition;
  }

  get text(): string {
    return (this.knownText ??= this.live.text);
  }

  get parent(): LiveNode | null {
    return this.tree.wrapOrNull(this.live.parent);
  }

  get children(): readonly LiveNode[] {
    return (this.knownChildren ??= this.tree.wrapAll(this.live.children));
  }

  get namedChildren(): readonly LiveNode[] {
    return (this.knownNamedChildren ??= this.tree.wrapAll(this.live.namedChildren));
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  get previousSibling(): LiveNode | null {
    return this.tree.wrapOrNull(this.live.previousSibling);
  }

  get nextSibling(): LiveNode | null {
    return this.tree.wrapOrNull(this.live.nextSibling);
  }

  child(index: number): LiveNode | null {
    return this.children[index] ?? null;
  }

  namedChild(index: number): LiveNode | null {
    return this.namedChildren[index] ?? null;
  }

  childForFieldName(fieldName: string): LiveNode | null {
    return this.tree.wrapOrNull(this.live.childForFieldName(fieldName));
  }

  childrenForFieldName(fieldName: string): LiveNode[] {
    return this.tree.wrapAll(this.live.childrenForFieldName(fieldName));
  }

  fieldNameForChild(index: number): string | null {
    return this.live.fieldNameForChild(index);
  }

  descendantsOfType(types: string | readonly string[]): LiveNode[] {
    return this.tree.wrapAll(this.live.descendantsOfType(typeof types === 'string' ? types : [...types]));
  }
}

/**
 * Hands `use` the root of `tree` as live syntax nodes. They read the tree as they are asked, so
 * `use` must not keep them: once it returns, reading one throws (the caller deletes the tree).
 */
export function withLiveNodes<T>(tree: Tree, use: (root: SyntaxNode) => T): T {
  const live = new LiveTree();
  try {
    return use(live.wrap(tree.rootNode));
  } finally {
    live.open = false;
  }
}
