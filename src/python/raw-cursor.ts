import type { Tree } from 'web-tree-sitter';

/**
 * The tree-cursor exports of web-tree-sitter's wasm module. Each takes the tree's address and
 * reads the cursor from the runtime's transfer buffer; the `goto` ones write the moved cursor back
 * there, and the others leave it as it is. So once a cursor sits in the buffer, a walk can call them
 * one after another, without the JS wrapper's copy of the cursor in and out of wasm memory on every
 * call (which cost more than the calls themselves).
 */
interface RawCursorExports {
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_named_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_delete_wasm(tree: number): void;
}

const NEEDED: ReadonlyArray<keyof RawCursorExports> = [
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_current_node_is_named_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_delete_wasm',
];

let exports: RawCursorExports | null = null;

/** Keeps the runtime's exports when all the ones a raw walk needs are there (another version may lack them). */
export function setRawCursorExports(runtime: Record<string, unknown>): void {
  exports = NEEDED.every((name) => typeof runtime[name] === 'function') ? (runtime as unknown as RawCursorExports) : null;
}

/** A cursor driven through the wasm exports; only valid while no other tree-sitter call is made. */
export interface RawCursor {
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  typeId(): number;
  isNamed(): boolean;
  fieldId(): number;
  startIndex(): number;
  endIndex(): number;
}

/**
 * Walks `tree` with a raw cursor at its root and deletes the cursor afterwards; null when the
 * runtime's exports are not at hand (the caller then walks with web-tree-sitter's TreeCursor).
 * `walk` must not call anything else of tree-sitter, since that reuses the transfer buffer.
 */
export function withRawCursor<T>(tree: Tree, walk: (cursor: RawCursor) => T): { value: T } | null {
  const raw = exports;
  if (!raw) return null;
  const address = (tree as unknown as { 0: number })[0];
  if (typeof address !== 'number' || address === 0) return null;
  // `walk()` leaves the new cursor in the transfer buffer, where the raw calls find it; its JS
  // wrapper is not needed (the cursor is deleted from the buffer below).
  tree.walk();
  try {
    const cursor: RawCursor = {
      gotoFirstChild: () => raw._ts_tree_cursor_goto_first_child_wasm(address) === 1,
      gotoNextSibling: () => raw._ts_tree_cursor_goto_next_sibling_wasm(address) === 1,
      gotoParent: () => raw._ts_tree_cursor_goto_parent_wasm(address) === 1,
      typeId: () => raw._ts_tree_cursor_current_node_type_id_wasm(address),
      isNamed: () => raw._ts_tree_cursor_current_node_is_named_wasm(address) === 1,
      fieldId: () => raw._ts_tree_cursor_current_field_id_wasm(address),
      startIndex: () => raw._ts_tree_cursor_start_index_wasm(address),
      endIndex: () => raw._ts_tree_cursor_end_index_wasm(address),
    };
    return { value: walk(cursor) };
  } finally {
    // The buffer holds the cursor as the walk left it (its stack may have moved): delete that one,
    // not the wrapper's stale copy.
    raw._ts_tree_cursor_delete_wasm(address);
  }
}
