/**
 * Message texts as token sequences in which placeholders are wildcards: the common ground of a
 * story's concrete message ("Member 'Alice' added."), a design template ("Member '{name}' added.")
 * and the module's strings (f-strings, `.format` and `%` templates).
 */

/** A wildcard token: stands for any run of text. */
export const WILDCARD = '\u0000';

/** How placeholders are written in a text. */
export type PlaceholderStyle = 'braces' | 'python';

const BRACES = /\{\{|\}\}|\{[^{}]*\}/g;
/** `%s`, `%(name)s`, `%.2f`, `%-5d`; `%%` is a literal percent sign. */
const PERCENT = /%%|%(\([^)]*\))?[-#0+]*(\d+|\*)?(\.\d+)?[sdifrxXeEgGcoa]/g;
const LOOKS_PERCENT = /%(\([^)]*\))?[-#0+]*(\d+|\*)?(\.\d+)?[sdifr]/;

/** `{name!r}` (with or without a format spec): the value's repr, which quotes a str. */
const REPR_FIELD = /^\{[^{}!:]*!r(:[^{}]*)?\}$/;
/** What a repr field prints for the strings messages quote: the value in single quotes. */
const REPR_VALUE = `'${WILDCARD}'`;

/** Replaces every placeholder by WILDCARD (a repr field, `{name!r}` or `%r`, by the quoted WILDCARD it prints); `{{`, `}}` and `%%` become literal characters. */
export function wildcardText(text: string, style: PlaceholderStyle): string {
  let result = text.replace(BRACES, (match) => (match === '{{' ? '{' : match === '}}' ? '}' : style === 'python' && REPR_FIELD.test(match) ? REPR_VALUE : WILDCARD));
  if (style === 'python' && LOOKS_PERCENT.test(result)) {
    result = result.replace(PERCENT, (match) => (match === '%%' ? '%' : match.endsWith('r') ? REPR_VALUE : WILDCARD));
  }
  return result.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What one placeholder of a pattern may stand for in the other text: a value is either literal text
 * (a story's example, "Alice") or the other side's own placeholder, alone or as adjacent fields
 * (`{symbol}{amount}`); never a placeholder with text around it. Otherwise "Habit {name} added."
 * would meet "Habit '<name>' added." (its field spanning the quotes) and "Ticket #<id> closed."
 * would meet "Ticket #{id} is already closed." (the story's placeholder spanning "is already").
 */
const ONE_VALUE = `(?:${WILDCARD}+|[^${WILDCARD}]+?)`;

/** Whether `pattern` (with wildcards) matches all of `text` (whose own wildcards each stand for one value). */
export function wildcardMatches(pattern: string, text: string): boolean {
  if (!pattern.includes(WILDCARD)) return pattern === text;
  const source = pattern.split(WILDCARD).map(escapeRegExp).join(ONE_VALUE);
  return new RegExp(`^${source}$`).test(text);
}

/** Letters outside placeholders: how much of a message a pattern pins down. */
export function literalLetters(text: string): number {
  return text.split(WILDCARD).join('').replace(/[^\p{L}]/gu, '').length;
}

/** Splits a text into word, punctuation and wildcard tokens. */
export function tokenize(text: string): string[] {
  return text.match(/\u0000|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}
