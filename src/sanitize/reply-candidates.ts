import { looksLikeCodeStart, looksLikeContinuation } from './code-start.js';
import type { FencedBlock } from './find-fenced-blocks.js';

/** One way of reading the module out of a reply; lines are 1-based in the reply. */
export interface Candidate {
  origin: 'raw' | 'fenced-block' | 'outermost-fence' | 'joined-blocks';
  code: string;
  /** Reply lines that became code. */
  keptLines: Set<number>;
  /** Fence lines belonging to the chosen block(s). */
  fenceLines: Set<number>;
  /** Higher wins an exact tie. */
  priority: number;
}

/** Trailing prose paragraphs tried as cut points; replies rarely end with more. */
const MAX_PROSE_CUTS = 8;

const PYTHON_LANGUAGES = new Set(['', 'python', 'py', 'python3', 'py3', 'python3.10', 'python3.11', 'python3.12', 'python3.13']);

/** Whether a block's label says it holds Python source (not a shell session, JSON, a doctest...). */
export function isPythonBlock(block: FencedBlock): boolean {
  return PYTHON_LANGUAGES.has(block.language) || block.language.endsWith('.py');
}

function range(start: number, end: number): Set<number> {
  const lines = new Set<number>();
  for (let line = start; line <= end; line++) lines.add(line);
  return lines;
}

function withNewline(text: string): string {
  const trimmed = text.replace(/\s+$/, '');
  return trimmed === '' ? '' : `${trimmed}\n`;
}

/** One candidate per fenced block (later blocks win ties: models put corrections last). */
export function blockCandidates(blocks: readonly FencedBlock[]): Candidate[] {
  const python = blocks.filter(isPythonBlock);
  return (python.length > 0 ? python : blocks).map((block, index) => ({
    origin: 'fenced-block',
    code: withNewline(block.content),
    keptLines: range(block.startLine + 1, block.closed ? block.endLine - 1 : block.endLine),
    fenceLines: new Set(block.closed ? [block.startLine, block.endLine] : [block.startLine]),
    priority: 100 + index,
  }));
}

/**
 * From the first Python fence to the reply's last closing fence: rescues a module whose docstring
 * holds a bare ``` line, which ends the first block early.
 */
export function outermostCandidate(lines: readonly string[], blocks: readonly FencedBlock[]): Candidate | null {
  const first = blocks.find(isPythonBlock);
  const last = blocks.at(-1);
  if (!first || !last || last === first || !last.closed) return null;
  const bare = new RegExp(`^ {0,3}\\${first.fence[0]}{${first.fence.length},}[ \\t]*$`);
  let end = lines.length;
  while (end > last.startLine && !bare.test(lines[end - 1]!)) end--;
  if (end <= first.endLine) return null;
  // A labelled fence inside means a second block (tests, usage), not a docstring's example.
  if (blocks.some((block) => block.startLine > first.startLine && block.startLine < end && block.info !== '')) return null;
  return {
    origin: 'outermost-fence',
    code: withNewline(lines.slice(first.startLine, end - 1).join('\n')),
    keptLines: range(first.startLine + 1, end - 1),
    fenceLines: new Set([first.startLine, end]),
    priority: 50,
  };
}

/** All Python blocks joined, for a module split over several blocks with distinct definitions. */
export function joinedCandidate(blocks: readonly FencedBlock[]): Candidate | null {
  const python = blocks.filter(isPythonBlock);
  if (python.length < 2) return null;
  const keptLines = new Set<number>();
  const fenceLines = new Set<number>();
  for (const block of python) {
    for (const line of range(block.startLine + 1, block.closed ? block.endLine - 1 : block.endLine)) keptLines.add(line);
    fenceLines.add(block.startLine);
    if (block.closed) fenceLines.add(block.endLine);
  }
  return { origin: 'joined-blocks', code: withNewline(python.map((block) => block.content).join('\n\n')), keptLines, fenceLines, priority: 10 };
}

/** Start of each trailing column-0 paragraph that does not look like code, last first. */
function trailingProseStarts(lines: readonly string[], from: number, to: number): number[] {
  const starts: number[] = [];
  for (let index = to - 1; index > from; index--) {
    const line = lines[index]!;
    if (line.trim() === '' || /^\s/.test(line) || (lines[index - 1] ?? '').trim() !== '') continue;
    if (looksLikeCodeStart(line) || looksLikeContinuation(line)) break;
    starts.push(index);
  }
  return starts;
}

/**
 * The whole reply as code, prose before the first code-looking line removed. Trailing prose
 * paragraphs are cut points; the cut that leaves the fewest parse errors wins (the latest on a tie).
 */
export async function rawCandidate(lines: readonly string[], countErrors: (code: string) => Promise<number>, firstFenceLine?: number): Promise<Candidate | null> {
  const start = lines.findIndex((line) => looksLikeCodeStart(line));
  if (start < 0 || (firstFenceLine !== undefined && start + 1 > firstFenceLine)) return null;
  let end = lines.length;
  let errors = await countErrors(lines.slice(start, end).join('\n'));
  for (const cut of trailingProseStarts(lines, start, end).slice(0, MAX_PROSE_CUTS)) {
    if (errors === 0) break;
    const cutErrors = await countErrors(lines.slice(start, cut).join('\n'));
    if (cutErrors < errors) {
      end = cut;
      errors = cutErrors;
    }
  }
  return { origin: 'raw', code: withNewline(lines.slice(start, end).join('\n')), keptLines: range(start + 1, end), fenceLines: new Set(), priority: 20 };
}
