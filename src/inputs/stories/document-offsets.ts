/** Lines and offsets of a markdown document: text nodes over part of it, the line of an offset. */
import type { Nodes } from 'mdast';
import { lineIndexAt, lineStartsOf } from '../../line-starts.js';
import type { MarkdownDocument } from '../markdown/markdown-document.js';

const LINE_STARTS = new WeakMap<MarkdownDocument, number[]>();

function lineStarts(document: MarkdownDocument): number[] {
  let starts = LINE_STARTS.get(document);
  if (!starts) {
    starts = lineStartsOf(document.source);
    LINE_STARTS.set(document, starts);
  }
  return starts;
}

/** A text node spanning `start`..`end` of the document's source, for reading the messages of part of a block. */
export function rangeNode(start: number, end: number): Nodes {
  return { type: 'text', value: '', position: { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: Math.max(start, end) } } };
}

/** A text node spanning document lines `first`..`last` (1-based). */
export function linesNode(document: MarkdownDocument, first: number, last: number): Nodes {
  const starts = lineStarts(document);
  return rangeNode(starts[first - 1] ?? document.source.length, (starts[last] ?? document.source.length + 1) - 1);
}

/** The 1-based line of an offset in the document (line starts found once, then searched). */
export function lineAt(document: MarkdownDocument, offset: number): number {
  return lineIndexAt(lineStarts(document), offset) + 1;
}
