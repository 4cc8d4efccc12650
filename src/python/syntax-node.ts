import type { Tree, TreeCursor } from 'web-tree-sitter';

/** A row and column, both 0-based; columns count UTF-16 code units, as tree-sitter reports them for JS strings. */
export interface Point {
  row: number;
  column: number;
}

/**
 * A node of a parsed Python tree, held in plain JS: the subset of web-tree-sitter's `Node` the
 * readers use, with the same meaning. Reading it never crosses the wasm boundary.
 */
export interface SyntaxNode {
  /** Unique within its tree (preorder number). */
  readonly id: number;
  readonly type: string;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  /** The node or one of its descendants is an ERROR or MISSING node. */
  readonly hasError: boolean;
  /** UTF-16 code unit offsets into the source string. */
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: Point;
  readonly endPosition: Point;
  readonly text: string;
  readonly parent: SyntaxNode | null;
  readonly children: readonly SyntaxNode[];
  readonly namedChildren: readonly SyntaxNode[];
  readonly childCount: number;
  readonly namedChildCount: number;
  readonly previousSibling: SyntaxNode | null;
  readonly nextSibling: SyntaxNode | null;
  child(index: number): SyntaxNode | null;
  namedChild(index: number): SyntaxNode | null;
  childForFieldName(fieldName: string): SyntaxNode | null;
  childrenForFieldName(fieldName: string): SyntaxNode[];
  fieldNameForChild(index: number): string | null;
  /** The node itself and its descendants of the given types, in source order. */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[];
}

const NO_CHILDREN: readonly MirrorNode[] = [];

/**
 * Deepest node a mirror holds (the module node is depth 0). Subtrees below are cut, so every
 * recursive reader of a mirror is bounded; real modules stay far below (the reference ones < 40),
 * and CPython itself refuses more than 200 nested brackets.
 */
export const MAX_SYNTAX_DEPTH = 300;

/** How many cut nodes a mirror remembers by position (the count is always exact). */
const PRUNED_KEPT = 20;

/** The source a mirror was built from, with the offset where each of its lines starts, and its nodes by type. */
class MirrorSource {
  private readonly lines = [0];
  /** Every node of the tree, by type, in source order. */
  readonly nodesByType = new Map<string, MirrorNode[]>();
  /** Nodes at MAX_SYNTAX_DEPTH whose children were cut (the first few), and how many there were. */
  readonly pruned: MirrorNode[] = [];
  prunedCount = 0;

  constructor(readonly text: string) {
    // tree-sitter counts rows by `\n` only.
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) this.lines.push(index + 1);
  }

  point(index: number): Point {
    const { lines } = this;
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lines[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return { row: low, column: index - lines[low]! };
  }
}

class MirrorNode implements SyntaxNode {
  children: MirrorNode[] = NO_CHILDREN as MirrorNode[];
  /** Field name of each child (null when it has none; may stop short of the last children). */
  fields: Array<string | null> | null = null;
  indexInParent = -1;
  private named: MirrorNode[] | null = null;

  constructor(
    private readonly source: MirrorSource,
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly hasError: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly parent: MirrorNode | null,
  ) {}

  get text(): string {
    return this.source.text.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): Point {
    return this.source.point(this.startIndex);
  }

  get endPosition(): Point {
    return this.source.point(this.endIndex);
  }

  get namedChildren(): readonly MirrorNode[] {
    this.named ??= this.children.every((child) => child.isNamed) ? this.children : this.children.filter((child) => child.isNamed);
    return this.named;
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  get previousSibling(): MirrorNode | null {
    return this.parent?.children[this.indexInParent - 1] ?? null;
  }

  get nextSibling(): MirrorNode | null {
    // As tree-sitter does: siblings ending where this node ends (empty blocks, MISSING tokens) are passed over.
    const siblings = this.parent?.children ?? NO_CHILDREN;
    for (let index = this.indexInParent + 1; index < siblings.length; index++) {
      if (siblings[index]!.endIndex > this.endIndex) return siblings[index]!;
    }
    return null;
  }

  child(index: number): MirrorNode | null {
    return this.children[index] ?? null;
  }

  namedChild(index: number): MirrorNode | null {
    return this.namedChildren[index] ?? null;
  }

  childForFieldName(fieldName: string): MirrorNode | null {
    // tree-sitter reads fields from the node's own production, and an ERROR node has none.
    if (this.type === 'ERROR') return null;
    const index = this.fields ? this.fields.indexOf(fieldName) : -1;
    if (index >= 0) return this.children[index]!;
    // tree-sitter also finds a match's case clauses through its aliased body block.
    if (this.type === 'match_statement' && fieldName === 'alternative') return this.childForFieldName('body')?.childForFieldName(fieldName) ?? null;
    return null;
  }

  childrenForFieldName(fieldName: string): MirrorNode[] {
    return this.fields ? this.children.filter((_, index) => this.fields![index] === fieldName) : [];
  }

  fieldNameForChild(index: number): string | null {
    return this.fields?.[index] ?? null;
  }

  /** Nodes of this mirror whose subtrees were cut at MAX_SYNTAX_DEPTH (the first few) and their count. */
  get prunedSubtrees(): { nodes: readonly MirrorNode[]; count: number } {
    return { nodes: this.source.pruned, count: this.source.prunedCount };
  }

  descendantsOfType(types: string | readonly string[]): MirrorNode[] {
    const wanted = new Set(typeof types === 'string' ? [types] : types);
    const found: MirrorNode[] = [];
    if (this.parent) {
      collectOfType(this, wanted, found);
      return found;
    }
    // From the root: the lists gathered while mirroring (each in source order), merged.
    const lists = [...wanted].map((type) => this.source.nodesByType.get(type) ?? NO_CHILDREN).filter((list) => list.length > 0);
    const next = lists.map(() => 0);
    for (;;) {
      let best = -1;
      for (let list = 0; list < lists.length; list++) {
        const candidate = lists[list]![next[list]!];
        if (candidate && (best < 0 || candidate.id < lists[best]![next[best]!]!.id)) best = list;
      }
      if (best < 0) return found;
      const node = lists[best]![next[best]!++]!;
      // web-tree-sitter searches from point (0, 0) and skips nodes ending there.
      if (node.endIndex !== 0) found.push(node);
    }
  }
}

function collectOfType(top: MirrorNode, wanted: ReadonlySet<string>, into: MirrorNode[]): void {
  const pending: MirrorNode[] = [top];
  while (pending.length > 0) {
    const node = pending.pop()!;
    // web-tree-sitter searches from point (0, 0) and skips subtrees ending at or before it.
    if (node.endIndex === 0) continue;
    if (wanted.has(node.type)) into.push(node);
    for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]!);
  }
}

/** Reads the cursor's node facts, a handful of wasm calls; everything else is derived in JS. */
class MirrorBuilder {
  private readonly source: MirrorSource;
  private readonly types: string[];
  private readonly fieldNames: Array<string | null>;
  private readonly namedByType = new Map<number, boolean>();
  private nextId = 0;

  constructor(tree: Tree, source: string, private readonly cursor: TreeCursor, private readonly hasErrors: boolean) {
    this.source = new MirrorSource(source);
    this.types = tree.language.types;
    this.fieldNames = tree.language.fields;
  }

  /** The node under the cursor, appended to `parent`'s children. */
  node(parent: MirrorNode | null): MirrorNode {
    const { cursor } = this;
    const typeId = cursor.nodeTypeId;
    let isNamed = this.namedByType.get(typeId);
    if (isNamed === undefined) {
      isNamed = cursor.nodeIsNamed;
      this.namedByType.set(typeId, isNamed);
    }
    const startIndex = cursor.startIndex;
    const endIndex = cursor.endIndex;
    // A clean tree has no MISSING or ERROR nodes anywhere. In a broken one `hasError` is taken as
    // tree-sitter reports it: a lone ERROR token does not count, a MISSING invisible token does.
    const real = this.hasErrors ? cursor.currentNode : null;
    const node = new MirrorNode(
      this.source, this.nextId++, this.types[typeId] || 'ERROR', isNamed, real?.isMissing ?? false, real?.hasError ?? false,
      startIndex, endIndex, parent,
    );
    const ofType = this.source.nodesByType.get(node.type);
    if (ofType) ofType.push(node);
    else this.source.nodesByType.set(node.type, [node]);
    if (parent) {
      if (parent.children === NO_CHILDREN) parent.children = [];
      node.indexInParent = parent.children.length;
      parent.children.push(node);
      const fieldId = cursor.currentFieldId;
      if (fieldId !== 0) {
        const fields = (parent.fields ??= []);
        while (fields.length < node.indexInParent) fields.push(null);
        fields.push(this.fieldNames[fieldId] ?? null);
      }
    }
    return node;
  }

  /** Records that `node`'s children are not mirrored. */
  prune(node: MirrorNode): void {
    if (this.source.pruned.length < PRUNED_KEPT) this.source.pruned.push(node);
    this.source.prunedCount++;
  }
}

/** Nodes whose subtrees a mirror cut at MAX_SYNTAX_DEPTH (the first few) and how many; none for other trees. */
export function prunedSubtrees(root: SyntaxNode): { nodes: readonly SyntaxNode[]; count: number } {
  return root instanceof MirrorNode ? root.prunedSubtrees : { nodes: [], count: 0 };
}

/**
 * Copies a parsed tree into plain JS nodes in one cursor walk; the tree can be deleted afterwards.
 * Children of nodes at MAX_SYNTAX_DEPTH are left out (see `prunedSubtrees`).
 */
export function mirrorTree(tree: Tree, source: string): SyntaxNode {
  const cursor = tree.walk();
  try {
    const builder = new MirrorBuilder(tree, source, cursor, tree.rootNode.hasError);
    const root = builder.node(null);
    const ancestors: MirrorNode[] = [];
    let current = root;
    for (;;) {
      const atLimit = ancestors.length >= MAX_SYNTAX_DEPTH;
      if (atLimit && cursor.currentNode.childCount > 0) builder.prune(current);
      if (!atLimit && cursor.gotoFirstChild()) {
        ancestors.push(current);
        current = builder.node(current);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return root;
        ancestors.pop();
      }
      current = builder.node(ancestors[ancestors.length - 1]!);
    }
  } finally {
    cursor.delete();
  }
}
