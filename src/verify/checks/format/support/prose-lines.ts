import type { PythonModule } from '../../../../python/python-model.js';

/** Python keywords (and the Python 2 `print` statement): a line that starts with one is code. */
const CODE_STARTERS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'print', 'match', 'case',
]);

/** A word of prose: letters with apostrophes or hyphens, maybe wrapped in quotes, backticks, emphasis or punctuation. */
const WORD = /^[("'`*_]*[A-Za-z][A-Za-z'’-]*[)"'`*_.,:;!?]*$/;
/** Markdown list bullets, numbered items and block quotes in front of a sentence. */
const LINE_MARKER = /^(?:[-*+]\s+|\d+[.)]\s+|>\s+)/;
/** Expression statements that real code starts with; bare names and tuples are what prose parses as. */
const CODE_EXPRESSIONS = new Set(['string', 'concatenated_string', 'assignment', 'augmented_assignment', 'call', 'await']);
/** Minimum words in a sentence that does not end like one. */
const MIN_SENTENCE_WORDS = 3;
/** Share of tokens that must be plain words. */
const MIN_WORD_SHARE = 0.6;

/** Whether a line reads as natural-language text rather than (broken) Python. */
export function looksLikeProse(line: string): boolean {
  // Inline code in backticks (`add_item()`) is a word of the sentence, whatever it holds.
  const text = line.trim().replace(LINE_MARKER, '').replace(/`[^`]+`/g, 'code');
  // Assignments, braces and calls (`name(`) are code; prose puts a space before its parentheses.
  if (!/^[*_`"(]*[A-Za-z]/.test(text) || /[={}]|\w\(/.test(text)) return false;
  const tokens = text.split(/\s+/);
  const first = (tokens[0] ?? '').replace(/[^A-Za-z_]/g, '');
  if (CODE_STARTERS.has(first)) return false;
  const words = tokens.filter((token) => WORD.test(token)).length;
  if (words !== tokens.length && words / tokens.length < MIN_WORD_SHARE) return false;
  if (tokens.length >= MIN_SENTENCE_WORDS) return true;
  // Short lines count only when they look like a heading or a sentence ("Explanation:", "Hope this helps!").
  return words === tokens.length && /^[*_`"(]*[A-Z]/.test(text) && /[.!?:]\W*$/.test(text);
}

function sortedLines(lines: number[]): number[] {
  return lines.sort((left, right) => left - right);
}

/** Whether sorted `lines` hold one in `first`..`last` (binary search). */
function anyLineIn(lines: readonly number[], first: number, last: number): boolean {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lines[middle]! < first) low = middle + 1;
    else high = middle;
  }
  return low < lines.length && lines[low]! <= last;
}

/** Whether a line is a markdown code fence. */
export function isFenceLine(line: string): boolean {
  return line.trimStart().startsWith('```');
}

/** A run of lines outside the code, and the prose lines found in it. */
export interface ProseRegion {
  where: 'before' | 'between' | 'after';
  firstLine: number;
  lastLine: number;
  proseLines: number[];
}

function isAnchor(statement: PythonModule['statements'][number], hasByteOrderMark: boolean): boolean {
  // Top-level code starts in column 1 (2 after a byte-order mark); a "statement" that starts
  // mid-line is the tail of a sentence.
  const startColumn = statement.line === 1 && hasByteOrderMark ? 2 : 1;
  if (statement.hasError || statement.type === 'ERROR' || statement.column !== startColumn) return false;
  return statement.type !== 'expression_statement' || CODE_EXPRESSIONS.has(statement.expression ?? '');
}

/**
 * The text before the first clean statement of real code, between two of them, and after the last
 * one, when it does not parse
 * (tree-sitter's error nodes, or the line CPython's compile() stopped at), with the lines in it that
 * read as prose. Valid Python never yields a region: without a parse error in it, text around the
 * code can only be comments and blank lines.
 */
export function proseRegions(module: PythonModule, syntaxErrorLine: number | null = null): ProseRegion[] {
  // Lookups by sorted line numbers, not a scan per span or per line: a module has as many spans as statements.
  const errorLines = sortedLines(module.parseErrors.map((error) => error.line));
  const brokenLines = sortedLines([
    ...errorLines,
    ...module.statements.filter((statement) => statement.hasError).map((statement) => statement.line),
    ...(syntaxErrorLine !== null ? [syntaxErrorLine] : []),
  ]);
  // Only a span with a broken line in it can hold prose.
  if (brokenLines.length === 0) return [];
  const lines = module.source.split('\n');
  const hasByteOrderMark = module.source.charCodeAt(0) === 0xfeff;
  const anchors = module.statements.filter((statement) => isAnchor(statement, hasByteOrderMark));
  const lineCount = lines.length;
  const first = anchors[0];
  const last = anchors.at(-1);
  const spans: Array<Omit<ProseRegion, 'proseLines'>> = [];
  if (first && last) {
    spans.push({ where: 'before', firstLine: 1, lastLine: first.line - 1 });
    // Between two blocks of code: "Here is how to use it:" above a second fenced block.
    anchors.slice(1).forEach((anchor, index) => spans.push({ where: 'between', firstLine: (anchors[index]?.endLine ?? 0) + 1, lastLine: anchor.line - 1 }));
    spans.push({ where: 'after', firstLine: last.endLine + 1, lastLine: lineCount });
  } else spans.push({ where: 'before', firstLine: 1, lastLine: lineCount });
  const commentLines = new Set(module.comments.filter((comment) => lines[comment.line - 1]?.trimStart().startsWith('#')).map((comment) => comment.line));
  let continuationLines: Set<number> | null = null;
  const stringContinuation = (line: number): boolean => {
    if (!continuationLines) {
      continuationLines = new Set();
      for (const string of module.strings) {
        if (string.endLine <= string.line || anyLineIn(errorLines, string.line, string.endLine)) continue;
        for (let inside = string.line + 1; inside <= string.endLine; inside++) continuationLines.add(inside);
      }
    }
    return continuationLines.has(line);
  };
  const regions: ProseRegion[] = [];
  for (const span of spans) {
    if (span.lastLine < span.firstLine) continue;
    const broken = anyLineIn(brokenLines, span.firstLine, span.lastLine);
    if (!broken) continue;
    const proseLines: number[] = [];
    // Docstrings the parser could not close (a truncated module) are text, not prose around the code.
    let inDocstring = false;
    for (let line = span.firstLine; line <= span.lastLine; line++) {
      const text = lines[line - 1] ?? '';
      const tripleQuotes = (text.match(/"""|'''/g) ?? []).length;
      const skip = inDocstring || tripleQuotes > 0;
      if (tripleQuotes % 2 === 1) inDocstring = !inDocstring;
      if (skip || commentLines.has(line) || isFenceLine(text) || stringContinuation(line)) continue;
      if (looksLikeProse(text)) proseLines.push(line);
    }
    if (proseLines.length > 0) regions.push({ ...span, proseLines });
  }
  return regions;
}
