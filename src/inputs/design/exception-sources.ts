import type { Table } from 'mdast';
import { readTable } from '../markdown/markdown-document.js';
import { BUILTIN_EXCEPTIONS } from './exception-lines.js';

/** An exception named outside code: in a table or a hierarchy drawing. */
export interface DeclaredException {
  name: string;
  base: string | null;
  codes: string[];
  line: number;
}

/** "`*_NOT_FOUND`: `NotFoundError`": error codes (globs allowed) that an exception class carries. */
export interface CodeMapping {
  /** Code globs such as `*_REQUIRED`; empty for a catch-all ("other codes: `X`"). */
  patterns: string[];
  exception: string;
  line: number;
}

const EXCEPTION_NAME = /^[A-Z]\w*(Error|Exception|Failure|Fault)$/;

/** Whether a name reads like an exception class. */
export function looksLikeExceptionName(name: string): boolean {
  return EXCEPTION_NAME.test(name);
}

const EXCEPTION_COLUMN = /^(exception|exception class|error class|class|excepci[oó]n|exce[cç][aã]o|clase|classe)$/i;
const BASE_COLUMN = /^(base|base class|parent|inherits( from)?|extends|superclass|hereda de|herda de|h[ée]rite de|clase base|classe base|classe m[eè]re)$/i;

const NAME_COLUMN = /^(name|nombre|nome|nom)$/i;
const EXCEPTIONS_HEADING = /\b(?:exceptions?|errors?|excepci[oó]n(?:es)?|errores|exce[cç](?:[aã]o|[oõ]es)|erros|erreurs|eccezioni|errori)\b/i;

/** Whether a table lists exceptions (`| Exception | Base | Codes | When |`; `| Name | Base |` under an exceptions heading). */
export function isExceptionTable(header: string[], section = ''): boolean {
  const named = header.some((cell) => EXCEPTION_COLUMN.test(cell.trim())) || (EXCEPTIONS_HEADING.test(section) && header.some((cell) => NAME_COLUMN.test(cell.trim())));
  return named && header.some((cell) => BASE_COLUMN.test(cell.trim()));
}

/** Reads an exception table into names, bases and codes. */
export function readExceptionTable(table: Table): DeclaredException[] {
  const { header, rows } = readTable(table);
  const index = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell.trim()));
  const nameColumn = index(EXCEPTION_COLUMN) >= 0 ? index(EXCEPTION_COLUMN) : index(NAME_COLUMN);
  const baseColumn = index(BASE_COLUMN);
  const codeColumn = index(/^(error )?codes?$/i);
  return rows
    .map((row) => ({
      name: (row.cells[nameColumn] ?? '').replace(/[`()]/g, '').trim(),
      base: (row.cells[baseColumn] ?? '').replace(/[`()]/g, '').trim() || null,
      codes: codeColumn >= 0 ? (row.cells[codeColumn] ?? '').split(/[,\s]+/).map((code) => code.replace(/`/g, '')).filter((code) => /^[A-Z][A-Z0-9_]+$/.test(code)) : [],
      line: row.line,
    }))
    .filter((entry) => /^[A-Za-z_]\w*$/.test(entry.name));
}

/**
 * Reads prose like "`*_REQUIRED`, `INVALID_*`: `ValidationError`; other codes → `LibraryError`"
 * from a paragraph's markdown source.
 */
export function readCodeMappings(markdown: string, line: number): CodeMapping[] {
  const mappings: CodeMapping[] = [];
  for (const segment of markdown.split(/;|\.\s+(?=[A-Z`])|\n\s*[-*]\s/)) {
    const spans = [...segment.matchAll(/`([^`]+)`/g)].map((match) => match[1]!.trim());
    const exception = spans[spans.length - 1];
    if (!exception || !looksLikeExceptionName(exception) || !/(:|→|->|=>|—|–)\s*`[^`]+`\s*\.?\s*$/.test(segment.trim())) continue;
    const patterns = spans.slice(0, -1).filter((span) => /^[A-Z0-9_*]+$/.test(span) && /[A-Z]/.test(span));
    if (patterns.length === 0 && !/\bother\b|\bremaining\b|\ball others\b|\bany other\b/i.test(segment)) continue;
    mappings.push({ patterns, exception, line });
  }
  return mappings;
}

/** Whether a code glob (`*_NOT_FOUND`, `INVALID_*`, `ALREADY_RETURNED`) covers a code. */
export function codeMatches(pattern: string, code: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[A-Z0-9_]*');
  return new RegExp(`^${source}$`).test(code);
}

/**
 * Reads an exception hierarchy drawn as a tree in a plain code block:
 * `LedgerError` / `├── ValidationError` / `│   └── AmountError`. Returns [] for other trees.
 */
export function readHierarchyTree(text: string, firstLine: number): DeclaredException[] {
  const entries: Array<DeclaredException & { root: number }> = [];
  const stack: Array<{ depth: number; name: string; entry: number }> = [];
  text.split('\n').forEach((raw, index) => {
    const match = /^([\s│|├└─`+\\-]*)\s*([A-Za-z_]\w*)\s*(\(([\w.]+)\))?/.exec(raw);
    if (!match || raw.trim() === '') return;
    const depth = match[1]!.length;
    const name = match[2]!;
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    const base = match[4] ?? parent?.name ?? null;
    entries.push({ name, base, codes: [], line: firstLine + index, root: parent ? entries[parent.entry]!.root : entries.length });
    stack.push({ depth, name, entry: entries.length - 1 });
  });
  // Under a root that is an exception (`LeagueError`, or `Root (Exception)`), every branch is one, whatever its name (`GameOver`).
  // A tree drawn from Python's own class (`Exception`, then `└── KilnError`) roots at it too; the built-in is a base, not declared.
  const exceptionRoot = (entry: DeclaredException) => looksLikeExceptionName(entry.name) || BUILTIN_EXCEPTIONS.has(entry.name) || (entry.base !== null && looksLikeExceptionName(entry.base.split('.').pop()!));
  const exceptions = entries.filter((entry) => looksLikeExceptionName(entry.name) || BUILTIN_EXCEPTIONS.has(entry.name) || exceptionRoot(entries[entry.root]!));
  if (exceptions.length < 2 || exceptions.length < entries.length - 1) return [];
  return exceptions.filter((entry) => !BUILTIN_EXCEPTIONS.has(entry.name)).map(({ root: _root, ...entry }) => entry);
}
