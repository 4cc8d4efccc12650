import type { PhrasingContent, Root } from 'mdast';
import { decodeCharacterReferences } from './character-references.js';

/** A place in the document (line, column, offset), as mdast positions give it. */
export type Point = NonNullable<Root['position']>['start'];

/** Maps an index of the text being scanned to its place in the document. */
export type PointAt = (index: number) => Point;

interface CodeSpan {
  start: number;
  end: number;
  value: string;
}

/** A strong, emphasis or link found on the masked text. */
interface Markup {
  kind: 'strong' | 'emphasis' | 'link' | 'delete';
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  url: string;
  /** Markup inside this one (`**__init__**`), one level deep. */
  inner?: Markup[];
}

const PUNCTUATION_ESCAPE = /\\([!-/:-@[-`{-~])/g;
const SPACE = /\s/;
const WORD = /\w/;
const NONE = -1;
/** What CommonMark links between angle brackets: an absolute URI or an e-mail address. */
const AUTOLINK = /^(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\u0001]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$/;

/** Start of the first maximal backtick run after each run: runs by length, searched by position. */
function backtickRuns(text: string): Map<number, number[]> {
  const byLength = new Map<number, number[]>();
  let index = 0;
  while (index < text.length) {
    const next = text.indexOf('`', index);
    if (next < 0) break;
    let end = next;
    while (text[end] === '`') end++;
    const starts = byLength.get(end - next);
    if (starts) starts.push(next);
    else byLength.set(end - next, [next]);
    index = end;
  }
  return byLength;
}

/** The first of the sorted `starts` at or after `from`, or NONE. */
function firstAtOrAfter(starts: number[] | undefined, from: number): number {
  if (!starts) return NONE;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low < starts.length ? starts[low]! : NONE;
}

/**
 * Code spans as CommonMark reads them: a backtick run closed by the next run of the same length.
 * Runs are indexed by length once, so a megabyte of unmatched backticks stays linear.
 */
function findCodeSpans(text: string): CodeSpan[] {
  const spans: CodeSpan[] = [];
  const runs = backtickRuns(text);
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
    const close = firstAtOrAfter(runs.get(run), runEnd);
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

/** For each index, the first index at or after it where `test` holds (NONE past the last). */
function nextWhere(length: number, test: (index: number) => boolean): Int32Array {
  const next = new Int32Array(length + 2).fill(NONE);
  for (let index = length - 1; index >= 0; index--) next[index] = test(index) ? index : next[index + 1]!;
  return next;
}

/**
 * Strong (`**x**`, `__x__`), emphasis (`*x*`, `_x_`) and links (`[x](url)`), leftmost first, each
 * closed by the nearest closer — in one pass over precomputed "next closer" tables, so openers
 * without closers (`*a ` a hundred thousand times) cost constant time each.
 */
function findMarkup(masked: string): Markup[] {
  if (!/[*_[~<]/.test(masked)) return [];
  const length = masked.length;
  const at = (index: number) => masked[index] ?? '';
  const nonSpace = (index: number) => index >= 0 && index < length && !SPACE.test(masked[index]!);
  const strongClose = { star: nextWhere(length, (i) => at(i) === '*' && at(i + 1) === '*' && nonSpace(i - 1)), underscore: nextWhere(length, (i) => at(i) === '_' && at(i + 1) === '_' && nonSpace(i - 1)) };
  const starClose = nextWhere(length, (i) => at(i) === '*' && nonSpace(i - 1) && at(i - 1) !== '*');
  const underscoreClose = nextWhere(length, (i) => at(i) === '_' && nonSpace(i - 1) && !WORD.test(at(i + 1)));
  const bracketEnd = nextWhere(length, (i) => at(i) === ']' || at(i) === '\n');
  const parenClose = nextWhere(length, (i) => at(i) === ')');
  // GFM strikethrough: `~~x~~`, a run of exactly two tildes on each side.
  const twoTildes = (i: number) => at(i) === '~' && at(i + 1) === '~' && at(i + 2) !== '~' && at(i - 1) !== '~';
  const tildeClose = nextWhere(length, (i) => twoTildes(i) && nonSpace(i - 1));
  // …and GFM's single tilde (`~x~`), which Org's inline code looks like.
  const oneTilde = (i: number) => at(i) === '~' && at(i + 1) !== '~' && at(i - 1) !== '~';
  const oneTildeClose = nextWhere(length, (i) => oneTilde(i) && nonSpace(i - 1));
  const angleClose = nextWhere(length, (i) => at(i) === '>' || at(i) === '<' || SPACE.test(at(i)));
  // Markup between `from` and `to`; inside strong text, once more (each character is scanned at most twice).
  const scan = (from: number, to: number, nested: boolean): Markup[] => {
    const found: Markup[] = [];
    const within = (close: number, width: number) => close >= 0 && close + width <= to;
    let index = from;
    while (index < to) {
      const char = masked[index]!;
      let match: Markup | null = null;
      if ((char === '*' || char === '_') && at(index + 1) === char && nonSpace(index + 2)) {
        const close = (char === '*' ? strongClose.star : strongClose.underscore)[index + 3] ?? NONE;
        if (within(close, 2)) match = { kind: 'strong', start: index, end: close + 2, innerStart: index + 2, innerEnd: close, url: '' };
      }
      if (!match && char === '*' && nonSpace(index + 1) && at(index + 1) !== '*') {
        const close = starClose[index + 2] ?? NONE;
        if (within(close, 1)) match = { kind: 'emphasis', start: index, end: close + 1, innerStart: index + 1, innerEnd: close, url: '' };
      }
      if (!match && char === '_' && !WORD.test(at(index - 1)) && at(index - 1) !== '\\' && nonSpace(index + 1)) {
        const close = underscoreClose[index + 2] ?? NONE;
        if (within(close, 1)) match = { kind: 'emphasis', start: index, end: close + 1, innerStart: index + 1, innerEnd: close, url: '' };
      }
      if (!match && char === '~' && twoTildes(index) && nonSpace(index + 2)) {
        const close = tildeClose[index + 3] ?? NONE;
        if (within(close, 2)) match = { kind: 'delete', start: index, end: close + 2, innerStart: index + 2, innerEnd: close, url: '' };
      }
      if (!match && char === '~' && oneTilde(index) && nonSpace(index + 1)) {
        const close = oneTildeClose[index + 2] ?? NONE;
        if (within(close, 1)) match = { kind: 'delete', start: index, end: close + 1, innerStart: index + 1, innerEnd: close, url: '' };
      }
      // An autolink: `<https://x.org>`, `<lead@example.org>` (no spaces, no `<` inside).
      if (!match && char === '<') {
        const close = angleClose[index + 1] ?? NONE;
        if (within(close, 1) && at(close) === '>' && AUTOLINK.test(masked.slice(index + 1, close))) {
          const target = masked.slice(index + 1, close);
          match = { kind: 'link', start: index, end: close + 1, innerStart: index + 1, innerEnd: close, url: target.includes(':') ? target : `mailto:${target}` };
        }
      }
      if (!match && char === '[') {
        const close = bracketEnd[index + 1] ?? NONE;
        if (close > index + 1 && close < to && at(close) === ']' && at(close + 1) === '(') {
          const paren = parenClose[close + 2] ?? NONE;
          if (within(paren, 1)) {
            const target = masked.slice(close + 2, paren);
            match = { kind: 'link', start: index, end: paren + 1, innerStart: index + 1, innerEnd: close, url: /^[^\s]*/.exec(target)![0] };
          }
        }
      }
      if (!match) {
        index++;
        continue;
      }
      if (!nested && (match.kind === 'strong' || match.kind === 'delete') && /[*_]/.test(masked.slice(match.innerStart, match.innerEnd))) {
        const inner = scan(match.innerStart, match.innerEnd, true);
        if (inner.length > 0) match.inner = inner;
      }
      // An escaped opener is consumed without markup, as the reference regex did.
      if (index === 0 || masked[index - 1] !== '\\') found.push(match);
      index = match.end;
    }
    return found;
  };
  return scan(0, length, false);
}

/** The text with code spans blanked out (as U+0001), built in one pass. */
function maskSpans(text: string, spans: CodeSpan[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let cursor = 0;
  for (const span of spans) {
    parts.push(text.slice(cursor, span.start), '\u0001'.repeat(span.end - span.start));
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * Scans inline markdown into mdast phrasing nodes: code spans exactly as CommonMark reads them,
 * strong, emphasis and links simply (backsmith only needs their text), escapes resolved. Linear in
 * the text's length; the nodes nest at most two deep.
 */
export function scanInline(text: string, pointAt: PointAt): PhrasingContent[] {
  const spans = text.includes('`') ? findCodeSpans(text) : [];
  const position = (start: number, end: number) => ({ start: pointAt(start), end: pointAt(end) });
  let nextSpan = 0;
  const plain = (from: number, to: number, into: PhrasingContent[]) => {
    let cursor = from;
    const pushText = (end: number) => {
      if (end <= cursor) return;
      const value = text.slice(cursor, end);
      const unescaped = value.includes('\\') ? value.replace(PUNCTUATION_ESCAPE, '$1') : value;
      into.push({ type: 'text', value: decodeCharacterReferences(unescaped), position: position(cursor, end) });
    };
    // Calls come in increasing, non-overlapping ranges, so one cursor over the spans suffices.
    while (nextSpan < spans.length && spans[nextSpan]!.start < from) nextSpan++;
    while (nextSpan < spans.length && spans[nextSpan]!.end <= to) {
      const span = spans[nextSpan++]!;
      pushText(span.start);
      into.push({ type: 'inlineCode', value: span.value, position: position(span.start, span.end) });
      cursor = span.end;
    }
    pushText(to);
  };
  // Markup nests one level at most (findMarkup), so this recursion is two calls deep.
  const render = (markups: Markup[], from: number, to: number, nodes: PhrasingContent[]) => {
    let last = from;
    for (const markup of markups) {
      plain(last, markup.start, nodes);
      const children: PhrasingContent[] = [];
      if (markup.inner) render(markup.inner, markup.innerStart, markup.innerEnd, children);
      else plain(markup.innerStart, markup.innerEnd, children);
      const where = position(markup.start, markup.end);
      if (markup.kind === 'strong') nodes.push({ type: 'strong', children, position: where } as PhrasingContent);
      else if (markup.kind === 'delete') nodes.push({ type: 'delete', children, position: where } as PhrasingContent);
      else if (markup.kind === 'link') nodes.push({ type: 'link', url: markup.url, children, position: where } as PhrasingContent);
      else nodes.push({ type: 'emphasis', children, position: where } as PhrasingContent);
      last = markup.end;
    }
    plain(last, to, nodes);
  };
  const nodes: PhrasingContent[] = [];
  render(findMarkup(maskSpans(text, spans)), 0, text.length, nodes);
  return nodes;
}
