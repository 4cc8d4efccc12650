import type { FencedBlock } from './find-fenced-blocks.js';
import type { StrippedPart } from './module-expectation.js';
import type { Candidate } from './reply-candidates.js';

const PREVIEW_CHARS = 80;

function kindOf(line: number, candidate: Candidate, hidden: Set<number>, inBlock: Uint8Array): StrippedPart['kind'] {
  if (hidden.has(line)) return 'reasoning';
  if (candidate.fenceLines.has(line)) return 'fence';
  if (inBlock[line] === 1) return 'other-block';
  return 'prose';
}

/** Marks, by 1-based line, the lines of any fenced block: one pass, however many blocks a reply holds. */
function blockLines(lineCount: number, blocks: readonly FencedBlock[]): Uint8Array {
  const inBlock = new Uint8Array(lineCount + 2);
  for (const block of blocks) inBlock.fill(1, Math.max(block.startLine, 0), Math.min(block.endLine, lineCount + 1) + 1);
  return inBlock;
}

/** Whether the lines from index `from` up to `to` (exclusive) are all blank and none became code. */
function onlyBlankBetween(lines: readonly string[], from: number, to: number, keptLines: Set<number>): boolean {
  for (let index = from; index < to; index++) {
    if (lines[index]!.trim() !== '' || keptLines.has(index + 1)) return false;
  }
  return true;
}

/** Groups the reply's non-blank lines that did not become code into runs of one kind. */
export function strippedParts(lines: readonly string[], candidate: Candidate, hidden: Set<number>, blocks: readonly FencedBlock[]): StrippedPart[] {
  const parts: StrippedPart[] = [];
  const inBlock = blockLines(lines.length, blocks);
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    if (candidate.keptLines.has(line) || lines[index]!.trim() === '') continue;
    const kind = kindOf(line, candidate, hidden, inBlock);
    const last = parts.at(-1);
    const contiguous = last !== undefined && last.kind === kind && onlyBlankBetween(lines, last.endLine, index, candidate.keptLines);
    if (last && contiguous && kind !== 'fence') {
      last.endLine = line;
      continue;
    }
    parts.push({ kind, startLine: line, endLine: line, preview: lines[index]!.trim().slice(0, PREVIEW_CHARS) });
  }
  return parts;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line for people: what was removed from the reply. Empty when nothing was. */
export function describeStripped(parts: readonly StrippedPart[]): string {
  const linesOf = (kind: StrippedPart['kind']) =>
    parts.filter((part) => part.kind === kind).reduce((total, part) => total + part.endLine - part.startLine + 1, 0);
  const pieces: string[] = [];
  const fences = parts.filter((part) => part.kind === 'fence');
  if (fences.length > 0) pieces.push(`code fence (${fences[0]!.preview})`);
  if (linesOf('prose') > 0) pieces.push(`${plural(linesOf('prose'), 'line')} of prose`);
  const others = parts.filter((part) => part.kind === 'other-block').length;
  if (others > 0) pieces.push(`${plural(others, 'other code block')} (${linesOf('other-block')} lines)`);
  if (linesOf('reasoning') > 0) pieces.push(`${plural(linesOf('reasoning'), 'line')} of reasoning`);
  return pieces.length > 0 ? `removed ${pieces.join(', ')}` : '';
}
