import type { Tree, TreeCursor } from 'web-tree-sitter';
import { MirrorColumns, MISSING, HAS_ERROR, NAMED } from './mirror-columns.js';
import { withRawCursor, type RawCursor } from './raw-cursor.js';
import { MAX_SYNTAX_DEPTH, mirrorRoot, PRUNED_KEPT, type SyntaxNode } from './syntax-node.js';

/** What the mirror needs of a node in a broken tree, read through web-tree-sitter's own node. */
type ErrorFacts = () => { isMissing: boolean; hasError: boolean };

/** The nodes cut at MAX_SYNTAX_DEPTH so far: the first few, and how many. */
interface Pruning {
  nodes: number[];
  count: number;
}

/**
 * Where a walk puts what it mirrors: `under` -1 mirrors the walk's root as the mirror's root; a
 * node's number mirrors the root's children under that node instead (a piece of a module, whose
 * own root stands for the module's). `offset` is added to every position.
 */
interface Place {
  under: number;
  offset: number;
}

const AS_ROOT: Place = { under: -1, offset: 0 };

/** Walks the tree under `cursor` in preorder and mirrors every node down to MAX_SYNTAX_DEPTH into `columns`. */
function mirrorWith(columns: MirrorColumns, cursor: RawCursor, errorFacts: ErrorFacts | null, pruning: Pruning, place: Place = AS_ROOT): void {
  const namedByType: Array<number | undefined> = [];
  const { offset } = place;
  const add = (parent: number): number => {
    const typeId = cursor.typeId();
    let flags = namedByType[typeId];
    if (flags === undefined) {
      flags = cursor.isNamed() ? NAMED : 0;
      namedByType[typeId] = flags;
    }
    const real = errorFacts?.();
    if (real) flags |= (real.isMissing ? MISSING : 0) | (real.hasError ? HAS_ERROR : 0);
    return columns.add(typeId, flags, cursor.startIndex() + offset, cursor.endIndex() + offset, parent, parent < 0 ? 0 : cursor.fieldId());
  };
  const ancestors = new Int32Array(MAX_SYNTAX_DEPTH + 1);
  let depth = 0;
  let current: number;
  if (place.under < 0) current = add(-1);
  else {
    if (!cursor.gotoFirstChild()) return;
    ancestors[depth++] = place.under;
    current = add(place.under);
  }
  for (;;) {
    if (depth >= MAX_SYNTAX_DEPTH) {
      if (cursor.gotoFirstChild()) {
        if (pruning.nodes.length < PRUNED_KEPT) pruning.nodes.push(current);
        pruning.count++;
        cursor.gotoParent();
      }
    } else if (cursor.gotoFirstChild()) {
      ancestors[depth++] = current;
      current = add(current);
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return;
      depth--;
    }
    current = add(ancestors[depth - 1]!);
  }
}

/** web-tree-sitter's TreeCursor seen as a RawCursor (slower: it copies the cursor in and out of wasm on every call). */
function wrapperCursor(cursor: TreeCursor): RawCursor {
  return {
    gotoFirstChild: () => cursor.gotoFirstChild(),
    gotoNextSibling: () => cursor.gotoNextSibling(),
    gotoParent: () => cursor.gotoParent(),
    typeId: () => cursor.nodeTypeId,
    isNamed: () => cursor.nodeIsNamed,
    fieldId: () => cursor.currentFieldId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
  };
}

/** Mirrors `tree` into `columns` at `place`, through the raw cursor when it can (an error-free tree). */
function mirrorInto(tree: Tree, columns: MirrorColumns, pruning: Pruning, place: Place = AS_ROOT): void {
  const hasErrors = tree.rootNode.hasError;
  if (!hasErrors && withRawCursor(tree, (cursor) => mirrorWith(columns, cursor, null, pruning, place))) return;
  // A broken tree needs each node's MISSING and error flags, read through web-tree-sitter's node.
  const treeCursor = tree.walk();
  try {
    mirrorWith(columns, wrapperCursor(treeCursor), hasErrors ? () => treeCursor.currentNode : null, pruning, place);
  } finally {
    treeCursor.delete();
  }
}

/**
 * Copies a parsed tree into plain JS (typed arrays, see MirrorColumns) in one cursor walk; the tree
 * can be deleted afterwards. Children of nodes at MAX_SYNTAX_DEPTH are left out (see `prunedSubtrees`).
 */
export function mirrorTree(tree: Tree, source: string): SyntaxNode {
  // The exact node count (one wasm call) sizes the columns once: growing them copied every column.
  const columns = new MirrorColumns(source, tree.language.types, tree.language.fields, tree.rootNode.descendantCount);
  const pruning: Pruning = { nodes: [], count: 0 };
  mirrorInto(tree, columns, pruning);
  columns.finish();
  return mirrorRoot(columns, pruning.nodes, pruning.count);
}

/**
 * The mirror of `source` parsed piece by piece, cut at `cuts` (offsets where a top-level statement
 * starts in column 1, see compile-pieces.ts), or null when a piece does not parse cleanly (the
 * caller then parses the whole). Each piece's tree is deleted before the next is parsed, so the
 * parser's wasm memory is reused: a 1 MB module's tree took ~100 MB of fresh memory, ~25,000 page
 * faults that made the first parse in a process cost three times a later one. Cut where no
 * bracket, string or block is open, an error-free piece parses as it does within the whole module
 * (a test compares the two mirrors column by column).
 */
export function mirrorInPieces(parse: (text: string) => Tree, source: string, cuts: readonly number[]): SyntaxNode | null {
  let columns: MirrorColumns | null = null;
  const pruning: Pruning = { nodes: [], count: 0 };
  let rootEnd = 0;
  for (let piece = 0; piece <= cuts.length; piece++) {
    const start = piece === 0 ? 0 : cuts[piece - 1]!;
    const end = piece === cuts.length ? source.length : cuts[piece]!;
    const tree = parse(source.slice(start, end));
    try {
      if (tree.rootNode.hasError) return null;
      // Sized from the first piece's node count per character: growing the columns copies every one.
      columns ??= new MirrorColumns(source, tree.language.types, tree.language.fields, Math.ceil((tree.rootNode.descendantCount * source.length * 1.1) / Math.max(1, end - start)));
      mirrorInto(tree, columns, pruning, piece === 0 ? AS_ROOT : { under: 0, offset: start });
      rootEnd = tree.rootNode.endIndex + start;
    } finally {
      tree.delete();
    }
  }
  if (!columns) return null;
  columns.ends[0] = rootEnd;
  columns.finish();
  return mirrorRoot(columns, pruning.nodes, pruning.count);
}
