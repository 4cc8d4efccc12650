import { HAS_ERROR, type MirrorColumns, MISSING, NAMED } from './mirror-columns.js';

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
  /**
   * Unique within its tree, and the way to tell two nodes are one (a mirror hands out a new object
   * on every read). In a mirror it is the preorder number, so ids order nodes by source position;
   * live nodes (`partial` readers) carry tree-sitter's own id, which orders nothing.
   */
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

const NO_NODES: readonly MirrorNode[] = [];

/**
 * Deepest node a mirror holds (the module node is depth 0). Subtrees below are cut, so every
 * recursive reader of a mirror is bounded; real modules stay far below (the reference ones < 40),
 * and CPython itself refuses more than 200 nested brackets.
 */
export const MAX_SYNTAX_DEPTH = 300;

/** How many cut nodes a mirror remembers by position (the count is always exact). */
export const PRUNED_KEPT = 20;

/**
 * A mirrored tree: its columns, and what was cut. Node objects are made on every request and not
 * kept: readers hold few at a time, and a million nodes kept alive (with their child lists) cost
 * more in garbage collection than all the reading. So two requests for one node give two equal
 * objects: compare nodes by `id`, never by identity.
 */
class MirrorTree {
  /** Nodes at MAX_SYNTAX_DEPTH whose children were cut (the first few), and how many there were. */
  readonly pruned: number[] = [];
  prunedCount = 0;

  constructor(readonly columns: MirrorColumns) {}

  /** A node object for preorder number `index`. */
  node(index: number): MirrorNode {
    return new MirrorNode(this, index);
  }

  nodeOrNull(index: number): MirrorNode | null {
    return index < 0 ? null : new MirrorNode(this, index);
  }
}

class MirrorNode implements SyntaxNode {
  constructor(private readonly tree: MirrorTree, readonly id: number) {}

  get type(): string {
    return this.tree.columns.typeOf(this.id);
  }

  get isNamed(): boolean {
    return (this.tree.columns.flags[this.id]! & NAMED) !== 0;
  }

  get isMissing(): boolean {
    return (this.tree.columns.flags[this.id]! & MISSING) !== 0;
  }

  get hasError(): boolean {
    return (this.tree.columns.flags[this.id]! & HAS_ERROR) !== 0;
  }

  get startIndex(): number {
    return this.tree.columns.starts[this.id]!;
  }

  get endIndex(): number {
    return this.tree.columns.ends[this.id]!;
  }

  get text(): string {
    const { columns } = this.tree;
    return columns.text.slice(columns.starts[this.id], columns.ends[this.id]);
  }

  get startPosition(): Point {
    return this.tree.columns.point(this.startIndex);
  }

  get endPosition(): Point {
    return this.tree.columns.point(this.endIndex);
  }

  get parent(): MirrorNode | null {
    return this.tree.nodeOrNull(this.tree.columns.parents[this.id]!);
  }

  get children(): readonly MirrorNode[] {
    const { columns } = this.tree;
    const count = columns.childCounts[this.id]!;
    if (count === 0) return NO_NODES;
    const start = columns.childStarts[this.id]!;
    const nodes = new Array<MirrorNode>(count);
    for (let position = 0; position < count; position++) nodes[position] = new MirrorNode(this.tree, columns.childList[start + position]!);
    return nodes;
  }

  get namedChildren(): readonly MirrorNode[] {
    const { columns } = this.tree;
    const count = columns.childCounts[this.id]!;
    const start = columns.childStarts[this.id]!;
    let named = 0;
    for (let position = 0; position < count; position++) if (columns.flags[columns.childList[start + position]!]! & NAMED) named++;
    if (named === 0) return NO_NODES;
    const nodes = new Array<MirrorNode>(named);
    named = 0;
    for (let position = 0; position < count; position++) {
      const child = columns.childList[start + position]!;
      if (columns.flags[child]! & NAMED) nodes[named++] = new MirrorNode(this.tree, child);
    }
    return nodes;
  }

  get childCount(): number {
    return this.tree.columns.childCounts[this.id]!;
  }

  get namedChildCount(): number {
    const { columns } = this.tree;
    const count = columns.childCounts[this.id]!;
    const start = columns.childStarts[this.id]!;
    let named = 0;
    for (let position = 0; position < count; position++) if (columns.flags[columns.childList[start + position]!]! & NAMED) named++;
    return named;
  }

  get previousSibling(): MirrorNode | null {
    const { columns } = this.tree;
    const parent = columns.parents[this.id]!;
    return parent < 0 ? null : this.tree.nodeOrNull(columns.childAt(parent, columns.indexInParent[this.id]! - 1));
  }

  get nextSibling(): MirrorNode | null {
    const { columns } = this.tree;
    const parent = columns.parents[this.id]!;
    if (parent < 0) return null;
    // As tree-sitter does: siblings ending where this node ends (empty blocks, MISSING tokens) are passed over.
    const end = columns.ends[this.id]!;
    for (let position = columns.indexInParent[this.id]! + 1; position < columns.childCounts[parent]!; position++) {
      const sibling = columns.childAt(parent, position);
      if (columns.ends[sibling]! > end) return this.tree.node(sibling);
    }
    return null;
  }

  child(index: number): MirrorNode | null {
    return this.tree.nodeOrNull(this.tree.columns.childAt(this.id, index));
  }

  namedChild(index: number): MirrorNode | null {
    const { columns } = this.tree;
    const count = columns.childCounts[this.id]!;
    const start = columns.childStarts[this.id]!;
    let named = 0;
    for (let position = 0; position < count; position++) {
      const child = columns.childList[start + position]!;
      if (columns.flags[child]! & NAMED && named++ === index) return new MirrorNode(this.tree, child);
    }
    return null;
  }

  childForFieldName(fieldName: string): MirrorNode | null {
    // tree-sitter reads fields from the node's own production, and an ERROR node has none.
    if (this.type === 'ERROR') return null;
    const { columns } = this.tree;
    for (let position = 0; position < columns.childCounts[this.id]!; position++) {
      const child = columns.childAt(this.id, position);
      if (columns.fieldNames[columns.fieldIds[child]!] === fieldName) return this.tree.node(child);
    }
    // tree-sitter also finds a match's case clauses through its aliased body block.
    if (this.type === 'match_statement' && fieldName === 'alternative') return this.childForFieldName('body')?.childForFieldName(fieldName) ?? null;
    return null;
  }

  childrenForFieldName(fieldName: string): MirrorNode[] {
    const { columns } = this.tree;
    const found: MirrorNode[] = [];
    for (let position = 0; position < columns.childCounts[this.id]!; position++) {
      const child = columns.childAt(this.id, position);
      if (columns.fieldNames[columns.fieldIds[child]!] === fieldName) found.push(this.tree.node(child));
    }
    return found;
  }

  fieldNameForChild(index: number): string | null {
    const { columns } = this.tree;
    const child = columns.childAt(this.id, index);
    return child < 0 ? null : columns.fieldNames[columns.fieldIds[child]!] ?? null;
  }

  /** Nodes of this mirror whose subtrees were cut at MAX_SYNTAX_DEPTH (the first few) and their count. */
  get prunedSubtrees(): { nodes: readonly MirrorNode[]; count: number } {
    return { nodes: this.tree.pruned.map((index) => this.tree.node(index)), count: this.tree.prunedCount };
  }

  descendantsOfType(types: string | readonly string[]): MirrorNode[] {
    const { columns } = this.tree;
    const wanted = new Set(typeof types === 'string' ? [types] : types);
    const lists = columns.listsOfTypes(wanted);
    // Preorder numbers: the subtree of this node is the range (id, end of its last descendant].
    const last = this.lastDescendant();
    const found: number[] = [];
    for (const list of lists) {
      for (let at = lowerBound(list, this.id); at < list.length && list[at]! <= last; at++) {
        // web-tree-sitter searches from point (0, 0) and skips nodes ending there.
        if (columns.ends[list[at]!] !== 0) found.push(list[at]!);
      }
    }
    if (lists.length > 1) found.sort((left, right) => left - right);
    return found.map((index) => this.tree.node(index));
  }

  /** Preorder number of the last node in this node's subtree. */
  private lastDescendant(): number {
    const { columns } = this.tree;
    let index = this.id;
    while (columns.childCounts[index]! > 0) index = columns.childAt(index, columns.childCounts[index]! - 1);
    return index;
  }
}

/** First position in a sorted list holding a value ≥ `value`. */
function lowerBound(list: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Nodes whose subtrees a mirror cut at MAX_SYNTAX_DEPTH (the first few) and how many; none for other trees. */
export function prunedSubtrees(root: SyntaxNode): { nodes: readonly SyntaxNode[]; count: number } {
  return root instanceof MirrorNode ? root.prunedSubtrees : { nodes: [], count: 0 };
}

/** The root node of a mirror built in `columns` (see mirror-walk.ts), with the first few cut nodes and how many were cut. */
export function mirrorRoot(columns: MirrorColumns, pruned: readonly number[], prunedCount: number): SyntaxNode {
  const tree = new MirrorTree(columns);
  tree.pruned.push(...pruned);
  tree.prunedCount = prunedCount;
  return tree.node(0);
}
