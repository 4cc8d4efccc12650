/**
 * Designs written in reStructuredText or AsciiDoc inside a `.md` file: their headings, code blocks
 * and literals rewritten as the markdown reader expects, line for line (every item keeps its line).
 * - ReST: a title underlined (or over- and underlined) with `=`, `-`, `~`, `^`, `"`, `'`, `+`, `*`, `#`, `:`
 *   becomes an ATX heading, levels in the order the underline characters first appear; a
 *   `.. code-block:: python` (or `.. code::`, `.. sourcecode::`) directive and its indented body become a
 *   fence; ``literal`` becomes `literal`. Only when the document underlines a heading with a character
 *   markdown does not know (`~`, `^`, ...), which plain markdown never does.
 * - AsciiDoc: `== Section` lines become `## Section`, and a `[source,python]` block between `----` lines a
 *   fence. Only when the document has two such headings, one of them `==` or deeper.
 * - Markdown's own setext headings (a one-line paragraph underlined with `===` or `---`) become ATX
 *   headings, which the line-based readers know; HTML `<dt>`/`<li>` lines become bullets with `<code>`
 *   backticked; a link whose text is a code span becomes the code span. Emacs Org documents are rewritten by org-markup.ts, Jira and MediaWiki markup by
 *   wiki-markup.ts, a whole HTML export (Confluence's storage format) by html-document.ts, and an IEEE-style
 *   document's numbered paragraph titles (`2.2.3 return_key(…)`) become headings (numbered-paragraphs.ts).
 * Code fences of the markdown itself are left alone. Linear: each line is looked at a bounded number of times.
 */

import { isOrgDocument, rewriteOrg } from './org-markup.js';

import { hasXmlTags, rewriteXmlTags } from './xml-tags.js';
import { isHtmlDocument, rewriteHtmlDocument } from './html-document.js';
import { rewriteWikiMarkup, wikiMarkupOf } from './wiki-markup.js';
import { rewriteNumberedParagraphs } from './numbered-paragraphs.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const UNDERLINE = /^([=\-~^"'+*#:])\1{2,}\s*$/;
/** Underline characters markdown gives no meaning after a line of text (`***` and `___` are rules there). */
const MARKDOWN_UNKNOWN_UNDERLINE = /^([~^"'+:])\1{2,}\s*$/;
const ADOC_HEADING = /^(={1,6})\s+(\S.*)$/;
const ADOC_SOURCE = /^\[source\s*(?:,\s*([\w+-]+))?[^\]]*\]\s*$/i;
const RST_CODE = /^\.\.\s+(?:code-block|code|sourcecode)::\s*([\w+-]*)\s*$/;
const MAX_HEADING = 200;
const MARKDOWN_SETEXT = /^ {0,3}(={3,}|-{3,})\s*$/;
const HTML_ITEM = /^\s*<(?:dt|li)>/i;
const NOT_PARAGRAPH = /^\s*(?:[-*+>|#<]|\d{1,3}[.)]\s|```|~~~)/;
const MAX_LINE = 4000;
const CODE_LINK = /\[(`[^`\n]{1,300}`)\]\([^()\s]{0,500}\)/g;

/** Indices of lines inside the markdown's own fences (and the fence lines). */
function markdownFenced(lines: string[]): Uint8Array {
  const fenced = new Uint8Array(lines.length);
  let open: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    const fence = FENCE.exec(lines[index]!);
    if (open !== null) {
      fenced[index] = 1;
      if (fence && fence[1]![0] === open[0] && fence[1]!.length >= open.length && lines[index]!.trim() === fence[1]) open = null;
    } else if (fence && !(index > 0 && MARKDOWN_UNKNOWN_UNDERLINE.test(lines[index]!) && isUnderlineOf(lines[index]!, lines[index - 1]!))) {
      fenced[index] = 1;
      open = fence[1]!;
    }
  }
  return fenced;
}

/** reStructuredText's rule: an underline is at least as long as its title (`Example:` then `~~~` is a markdown fence). */
function isUnderlineOf(underline: string, title: string): boolean {
  const text = title.trim();
  return UNDERLINE.test(underline) && text !== '' && text.length <= MAX_HEADING && underline.trim().length >= text.length && !UNDERLINE.test(text) && !/^\s*(?:[-*+|>]|\d{1,3}[.)])\s/.test(title);
}

function rewriteRestructuredText(lines: string[], fenced: Uint8Array): void {
  const levels: string[] = [];
  for (let index = 1; index < lines.length; index++) {
    if (fenced[index] || fenced[index - 1] || !isUnderlineOf(lines[index]!, lines[index - 1]!)) continue;
    if (index >= 2 && lines[index - 2]!.trim() !== '' && !(index >= 2 && lines[index - 2]!.trim() === lines[index]!.trim())) continue;
    const char = lines[index]!.trim()[0]!;
    if (!levels.includes(char)) levels.push(char);
    const depth = Math.min(levels.indexOf(char) + 1, 6);
    lines[index - 1] = `${'#'.repeat(depth)} ${lines[index - 1]!.trim()}`;
    lines[index] = '';
    // An overline (`=====` above the title too) goes as well.
    if (index >= 2 && lines[index - 2]!.trim() === `${char.repeat(lines[index - 2]!.trim().length)}` && UNDERLINE.test(lines[index - 2]!)) lines[index - 2] = '';
  }
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    const directive = RST_CODE.exec(lines[index]!);
    if (directive) {
      index = fenceIndentedBody(lines, index, directive[1] || 'python');
      continue;
    }
    if (lines[index]!.includes('``')) lines[index] = lines[index]!.replace(/``([^`\n]{1,400}?)``/g, '`$1`');
  }
}

/** Turns a directive and its indented body into a fence; returns the last line it used. */
function fenceIndentedBody(lines: string[], at: number, language: string): number {
  let end = at + 1;
  let lastBody = -1;
  while (end < lines.length && (lines[end]!.trim() === '' || /^\s/.test(lines[end]!))) {
    if (lines[end]!.trim() !== '') lastBody = end;
    end++;
  }
  if (lastBody < 0) return at;
  const closing = lastBody + 1 < lines.length ? lastBody + 1 : -1;
  if (closing >= 0 && lines[closing]!.trim() !== '') return at;
  let indent = Infinity;
  for (let index = at + 1; index <= lastBody; index++) if (lines[index]!.trim() !== '') indent = Math.min(indent, lines[index]!.length - lines[index]!.trimStart().length);
  lines[at] = `\`\`\`${language}`;
  for (let index = at + 1; index <= lastBody; index++) lines[index] = lines[index]!.slice(Math.min(indent, lines[index]!.length - lines[index]!.trimStart().length));
  if (closing >= 0) lines[closing] = '```';
  else lines.push('```');
  return lastBody;
}

const adocCells = (line: string): string[] => line.trim().split(/(?<!\\)\|/).slice(1).map((cell) => cell.trim());

/**
 * An AsciiDoc table (`|===` … `|===`, a cell or several a line) as markdown rows, one line a row: the
 * header row (a first line followed by a blank one) gets a delimiter on that blank line, each row goes
 * on its first line and its other lines are emptied. Returns the closing line's index.
 */
function rewriteAsciiTable(lines: string[], open: number): number {
  let close = open + 1;
  while (close < lines.length && lines[close]!.trim() !== '|===') close++;
  if (close >= lines.length) return open;
  let columns = 0;
  let row: { line: number; cells: string[] } | null = null;
  for (let index = open + 1; index < close; index++) {
    const line = lines[index]!;
    if (!line.trimStart().startsWith('|')) {
      if (line.trim() !== '' && row) row.cells[row.cells.length - 1] += ` ${line.trim()}`;
      if (line.trim() !== '' || row) lines[index] = '';
      continue;
    }
    const cells = adocCells(line);
    if (columns === 0 && cells.length >= 2 && lines[index + 1]?.trim() === '') {
      columns = cells.length;
      lines[index] = `| ${cells.join(' | ')} |`;
      lines[index + 1] = `|${' --- |'.repeat(columns)}`;
      index++;
      continue;
    }
    row ??= { line: index, cells: [] };
    row.cells.push(...cells);
    lines[index] = '';
    if (columns === 0 || row.cells.length >= columns) {
      lines[row.line] = `| ${row.cells.join(' | ')} |`;
      row = null;
    }
  }
  if (row) lines[row.line] = `| ${row.cells.join(' | ')} |`;
  lines[open] = '';
  lines[close] = '';
  return close;
}

function rewriteAsciiDoc(lines: string[], fenced: Uint8Array): void {
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    if (lines[index]!.trim() === '|===') {
      index = rewriteAsciiTable(lines, index);
      continue;
    }
    const heading = ADOC_HEADING.exec(lines[index]!);
    if (heading) {
      lines[index] = `${'#'.repeat(heading[1]!.length)} ${heading[2]}`;
      continue;
    }
    const source = ADOC_SOURCE.exec(lines[index]!);
    if (!source || lines[index + 1]?.trim() !== '----') continue;
    let close = index + 2;
    while (close < lines.length && lines[close]!.trim() !== '----') close++;
    if (close >= lines.length) continue;
    lines[index] = '';
    lines[index + 1] = `\`\`\`${source[1] ?? ''}`;
    lines[close] = '```';
    index = close;
  }
}

/** Markdown setext headings as ATX headings, HTML list items as bullets and links around code spans as the spans, in place. */
function rewriteMarkdownExtras(lines: string[], fenced: Uint8Array): void {
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    // "[`borrow(tool, member)`](#borrow)": a link around a code span reads as the code span.
    if (lines[index]!.includes('`](')) lines[index] = lines[index]!.replace(CODE_LINK, '$1');
    const line = lines[index]!;
    if (line.length <= MAX_LINE && HTML_ITEM.test(line)) {
      lines[index] = `- ${line.replace(/<\/?code>/gi, '`').replace(/<[^<>]{0,80}>/g, ' ').replace(/\s+/g, ' ').trim()}`;
      continue;
    }
    const setext = index >= 1 && !fenced[index - 1] ? MARKDOWN_SETEXT.exec(line) : null;
    if (!setext) continue;
    const title = lines[index - 1]!;
    // Only a one-line paragraph: `---` under a longer paragraph (or a list, a table) stays as markdown reads it.
    if (title.trim() === '' || title.length > MAX_HEADING || NOT_PARAGRAPH.test(title) || (index >= 2 && lines[index - 2]!.trim() !== '')) continue;
    lines[index - 1] = `${setext[1]![0] === '=' ? '#' : '##'} ${title.trim()}`;
    lines[index] = '';
  }
}

/** The design with ReST or AsciiDoc markup rewritten as markdown, same lines; unchanged when it is markdown. */
export function rewriteForeignMarkup(text: string): string {
  if (!text.includes('\n')) return text;
  const crlf = text.includes('\r\n');
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const fenced = markdownFenced(lines);
  let restructured = false;
  let asciiHeadings = 0;
  let deepAscii = false;
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    const line = lines[index]!;
    if (index > 0 && MARKDOWN_UNKNOWN_UNDERLINE.test(line) && isUnderlineOf(line, lines[index - 1]!)) restructured = true;
    if (RST_CODE.test(line)) restructured = true;
    const heading = ADOC_HEADING.exec(line);
    if (heading) {
      asciiHeadings++;
      if (heading[1]!.length >= 2) deepAscii = true;
    }
  }
  // Jira, Confluence and MediaWiki markup, or a whole HTML export: read as markdown before anything else.
  const wiki = wikiMarkupOf(lines, fenced);
  if (wiki) rewriteWikiMarkup(lines, fenced, wiki);
  else if (isHtmlDocument(lines, fenced)) rewriteHtmlDocument(lines, fenced);
  const ascii = wiki === null && asciiHeadings >= 2 && deepAscii;
  if (wiki === null && isOrgDocument(text)) rewriteOrg(lines);
  else if (wiki === null && restructured) rewriteRestructuredText(lines, fenced);
  if (ascii) rewriteAsciiDoc(lines, fenced);
  if (hasXmlTags(lines, fenced)) rewriteXmlTags(lines, fenced);
  if (wiki === null && !restructured && !ascii) rewriteNumberedParagraphs(lines, fenced);
  if (!restructured) rewriteMarkdownExtras(lines, fenced);
  return lines.join(crlf ? '\r\n' : '\n');
}
