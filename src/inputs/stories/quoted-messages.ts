import { kindNamedIn } from '../design/message-table.js';
import type { MessageKind } from '../design/design-types.js';
import { collapseWhitespace } from '../messages/message-template.js';

/** A double-quoted text in markdown source, with where it starts and what precedes it. */
export interface QuotedText {
  /** Raw text between the quotes. */
  text: string;
  /** Offset of the opening quote in the searched source. */
  offset: number;
  /** The clause before the quote (since the previous quote or sentence end). */
  lead: string;
}

/** Double quotes (straight or curly) around text that does not cross a blank line. */
const QUOTED = /["“]([^"“”\n]*(?:\n(?![ \t]*\n)[^"“”\n]*)*)["”]/g;

/** Finds double-quoted texts, ignoring quotes inside inline code. Offsets stay those of `markdown`. */
export function quotedTexts(markdown: string): QuotedText[] {
  const masked = markdown.replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
  const found: QuotedText[] = [];
  let previousEnd = 0;
  for (const match of masked.matchAll(QUOTED)) {
    const offset = match.index ?? 0;
    const before = markdown.slice(previousEnd, offset);
    const sentences = before.split(/[.;!?]\s+|\n\s*\n/);
    found.push({ text: markdown.slice(offset + 1, offset + match[0].length - 1), offset, lead: collapseWhitespace(sentences[sentences.length - 1] ?? '') });
    previousEnd = offset + match[0].length;
  }
  return found;
}

/**
 * Whether a quoted text is a user-facing message rather than a value ("Alice", "9780306406157"):
 * a sentence (two or more words ending in . ! ?), or three or more words the text calls a message.
 */
export function isMessageText(text: string, lead: string): boolean {
  const collapsed = collapseWhitespace(text);
  if (collapsed.length < 3 || collapsed.length > 500) return false;
  const words = collapsed.split(' ').length;
  if (words >= 2 && /[.!?…]['")\]]*$/.test(collapsed)) return true;
  return words >= 3 && (/\bmessages?\b|\b(shows?|displays?|see)\b/i.test(lead) || kindNamedIn(lead) !== null) && /^[\p{Lu}{<[']/u.test(collapsed);
}

/** The message kind the clause before a quote names ("the error", "a success message"). */
export function messageKind(lead: string, listLeadIn: string | null): MessageKind | null {
  const tail = lead.slice(-80);
  return kindNamedIn(tail) ?? (listLeadIn !== null ? kindNamedIn(listLeadIn) : null);
}
