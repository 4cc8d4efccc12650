/**
 * A design exported as HTML rather than markdown (Confluence's storage format, a wiki's or an editor's
 * "export as HTML"): `<h2>` headings, `<p>` paragraphs, `<table>`s whose cells hold `<p>` and `<br/>`,
 * and code in Confluence's code macro (`<ac:structured-macro ac:name="code">` with the code in a
 * `<![CDATA[ … ]]>` section). Without blank lines the whole document is one HTML block to markdown, so
 * nothing in it is read. This rewrites it as markdown line for line: headings as `#` lines, `<code>` as
 * backticks, other tags dropped, tables laid out by lay-table.ts, and the macro's code as a fence (or,
 * when the code shares a line with the tags, as an indented code block). Only when an `<h1>`–`<h6>`
 * line stands outside fences and no markdown heading does. Linear in the text's length.
 */
import { readHtmlTable } from '../markdown/html-table.js';
import { layTable } from './lay-table.js';

const HTML_HEADING = /^\s*<h([1-6])\b[^>]{0,200}>/i;
const MARKDOWN_HEADING = /^ {0,3}#{1,6}\s/;
const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';
const MAX_TAG = 400;

/** Whether the lines outside fences are an HTML document: an HTML heading and no markdown heading. */
export function isHtmlDocument(lines: string[], fenced: Uint8Array): boolean {
  let html = false;
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    if (MARKDOWN_HEADING.test(lines[index]!)) return false;
    if (HTML_HEADING.test(lines[index]!)) html = true;
  }
  return html;
}

/** A line of HTML as markdown text: a heading's `#`s, `<code>` as backticks, a list item's dash, other tags dropped. */
function markdownLine(line: string): string {
  const heading = HTML_HEADING.exec(line);
  let text = line
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?code\b[^>]{0,200}>/gi, '`')
    .replace(/<li\b[^>]{0,200}>/gi, '- ')
    .replace(/<\/?(?:strong|b)\b[^>]{0,200}>/gi, '**')
    .replace(new RegExp(`<[^<>]{0,${MAX_TAG}}>`, 'g'), '')
    .trim();
  if (heading) text = `${'#'.repeat(Number(heading[1]))} ${text}`;
  return text;
}

/** The cells of an HTML table's rows as markdown text (code spans kept, two code spans in a row joined by a comma). */
function htmlRows(html: string): string[][] | null {
  const table = readHtmlTable(html.replace(/<br\s*\/?>/gi, ' , '), 0, 1);
  if (!table) return null;
  return table.children.map((row) => row.children.map((cell) => {
    const parts = cell.children.map((child) => (child.type === 'inlineCode' ? `\`${child.value}\`` : 'value' in child ? String(child.value) : ''));
    return parts.join(' ').replace(/^[\s,]+|[\s,]+$/g, '').replace(/\s*,\s*(?:,\s*)+/g, ', ').replace(/\s+,/g, ',');
  }));
}

/** Rewrites a Confluence code macro whose CDATA opens on line `open`; returns the last line it used. */
function rewriteCode(lines: string[], open: number, macroLine: number): number {
  let close = open;
  while (close < lines.length && !lines[close]!.includes(CDATA_CLOSE, close === open ? lines[open]!.indexOf(CDATA_OPEN) : 0)) close++;
  if (close >= lines.length) return open;
  const language = /ac:name="language"[^>]{0,100}>\s*([\w+-]+)/.exec(lines.slice(macroLine, open + 1).join(' '))?.[1] ?? '';
  const start = lines[open]!.indexOf(CDATA_OPEN) + CDATA_OPEN.length;
  const firstCode = close === open ? lines[open]!.slice(start, lines[open]!.indexOf(CDATA_CLOSE, start)) : lines[open]!.slice(start);
  const lastCode = close === open ? '' : lines[close]!.slice(0, lines[close]!.indexOf(CDATA_CLOSE));
  for (let index = macroLine; index < open; index++) lines[index] = '';
  if (firstCode.trim() === '' && lastCode.trim() === '') {
    lines[open] = `\`\`\`${language}`;
    lines[close] = '```';
    return close;
  }
  // The code starts on the tags' line: an indented code block keeps every code line where it was.
  lines[open] = `    ${firstCode}`;
  for (let index = open + 1; index < close; index++) lines[index] = `    ${lines[index]}`;
  if (close !== open) lines[close] = lastCode.trim() === '' ? '' : `    ${lastCode}`;
  return close;
}

/** Rewrites an HTML document as markdown, in place (see the file's comment). */
export function rewriteHtmlDocument(lines: string[], fenced: Uint8Array): void {
  let macroLine = -1;
  // A table never closed is looked for once: the search for its end does not start again at each `<table`.
  let unclosedTable = false;
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    const line = lines[index]!;
    if (/<ac:structured-macro\b[^>]{0,200}ac:name="(?:code|noformat)"/.test(line)) macroLine = index;
    if (line.includes(CDATA_OPEN)) {
      index = rewriteCode(lines, index, macroLine >= 0 ? macroLine : index);
      macroLine = -1;
      continue;
    }
    // The macro's parameter lines before its CDATA go with the code; a macro without code lets go after a few lines.
    if (macroLine >= 0 && index - macroLine <= 5) continue;
    macroLine = -1;
    const tableAt = unclosedTable ? -1 : line.search(/<table\b/i);
    if (tableAt >= 0) {
      let close = index;
      while (close < lines.length && !/<\/table>/i.test(lines[close]!)) close++;
      if (close >= lines.length) unclosedTable = true;
      const rows = close < lines.length ? htmlRows(lines.slice(index, close + 1).join('\n').slice(tableAt)) : null;
      if (rows && layTable(lines, index, close, rows)) {
        index = close;
        continue;
      }
    }
    lines[index] = markdownLine(line);
  }
}
