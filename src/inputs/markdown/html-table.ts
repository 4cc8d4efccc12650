import type { InlineCode, PhrasingContent, Table, TableCell, TableRow, Text } from 'mdast';

/** Longest HTML table read (characters); larger ones stay a paragraph. */
const MAX_TABLE = 200_000;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#34': '"' };

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|nbsp|#39|#34);/g, (_match, name: string) => ENTITIES[name] ?? '');
}

interface Position {
  line: number;
  column: number;
  offset: number;
}

/**
 * Reads an HTML `<table>` written in markdown (`<tr><th>Method</th>…`, `<td><code>f</code></td>`) into a
 * GitHub table node with positions, so that the readers of API, exception and message tables read it like
 * any other table. `html` starts at document offset `offset`, on line `line`. One pass over the text; tags
 * other than rows, cells and `<code>` are dropped. Returns null when the text is not one table.
 */
export function readHtmlTable(html: string, offset: number, line: number): Table | null {
  if (html.length > MAX_TABLE || !/^\s*<table\b/i.test(html)) return null;
  const rows: TableRow[] = [];
  let currentLine = line;
  let lineStart = offset;
  let scanned = 0;
  const at = (index: number): Position => {
    for (; scanned < index; scanned++) {
      if (html.charCodeAt(scanned) === 10) {
        currentLine++;
        lineStart = offset + scanned + 1;
      }
    }
    return { line: currentLine, column: offset + index - lineStart + 1, offset: offset + index };
  };
  const first = at(0);
  let row: TableRow | null = null;
  let cell: { node: TableCell; text: string; code: string | null; start: number } | null = null;
  const flushText = (end: number) => {
    if (!cell || cell.text === '') return;
    const value = decode(cell.text.replace(/\s+/g, ' '));
    const text: Text = { type: 'text', value, position: { start: at(cell.start), end: at(end) } };
    cell.node.children.push(text);
    cell.text = '';
  };
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    const textEnd = open < 0 ? html.length : open;
    if (cell && textEnd > index) {
      if (cell.code !== null) cell.code += html.slice(index, textEnd);
      else {
        if (cell.text === '') cell.start = index;
        cell.text += html.slice(index, textEnd);
      }
    }
    if (open < 0) break;
    const close = html.indexOf('>', open);
    if (close < 0) break;
    const tag = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(open, Math.min(close + 1, open + 40)));
    index = close + 1;
    if (!tag) continue;
    const ending = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    if (name === 'tr' && !ending) {
      row = { type: 'tableRow', children: [], position: { start: at(open), end: at(open) } };
      rows.push(row);
    } else if ((name === 'td' || name === 'th') && !ending && row) {
      flushText(open);
      cell = { node: { type: 'tableCell', children: [], position: { start: at(open), end: at(open) } }, text: '', code: null, start: index };
      row.children.push(cell.node);
    } else if ((name === 'td' || name === 'th' || name === 'tr') && ending && cell) {
      flushText(open);
      cell.node.position!.end = at(close + 1);
      if (row) row.position!.end = at(close + 1);
      cell = null;
    } else if (name === 'code' && cell) {
      if (!ending) {
        flushText(open);
        cell.code = '';
        cell.start = index;
      } else if (cell.code !== null) {
        const code: InlineCode = { type: 'inlineCode', value: decode(cell.code.trim()), position: { start: at(cell.start), end: at(open) } };
        (cell.node.children as PhrasingContent[]).push(code);
        cell.code = null;
      }
    } else if (name === 'table' && ending) break;
  }
  if (rows.length < 2 || rows[0]!.children.length === 0) return null;
  return { type: 'table', align: rows[0]!.children.map(() => null), children: rows, position: { start: first, end: at(Math.min(index, html.length)) } };
}
