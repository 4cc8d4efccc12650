/** Modules at least this long are compiled in pieces (see python/compile_server.py); smaller ones whole, as always. */
export const PIECES_FROM_CHARS = 128 * 1024;
/** About how long each piece is: the compiler's cost per piece grows faster than its length. */
const PIECE_CHARS = 16 * 1024;

const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
/** `(`, `[` and `{`; the scan stops at no other bracket but their closers. */
const OPENERS = [0x28, 0x5b, 0x7b];

/** What the scan stops at outside strings; everything else is skipped by the regular expression's own loop. */
const OUTSIDE_STRINGS = /["'#\\\n()[\]{}]/g;
/** What it stops at inside a string, by its quote. */
const INSIDE_STRINGS: Record<string, RegExp> = { '"': /["\\\n]/g, "'": /['\\\n]/g };
/** A line that starts a statement in column 1 (not blank, indented or a comment). */
const STATEMENT_START = /[^ \t\f\r\n#]/y;

/** Index just past the string literal whose opening quote is at `start` (a one-line string ends at its line's end, closed or not). */
function skipString(source: string, start: number): number {
  const quote = source[start]!;
  const triple = source[start + 1] === quote && source[start + 2] === quote;
  const stops = INSIDE_STRINGS[quote]!;
  stops.lastIndex = start + (triple ? 3 : 1);
  while (stops.test(source)) {
    const index = stops.lastIndex - 1;
    const code = source.charCodeAt(index);
    if (code === BACKSLASH) stops.lastIndex = index + 2;
    else if (!triple) return code === NEWLINE ? index : index + 1;
    else if (code !== NEWLINE && source[index + 1] === quote && source[index + 2] === quote) return index + 3;
  }
  return source.length;
}

/** Where a module is cut: the line (1-based) each piece after the first starts on, and that line's offset. */
interface Cuts {
  lines: number[];
  offsets: number[];
}

/** The last module scanned and its cuts: the parse and the interpreter's compile cut the same module. */
let lastScan: { source: string; cuts: Cuts | null } | null = null;

/**
 * Lines (1-based) where a large module may be cut for the interpreter to compile it in pieces of
 * about PIECE_CHARS, or null for a module shorter than PIECES_FROM_CHARS. A cut goes before a line
 * that starts in column 1, outside brackets, strings and line continuations, as a light scan of
 * quotes, comments and brackets sees them. It is a guess, never a fact about the module: the
 * interpreter compiles the whole module whenever a piece fails to compile, so a wrong cut (an
 * f-string nesting quotes, say) costs time and never changes the verdict.
 */
export function compilePieceStarts(source: string): number[] | null {
  return cutsOf(source)?.lines ?? null;
}

/** The same cuts as offsets into `source` (UTF-16 code units), for tree-sitter to parse the module in pieces (mirror-walk.ts). */
export function pieceOffsets(source: string): number[] | null {
  return cutsOf(source)?.offsets ?? null;
}

function cutsOf(source: string): Cuts | null {
  if (source.length < PIECES_FROM_CHARS) return null;
  if (lastScan?.source !== source) lastScan = { source, cuts: scanCuts(source) };
  return lastScan.cuts;
}

/** 1-based line numbers of `offsets` (ascending), counting `\n` as tree-sitter and the compile server do. */
function linesAt(source: string, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let position = source.indexOf('\n');
  for (const offset of offsets) {
    for (; position >= 0 && position < offset; position = source.indexOf('\n', position + 1)) line++;
    lines.push(line);
  }
  return lines;
}

function scanCuts(source: string): Cuts | null {
  const offsets: number[] = [];
  let depth = 0;
  let lastCut = 0;
  let index = 0;
  while (index < source.length) {
    OUTSIDE_STRINGS.lastIndex = index;
    if (!OUTSIDE_STRINGS.test(source)) break;
    index = OUTSIDE_STRINGS.lastIndex - 1;
    const code = source.charCodeAt(index);
    if (code === NEWLINE) {
      index++;
      STATEMENT_START.lastIndex = index;
      if (depth === 0 && index - lastCut >= PIECE_CHARS && STATEMENT_START.test(source)) {
        offsets.push(index);
        lastCut = index;
      }
    } else if (code === HASH) {
      const end = source.indexOf('\n', index);
      index = end < 0 ? source.length : end;
    } else if (code === BACKSLASH) {
      // A continuation joins the next line to this one (its start is no cut); any other backslash is the compiler's to judge.
      index += source.startsWith('\r\n', index + 1) ? 3 : 2;
    } else if (code === QUOTE || code === APOSTROPHE) {
      index = skipString(source, index);
    } else {
      depth = OPENERS.includes(code) ? depth + 1 : Math.max(0, depth - 1);
      index++;
    }
  }
  return offsets.length > 0 ? { lines: linesAt(source, offsets), offsets } : null;
}
