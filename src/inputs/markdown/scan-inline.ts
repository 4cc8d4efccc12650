import type { PhrasingContent, Root } from 'mdast';

/** A place in the document (line, column, offset), as mdast positions give it. */
export type Point = NonNullable<Root['position']>['start'];

/** Maps an index of the text being scanned to its place in the document. */
export type PointAt = (index: number) => Point;

interface CodeSpan {
  start: number;
  end: number;
  value: string;
}

const PUNCTUATION_ESCAPE = /\\([!-/:-@[-`{-~])/g;
/** Strong, emphasis and links, found on the text with code spans masked out. */
const MARKUP = /(\*\*|__)(?=\S)([\s\S]+?)(?<=\S)\1|\*(?=[^\s*])([\s\S]+?)(?<=[^\s*])\*|(?<![\w\\])_(?=\S)([\s\S]+?)(?<=\S)_(?!\w)|\[([^\]\n]+)\]\(([^)\s]*)[^)]*\)/g;

/** Code spans as CommonMark reads them: a backtick run closed by a run of the same length. */
function findCodeSpans(text: string): CodeSpan[] {
  const spans: CodeSpan[] = [];
  let index = 0;
  while (index < text.length) {
    if (text[index] === '\\') {
      index += 2;
      continue;
    }
    if (text[index] !== '`') {
      index++;
      continue;
    }
    let runEnd = index;
    while (text[runEnd] === '`') runEnd++;
    const run = runEnd - index;
    let search = runEnd;
    let close = -1;
    while (search < text.length) {
      const next = text.indexOf('`', search);
      if (next < 0) break;
      let nextEnd = next;
      while (text[nextEnd] === '`') nextEnd++;
      if (nextEnd - next === run) {
        close = next;
        break;
      }
      search = nextEnd;
    }
    if (close < 0) {
      index = runEnd;
      continue;
    }
    let value = text.slice(runEnd, close).replace(/\n/g, ' ');
    if (value.length > 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1);
    spans.push({ start: index, end: close + run, value });
    index = close + run;
  }
  return spans;
}

/**
 * Scans inline markdown into mdast phrasing nodes: code spans exactly as CommonMark reads them,
 * strong, emphasis and links simply (backsmith only needs their text), escapes resolved.
 */
export function scanInline(text: string, pointAt: PointAt): PhrasingContent[] {
  const spans = findCodeSpans(text);
  const position = (start: number, end: number) => ({ start: pointAt(start), end: pointAt(end) });
  const plain = (from: number, to: number, into: PhrasingContent[]) => {
    let cursor = from;
    const pushText = (end: number) => {
      if (end > cursor) into.push({ type: 'text', value: text.slice(cursor, end).replace(PUNCTUATION_ESCAPE, '$1'), position: position(cursor, end) });
    };
    for (const span of spans) {
      if (span.start < from || span.end > to) continue;
      pushText(span.start);
      into.push({ type: 'inlineCode', value: span.value, position: position(span.start, span.end) });
      cursor = span.end;
    }
    pushText(to);
  };
  let masked = text;
  for (const span of spans) masked = masked.slice(0, span.start) + '\u0001'.repeat(span.end - span.start) + masked.slice(span.end);
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const match of masked.matchAll(MARKUP)) {
    const start = match.index ?? 0;
    if (start > 0 && masked[start - 1] === '\\') continue;
    const end = start + match[0].length;
    plain(last, start, nodes);
    const open = match[2] !== undefined ? 2 : 1;
    const innerLength = (match[2] ?? match[3] ?? match[4] ?? match[5] ?? '').length;
    const children: PhrasingContent[] = [];
    plain(start + open, start + open + innerLength, children);
    if (match[2] !== undefined) nodes.push({ type: 'strong', children, position: position(start, end) } as PhrasingContent);
    else if (match[5] !== undefined) nodes.push({ type: 'link', url: match[6] ?? '', children, position: position(start, end) } as PhrasingContent);
    else nodes.push({ type: 'emphasis', children, position: position(start, end) } as PhrasingContent);
    last = end;
  }
  plain(last, text.length, nodes);
  return nodes;
}
