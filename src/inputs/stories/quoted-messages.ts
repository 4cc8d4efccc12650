import { kindNamedIn } from '../design/message-table.js';
import type { MessageKind } from '../design/design-types.js';
import { collapseWhitespace } from '../messages/message-template.js';

/** A quoted (or colon-introduced) text in markdown source, with where it starts and what precedes it. */
export interface QuotedText {
  /** Raw text between the quotes. */
  text: string;
  /** Offset of the opening quote (or of the text, when unquoted) in the searched source. */
  offset: number;
  /** The clause before the quote (since the previous quote or sentence end). */
  lead: string;
}

/** The longest quotation looked at: messages are shorter, and a cap keeps the scan linear. */
const MAX_QUOTE = 600;
const DOUBLE_QUOTES = '"“”„‟';
/** Opening character → the characters that close it. */
const CLOSERS = new Map<string, string>([
  ['"', '"”“'], ['“', '”"“'], ['„', '“”"'], ['‟', '”"'],
  ['«', '»'], ['»', '«'], ['‹', '›'], ['「', '」'], ['『', '』'], ['﹁', '﹂'],
  ['‘', '’'], ["'", "'"], ['`', '`'],
]);
/** Characters that may not appear inside a quotation of this opener (besides its closers). */
const FORBIDDEN = new Map<string, string>([['"', DOUBLE_QUOTES], ['“', DOUBLE_QUOTES], ['„', DOUBLE_QUOTES], ['‟', DOUBLE_QUOTES]]);
const LETTER = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** "I see the message: Poll created.", "an error: Amount must be positive." */
const COLON_LEAD = /(?:\b(?:messages?|see|sees|seen|shows?|shown|displays?|displayed|reads?|says?|notifications?|alerts?|toasts?|banners?|prompts?|prompted|responds?|replies|reply|confirmations?)|\b(?:an?|the)\s+(?:error|warning|success|info|confirmation)(?:\s+(?:text|note))?)\s*[*_]{0,2}\s*:\s*[*_]{0,2}[ \t]*$/i;

/** Straight and curly single quotes double as apostrophes: one only opens after a non-letter. */
function isApostrophe(markdown: string, index: number, opening: boolean): boolean {
  const char = markdown[index]!;
  if (char !== "'" && char !== '‘' && char !== '’') return false;
  const neighbour = markdown[opening ? index - 1 : index + 1] ?? '';
  return LETTER.test(neighbour);
}

/** Where the quotation opened at `start` closes, or -1: not across a blank line, nor past MAX_QUOTE. */
function closingIndex(markdown: string, start: number): number {
  const opener = markdown[start]!;
  const closers = CLOSERS.get(opener)!;
  const forbidden = FORBIDDEN.get(opener) ?? '';
  const limit = Math.min(markdown.length, start + MAX_QUOTE);
  for (let index = start + 1; index < limit; index++) {
    const char = markdown[index]!;
    if (char === '\n' && /^\n[ \t]*(\n|$)/.test(markdown.slice(index, index + 80))) return -1;
    if (closers.includes(char)) {
      if (opener === "'" || opener === '‘') {
        if (isApostrophe(markdown, index, false) || !/\S/.test(markdown[index - 1] ?? '')) continue;
      }
      return index > start + 1 ? index : -1;
    }
    if (forbidden.includes(char)) return -1;
  }
  return -1;
}

/** The clause before a quotation: since the previous one, cut at the last sentence end. */
function leadBefore(before: string): string {
  const sentences = before.split(/[.;!?]\s+|\n\s*\n/);
  return collapseWhitespace(sentences[sentences.length - 1] ?? '');
}

/** Text after "…the message:" up to the end of the line, when nothing on it is quoted. */
function colonMessages(markdown: string, covered: QuotedText[]): QuotedText[] {
  const into: QuotedText[] = [];
  let lineStart = 0;
  let nextQuote = 0;
  while (lineStart < markdown.length) {
    const newline = markdown.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? markdown.length : newline;
    const colon = markdown.indexOf(':', lineStart);
    // `covered` is in offset order: one cursor tells whether a quotation starts on this line.
    while (nextQuote < covered.length && covered[nextQuote]!.offset < lineStart) nextQuote++;
    const quotedLine = nextQuote < covered.length && covered[nextQuote]!.offset < lineEnd;
    if (colon >= 0 && colon < lineEnd && !quotedLine) {
      for (let at = colon; at >= 0 && at < lineEnd; at = markdown.indexOf(':', at + 1)) {
        const head = markdown.slice(Math.max(lineStart, at - 120), at + 1);
        if (!COLON_LEAD.test(head)) continue;
        const rest = markdown.slice(at + 1, lineEnd);
        const text = rest.replace(/^[\s*_]+|[\s*_]+$/g, '');
        if (text.length > 0) into.push({ text, offset: at + 1 + rest.indexOf(text[0]!), lead: leadBefore(markdown.slice(lineStart, at)) });
        break;
      }
    }
    lineStart = lineEnd + 1;
  }
  return into;
}

/**
 * Finds quoted texts in any quoting style — "double", 'single', “curly”, ‘curly’, „German“,
 * «French», 「Japanese」, `backticks` — and messages after a colon (`I see the message: Saved.`).
 * Offsets stay those of `markdown`. Linear: each quotation is looked for at most MAX_QUOTE far.
 */
export function quotedTexts(markdown: string): QuotedText[] {
  const found: QuotedText[] = [];
  let previousEnd = 0;
  let index = 0;
  while (index < markdown.length) {
    const char = markdown[index]!;
    if (!CLOSERS.has(char) || isApostrophe(markdown, index, true) || ((char === "'" || char === '‘') && !/\S/.test(markdown[index + 1] ?? ''))) {
      index++;
      continue;
    }
    let close = -1;
    if (char === '`') {
      let run = index;
      while (markdown[run] === '`') run++;
      // Only single-backtick spans: fences and double-backtick code are not messages.
      close = run - index === 1 ? closingIndex(markdown, index) : -1;
      if (close < 0) {
        index = run;
        continue;
      }
    } else close = closingIndex(markdown, index);
    if (close < 0) {
      index++;
      continue;
    }
    // `"Saved."` in backticks: the quotes inside are the message's, not part of it.
    const inner = markdown.slice(index + 1, close).trim().replace(/^(["“„«「'‘])(.*)(["”“»」'’])$/s, '$2');
    found.push({ text: inner.trim(), offset: index, lead: leadBefore(markdown.slice(previousEnd, index)) });
    previousEnd = close + 1;
    index = close + 1;
  }
  return [...found, ...colonMessages(markdown, found)].sort((a, b) => a.offset - b.offset);
}

/**
 * Whether a quoted text is a user-facing message rather than a value ("Alice", "9780306406157"):
 * a sentence (two or more words ending in . ! ? or 。！？), or three or more words the text calls a message.
 */
export function isMessageText(text: string, lead: string): boolean {
  const collapsed = collapseWhitespace(text);
  if (collapsed.length < 2 || collapsed.length > 500) return false;
  if (!CJK.test(collapsed) && collapsed.length < 3) return false;
  if (CJK.test(collapsed)) return /[。！？!?.]$/.test(collapsed) || (collapsed.length >= 2 && (/\bmessages?\b|\b(shows?|displays?|see)\b/i.test(lead) || kindNamedIn(lead) !== null));
  const words = collapsed.split(' ').length;
  if (words >= 2 && /[.!?…]['")\]]*$/.test(collapsed)) return true;
  return words >= 3 && (/\bmessages?\b|\b(shows?|displays?|see)\b/i.test(lead) || kindNamedIn(lead) !== null) && /^[\p{Lu}{<[']/u.test(collapsed);
}

/** The message kind the clause before a quote names ("the error", "a success message"). */
export function messageKind(lead: string, listLeadIn: string | null): MessageKind | null {
  const tail = lead.slice(-80);
  return kindNamedIn(tail) ?? (listLeadIn !== null ? kindNamedIn(listLeadIn) : null);
}
