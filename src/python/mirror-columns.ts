import { lineIndexAt, lineStartsOf } from '../line-starts.js';
import type { Point } from './syntax-node.js';

/** Node flags, one bit each. */
export const NAMED = 1;
export const MISSING = 2;
export const HAS_ERROR = 4;

/** Room for this many nodes at first, when the count is not known; a module has about one node per two characters. */
const estimatedCapacity = (text: string): number => Math.max(1024, text.length >> 1);

function grown<T extends Int32Array | Uint16Array | Uint8Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

/**
 * A parsed tree held in typed arrays, one column per fact, indexed by preorder number. A tree of a
 * million nodes is a few dozen megabytes the garbage collector never has to trace or copy, where
 * one object per node cost more in collection than the parse itself.
 */
export class MirrorColumns {
  count = 0;
  typeIds: Uint16Array;
  flags: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  parents: Int32Array;
  /** Field id of each node in its parent's production (0: none). */
  fieldIds: Uint16Array;
  /** Position of each node among its parent's children. */
  indexInParent: Int32Array;
  childCounts: Int32Array;
  /** Where each node's children start in `childList` (filled by `finish`). */
  childStarts: Int32Array = new Int32Array(0);
  /** Every node's children, in order, one parent after another. */
  childList: Int32Array = new Int32Array(0);
  /** Preorder numbers of the nodes of each type name (several type ids can share a name), made on first use. */
  private byName: Map<string, Int32Array[]> | null = null;
  private readonly lines: number[];

  /** `capacity`: the number of nodes, when known (the columns grow past it otherwise). */
  constructor(readonly text: string, readonly types: readonly string[], readonly fieldNames: ReadonlyArray<string | null>, capacity = estimatedCapacity(text)) {
    capacity = Math.max(1, capacity);
    this.typeIds = new Uint16Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.parents = new Int32Array(capacity);
    this.fieldIds = new Uint16Array(capacity);
    this.indexInParent = new Int32Array(capacity);
    this.childCounts = new Int32Array(capacity);
    // tree-sitter counts rows by `\n` only.
    this.lines = lineStartsOf(text);
  }

  /** Appends a node under `parent` (-1 for the root) and returns its preorder number. */
  add(typeId: number, flags: number, start: number, end: number, parent: number, fieldId: number): number {
    const index = this.count;
    if (index === this.typeIds.length) this.grow();
    this.typeIds[index] = typeId;
    this.flags[index] = flags;
    this.starts[index] = start;
    this.ends[index] = end;
    this.parents[index] = parent;
    this.fieldIds[index] = fieldId;
    if (parent >= 0) this.indexInParent[index] = this.childCounts[parent]!++;
    this.count = index + 1;
    return index;
  }

  /** Lays the children out by parent, once every node is in. */
  finish(): void {
    const { count, childCounts, parents, indexInParent } = this;
    this.childStarts = new Int32Array(count);
    let offset = 0;
    for (let index = 0; index < count; index++) {
      this.childStarts[index] = offset;
      offset += childCounts[index]!;
    }
    this.childList = new Int32Array(offset);
    for (let index = 1; index < count; index++) this.childList[this.childStarts[parents[index]!]! + indexInParent[index]!] = index;
  }

  /** The preorder lists of the nodes of each of `types`, one list per type id. */
  listsOfTypes(types: ReadonlySet<string>): Int32Array[] {
    const byName = (this.byName ??= this.listsByName());
    const found: Int32Array[] = [];
    for (const type of types) found.push(...(byName.get(type) ?? []));
    return found;
  }

  /**
   * Every node's preorder number, grouped by type id in one counting sort (each group stays in
   * preorder), as views by type name: typed arrays, which the garbage collector never traces.
   */
  private listsByName(): Map<string, Int32Array[]> {
    const { count, typeIds } = this;
    const starts = new Int32Array(65_537);
    for (let index = 0; index < count; index++) starts[typeIds[index]! + 1]!++;
    for (let typeId = 1; typeId < starts.length; typeId++) starts[typeId]! += starts[typeId - 1]!;
    const sorted = new Int32Array(count);
    const next = starts.slice(0, 65_536);
    for (let index = 0; index < count; index++) sorted[next[typeIds[index]!]!++] = index;
    const byName = new Map<string, Int32Array[]>();
    for (let typeId = 0; typeId < 65_536; typeId++) {
      if (starts[typeId + 1] === starts[typeId]) continue;
      const list = sorted.subarray(starts[typeId], starts[typeId + 1]);
      const name = this.types[typeId] || 'ERROR';
      const lists = byName.get(name);
      if (lists) lists.push(list);
      else byName.set(name, [list]);
    }
    return byName;
  }

  typeOf(index: number): string {
    return this.types[this.typeIds[index]!] || 'ERROR';
  }

  /** The preorder number of child `position` of `index`, or -1. */
  childAt(index: number, position: number): number {
    return position >= 0 && position < this.childCounts[index]! ? this.childList[this.childStarts[index]! + position]! : -1;
  }

  point(index: number): Point {
    const row = lineIndexAt(this.lines, index);
    return { row, column: index - this.lines[row]! };
  }

  private grow(): void {
    const capacity = this.typeIds.length * 2;
    this.typeIds = grown(this.typeIds, capacity);
    this.flags = grown(this.flags, capacity);
    this.starts = grown(this.starts, capacity);
    this.ends = grown(this.ends, capacity);
    this.parents = grown(this.parents, capacity);
    this.fieldIds = grown(this.fieldIds, capacity);
    this.indexInParent = grown(this.indexInParent, capacity);
    this.childCounts = grown(this.childCounts, capacity);
  }
}
