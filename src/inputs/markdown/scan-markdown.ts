import type { BlockContent, Code, Heading, List, ListItem, Paragraph, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { lineIndexAt, lineStartsOf } from '../../line-starts.js';
import { scanInline, type Point } from './scan-inline.js';

/** A line of a container's content: its text after the container's prefix, and where that text starts. */
interface SourceLine {
  text: string;
  /** Offset in the document of `text[0]`. */
  offset: number;
  /** 1-based line number. */
  line: number;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const BLOCKQUOTE = /^ {0,3}> ?/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
/** CommonMark's HTML blocks of kind 7: a line holding only one complete open or closing tag (it cannot interrupt a paragraph). */
const HTML_TAG_LINE = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;
const isTagLine = (text: string) => text.length <= 1000 && text.trimStart().startsWith('<') && !/^ {0,3}<\/?(?:script|pre|style|textarea)\b/i.test(text) && HTML_TAG_LINE.test(text);
/** CommonMark's HTML blocks of kind 6 (block-level tags), which run to a blank line. */
const HTML_BLOCK = /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)/i;
/** Block quotes and list items nested deeper than this are read as paragraphs. */
const MAX_NESTING = 16;

/** `---`, `* * *`, `___`: one pass, where the equivalent regex backtracks on long lines. */
function isThematicBreak(text: string): boolean {
  let index = 0;
  while (index < 3 && text[index] === ' ') index++;
  const marker = text[index];
  if (marker !== '-' && marker !== '*' && marker !== '_') return false;
  let count = 0;
  for (; index < text.length; index++) {
    const char = text[index];
    if (char === marker) count++;
    else if (char !== ' ' && char !== '\t') return false;
  }
  return count >= 3;
}

const SPACE = 32;
const TAB = 9;

/** Indexed loops, not trim() or for..of: deep indentation is scanned once per nesting level. */
function isBlank(line: SourceLine | undefined): boolean {
  if (!line) return true;
  const { text } = line;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== SPACE && code !== TAB && code !== 13 && code !== 10 && code !== 12 && code !== 11 && code !== 0xa0 && !/\s/.test(text[index]!)) return false;
  }
  return true;
}

function indentOf(text: string): number {
  let width = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === SPACE) width++;
    else if (code === TAB) width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Drops up to `width` columns of leading spaces, keeping offsets right. */
/** A paragraph's lines as CommonMark reads them: the first without up to 3 spaces of indent, the others without any. */
function contentLines(body: SourceLine[]): SourceLine[] {
  return body.map((part, index) => stripIndent(part, index === 0 ? 3 : Number.MAX_SAFE_INTEGER));
}

function stripIndent(line: SourceLine, width: number): SourceLine {
  let index = 0;
  let columns = 0;
  while (index < line.text.length && columns < width && (line.text[index] === ' ' || line.text[index] === '\t')) {
    columns += line.text[index] === '\t' ? 4 - (columns % 4) : 1;
    index++;
  }
  return { text: line.text.slice(index), offset: line.offset + index, line: line.line };
}

function splitCells(line: SourceLine): SourceLine[] {
  const cells: SourceLine[] = [];
  let text = line.text;
  let offset = line.offset;
  const leading = text.length - text.trimStart().length;
  text = text.trim();
  offset += leading;
  if (text.startsWith('|')) {
    text = text.slice(1);
    offset++;
  }
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && (text[index] !== '|' || text[index - 1] === '\\')) continue;
    const raw = text.slice(start, index);
    const pad = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim().replace(/\\\|/g, '|'), offset: offset + start + pad, line: line.line });
    start = index + 1;
  }
  return cells;
}

class Scanner {
  private readonly lineStarts: number[];

  constructor(private readonly source: string) {
    this.lineStarts = lineStartsOf(source);
  }

  point(offset: number): Point {
    const low = lineIndexAt(this.lineStarts, offset);
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1, offset };
  }

  lines(): SourceLine[] {
    const lines = this.source.split('\n').map((text, index) => ({ text: text.replace(/\r$/, ''), offset: this.lineStarts[index]!, line: index + 1 }));
    // A byte order mark is no text (micromark drops it too).
    if (lines[0]?.text.startsWith('\uFEFF')) lines[0] = { text: lines[0].text.slice(1), offset: 1, line: 1 };
    return lines;
  }

  span(first: SourceLine, last: SourceLine) {
    return { start: this.point(first.offset), end: this.point(last.offset + last.text.length) };
  }

  /** Inline content of consecutive lines, with positions mapped back through the line table. */
  inline(lines: SourceLine[]) {
    const text = lines.map((line) => line.text).join('\n');
    const starts: number[] = [];
    let total = 0;
    for (const line of lines) {
      starts.push(total);
      total += line.text.length + 1;
    }
    return scanInline(text, (index) => {
      const low = lineIndexAt(starts, index);
      return this.point(lines[low]!.offset + Math.min(index - starts[low]!, lines[low]!.text.length));
    });
  }

  startsBlock(line: SourceLine, next: SourceLine | undefined): boolean {
    const text = line.text;
    if (ATX_HEADING.test(text) || FENCE.test(text) || BLOCKQUOTE.test(text) || isThematicBreak(text) || HTML_BLOCK.test(text)) return true;
    const item = LIST_ITEM.exec(text);
    if (item && text.trim().length > item[0].trim().length && (!/^\d/.test(item[2]!) || /^1[.)]/.test(item[2]!))) return true;
    return this.startsTable(line, next);
  }

  startsTable(line: SourceLine, next: SourceLine | undefined): boolean {
    // As micromark reads it, the pipe may be the delimiter row's alone (`! Method` over `|-`: one column).
    return (line.text.includes('|') || next?.text.includes('|') === true) && !!next && TABLE_DELIMITER.test(next.text) && next.text.includes('-')
      && splitCells(line).length === splitCells(next).length;
  }

  /** Blocks of a container's lines; `depth` counts the block quotes and list items around them. */
  blocks(lines: SourceLine[], depth = 0): RootContent[] {
    const nodes: RootContent[] = [];
    // Deeper containers are read as plain paragraphs: recursion stays bounded, time linear.
    const nests = depth < MAX_NESTING;
    let index = 0;
    while (index < lines.length) {
      const line = lines[index]!;
      const text = line.text;
      if (isBlank(line)) {
        index++;
        continue;
      }
      if (indentOf(text) >= 4) index = this.indentedCode(lines, index, nodes);
      else if (FENCE.test(text)) index = this.fencedCode(lines, index, nodes);
      else if (ATX_HEADING.test(text)) {
        const match = ATX_HEADING.exec(text)!;
        const content = (match[2] ?? '').replace(/[ \t]+#+[ \t]*$/, '');
        const contentLine = { text: content, offset: line.offset + text.indexOf(content.length > 0 ? content : '#'), line: line.line };
        nodes.push({ type: 'heading', depth: match[1]!.length as Heading['depth'], children: this.inline([contentLine]), position: this.span(line, line) });
        index++;
      } else if (HTML_BLOCK.test(text) || isTagLine(text)) {
        const first = index;
        while (index < lines.length && !isBlank(lines[index])) index++;
        nodes.push({ type: 'html', value: lines.slice(first, index).map((current) => current.text).join('\n'), position: this.span(lines[first]!, lines[index - 1]!) });
      } else if (isThematicBreak(text)) {
        nodes.push({ type: 'thematicBreak', position: this.span(line, line) });
        index++;
      } else if (nests && BLOCKQUOTE.test(text)) {
        const inner: SourceLine[] = [];
        const first = index;
        while (index < lines.length && !isBlank(lines[index]) && BLOCKQUOTE.test(lines[index]!.text)) {
          const current = lines[index]!;
          const prefix = BLOCKQUOTE.exec(current.text)![0].length;
          inner.push({ text: current.text.slice(prefix), offset: current.offset + prefix, line: current.line });
          index++;
        }
        nodes.push({ type: 'blockquote', children: this.blocks(inner, depth + 1) as BlockContent[], position: this.span(lines[first]!, lines[index - 1]!) });
      } else if (nests && LIST_ITEM.test(text)) index = this.list(lines, index, nodes, depth);
      else if (this.startsTable(line, lines[index + 1])) index = this.table(lines, index, nodes);
      else index = this.paragraph(lines, index, nodes);
    }
    return nodes;
  }

  indentedCode(lines: SourceLine[], index: number, nodes: RootContent[]): number {
    const body: SourceLine[] = [];
    while (index < lines.length && (isBlank(lines[index]) || indentOf(lines[index]!.text) >= 4)) body.push(lines[index++]!);
    while (body.length > 0 && isBlank(body[body.length - 1])) body.pop();
    const code: Code = { type: 'code', lang: null, meta: null, value: body.map((line) => stripIndent(line, 4).text).join('\n'), position: this.span(body[0]!, body[body.length - 1]!) };
    nodes.push(code);
    return index;
  }

  fencedCode(lines: SourceLine[], index: number, nodes: RootContent[]): number {
    const open = lines[index]!;
    const [, indent, fence, info] = FENCE.exec(open.text)!;
    const words = info!.trim().split(/\s+/);
    const body: string[] = [];
    let cursor = index + 1;
    let last = open;
    while (cursor < lines.length) {
      const line = lines[cursor]!;
      const close = FENCE.exec(line.text);
      cursor++;
      last = line;
      if (close && close[2]![0] === fence![0] && close[2]!.length >= fence!.length && close[3]!.trim() === '') break;
      body.push(stripIndent(line, indent!.length).text);
    }
    nodes.push({ type: 'code', lang: words[0] || null, meta: words.slice(1).join(' ') || null, value: body.join('\n'), position: this.span(open, last) });
    return cursor;
  }

  list(lines: SourceLine[], index: number, nodes: RootContent[], depth: number): number {
    const first = LIST_ITEM.exec(lines[index]!.text)!;
    const ordered = /^\d/.test(first[2]!);
    const delimiter = ordered ? first[2]!.slice(-1) : first[2]!;
    const items: ListItem[] = [];
    const start = index;
    while (index < lines.length) {
      const match = LIST_ITEM.exec(lines[index]!.text);
      if (!match || /^\d/.test(match[2]!) !== ordered || (ordered ? match[2]!.slice(-1) : match[2]) !== delimiter || isThematicBreak(lines[index]!.text)) break;
      const head = lines[index]!;
      const spaces = match[3]!.length;
      const contentIndent = match[1]!.length + match[2]!.length + (spaces > 4 || spaces === 0 ? 1 : spaces);
      const body: SourceLine[] = [stripIndent({ ...head, text: ' '.repeat(match[1]!.length + match[2]!.length) + head.text.slice(match[1]!.length + match[2]!.length) }, contentIndent)];
      index++;
      while (index < lines.length) {
        const line = lines[index]!;
        if (isBlank(line)) {
          let next = index;
          while (next < lines.length && isBlank(lines[next])) next++;
          if (next < lines.length && indentOf(lines[next]!.text) >= contentIndent) {
            for (; index < next; index++) body.push({ ...lines[index]!, text: '' });
            continue;
          }
          break;
        }
        if (indentOf(line.text) >= contentIndent) body.push(stripIndent(line, contentIndent));
        else if (!isBlank(body[body.length - 1]) && !this.startsBlock(line, lines[index + 1]) && !LIST_ITEM.test(line.text)) body.push(stripIndent(line, indentOf(line.text)));
        else break;
        index++;
      }
      const checkbox = /^\[([ xX])\][ \t]+/.exec(body[0]!.text);
      if (checkbox) body[0] = { ...body[0]!, text: body[0]!.text.slice(checkbox[0].length), offset: body[0]!.offset + checkbox[0].length };
      const last = [...body].reverse().find((line) => !isBlank(line)) ?? head;
      items.push({ type: 'listItem', spread: false, checked: checkbox ? checkbox[1] !== ' ' : null, children: this.blocks(body, depth + 1) as BlockContent[], position: { start: this.point(head.offset), end: this.point(last.offset + last.text.length) } });
      let next = index;
      while (next < lines.length && isBlank(lines[next])) next++;
      if (next >= lines.length || !LIST_ITEM.test(lines[next]!.text)) break;
      index = next;
    }
    const list: List = { type: 'list', ordered, start: ordered ? Number.parseInt(first[2]!, 10) : null, spread: false, children: items, position: { start: this.point(lines[start]!.offset), end: items[items.length - 1]!.position!.end } };
    nodes.push(list);
    return index;
  }

  table(lines: SourceLine[], index: number, nodes: RootContent[]): number {
    const header = lines[index]!;
    const alignCells = splitCells(lines[index + 1]!);
    const align = alignCells.map((cell) => (cell.text.startsWith(':') && cell.text.endsWith(':') ? 'center' : cell.text.endsWith(':') ? 'right' : cell.text.startsWith(':') ? 'left' : null));
    const row = (line: SourceLine): TableRow => ({
      type: 'tableRow',
      children: splitCells(line).map((cell): TableCell => ({ type: 'tableCell', children: this.inline([cell]), position: this.span(cell, cell) })),
      position: this.span(line, line),
    });
    const rows = [row(header)];
    let cursor = index + 2;
    while (cursor < lines.length && !isBlank(lines[cursor]) && lines[cursor]!.text.includes('|') && !this.startsBlock(lines[cursor]!, undefined)) rows.push(row(lines[cursor++]!));
    const table: Table = { type: 'table', align, children: rows, position: this.span(header, lines[cursor - 1]!) };
    nodes.push(table);
    return cursor;
  }

  paragraph(lines: SourceLine[], index: number, nodes: RootContent[]): number {
    const body: SourceLine[] = [lines[index]!];
    index++;
    while (index < lines.length && !isBlank(lines[index])) {
      const line = lines[index]!;
      const setext = SETEXT.exec(line.text);
      if (setext) {
        nodes.push({ type: 'heading', depth: setext[1]![0] === '=' ? 1 : 2, children: this.inline(contentLines(body)), position: this.span(body[0]!, line) });
        return index + 1;
      }
      if (this.startsBlock(line, lines[index + 1])) break;
      body.push(line);
      index++;
    }
    const paragraph: Paragraph = { type: 'paragraph', children: this.inline(contentLines(body)), position: this.span(body[0]!, body[body.length - 1]!) };
    nodes.push(paragraph);
    return index;
  }
}

/**
 * Reads markdown into an mdast tree with exact positions, fast: headings, fenced and indented code,
 * GitHub tables, lists (nested, task items), block quotes and paragraphs, with code spans, strong,
 * emphasis and links inline. That is all a design or stories document needs, at a fraction of a
 * full CommonMark parser's cost. Hostile input stays cheap: time is linear in the text (containers
 * nest at most MAX_NESTING deep) and no recursion follows the document's depth further.
 */
export function scanMarkdown(source: string): Root {
  const scanner = new Scanner(source);
  const children = scanner.blocks(scanner.lines());
  return { type: 'root', children, position: { start: scanner.point(0), end: scanner.point(source.length) } };
}
