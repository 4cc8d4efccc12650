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

/** Replaces every placeholder by WILDCARD; `{{`, `}}` and `%%` become literal characters. */
export function wildcardText(text: string, style: PlaceholderStyle): string {
  let result = text.replace(BRACES, (match) => (match === '{{' ? '{' : match === '}}' ? '}' : WILDCARD));
  if (style === 'python' && LOOKS_PERCENT.test(result)) {
    result = result.replace(PERCENT, (match) => (match === '%%' ? '%' : WILDCARD));
  }
  return result.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `pattern` (with wildcards) matches all of `text` (whose own wildcards are opaque). */
export function wildcardMatches(pattern: string, text: string): boolean {
  if (!pattern.includes(WILDCARD)) return pattern === text;
  const source = pattern.split(WILDCARD).map(escapeRegExp).join('[\\s\\S]+?');
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
