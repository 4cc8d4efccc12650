/**
 * The lines the signature harvester reads, made plain first: block-quote marks dropped (`> - \`f()\``
 * in a GitHub alert is a bullet), Sphinx roles (`:py:exc:\`X\``) written as code, and a very long
 * line (a wiki export, a whole section on one line) cut into its sentences, each a line of its own
 * that reports the original line number. Linear: each character is looked at a bounded number of times.
 */
import type { Harvest } from './harvest-signatures.js';

/** Lines longer than this are read sentence by sentence. */
const LONG_LINE = 1000;
/** No piece is read beyond this (the harvester's own bound). */
const MAX_PIECE = 4000;
const QUOTE_MARKS = /^ {0,3}(?:>[ \t]?)+/;
const SPHINX_ROLE = /:(?:py:)?(?:exc|class|meth|func|attr|mod|obj|data|const):`~?([^`\n]{1,200})`/g;

/** The prepared lines, their modes, and the original (0-based) line of each. */
export interface HarvestLines {
  lines: string[];
  modes: Uint8Array;
  lineOf: Int32Array;
}

/** Cuts a long line after each `. `, `; ` or `: ` outside code spans. */
function sentencesOf(line: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let inCode = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === '`') inCode = !inCode;
    else if (!inCode && (char === '.' || char === ';' || char === ':') && line[index + 1] === ' ' && index + 1 - start > 0) {
      pieces.push(line.slice(start, index + 1).trim());
      start = index + 2;
    }
    if (index + 1 - start >= MAX_PIECE) {
      pieces.push(line.slice(start, index + 1));
      start = index + 1;
      inCode = false;
    }
  }
  if (start < line.length) pieces.push(line.slice(start).trim());
  return pieces.filter((piece) => piece !== '');
}

/** Prepares the document's lines for the harvester; `modes` are per original line. */
export function harvestLines(source: string[], modes: Uint8Array): HarvestLines {
  const lines: string[] = [];
  const lineModes: number[] = [];
  const lineOf: number[] = [];
  source.forEach((raw, index) => {
    const mode = modes[index] ?? 0;
    if (mode !== 0) {
      lines.push(raw);
      lineModes.push(mode);
      lineOf.push(index);
      return;
    }
    let line = raw.replace(/\r$/, '');
    if (line.trimStart().startsWith('>')) line = line.replace(QUOTE_MARKS, '');
    if (line.includes(':`')) line = line.replace(SPHINX_ROLE, '`$1`');
    // A table row keeps its cells together, however long its descriptions.
    for (const piece of line.length > LONG_LINE && !line.trimStart().startsWith('|') ? sentencesOf(line) : [line]) {
      lines.push(piece);
      lineModes.push(mode);
      lineOf.push(index);
    }
  });
  return { lines, modes: Uint8Array.from(lineModes), lineOf: Int32Array.from(lineOf) };
}

/** The harvest with every line number (1-based) turned back into the original document's. */
export function originalLines(harvest: Harvest, lineOf: Int32Array): Harvest {
  const original = (line: number) => (line >= 1 && line <= lineOf.length ? lineOf[line - 1]! + 1 : line);
  for (const item of [...harvest.signatures, ...harvest.classes, ...harvest.mentions, ...harvest.models]) item.line = original(item.line);
  return harvest;
}
