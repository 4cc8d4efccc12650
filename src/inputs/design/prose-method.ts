/**
 * A method described only in a sentence: "The `sell` method takes the buyer's name (`buyer`, a str)
 * and how many tickets they want (`quantity`, an int) and returns … as a `list[int]`", "The
 * constructor takes `price_pence`, an int, and `max_tickets`, an int that defaults to 500", "`buyers`
 * takes an optional `min_tickets` (int, default 1)", "takes no arguments". The parameters are the
 * backticked names before "returns", their types the plain type word or backticked type beside them;
 * the return is the last backticked type after "returns". The pieces are handed to the signature
 * reader as `name(self, a: T, b: U = d) -> R`; the Python parser reads them from there.
 */
import { readSignatureSnippet, type SignatureSnippet } from './signature-snippet.js';

/** "The `sell` method takes", "`buyers` takes", "The constructor takes". */
export const PROSE_METHOD = /(?:^|[\s(,;])(?:`([a-z_][A-Za-z0-9_]*)`(?:\s+method)?|[Tt]he constructor)\s+takes\b/;
const MAX_SENTENCE = 600;
const TYPE_WORD = /^(?:int|float|str|bool|bytes|Decimal|date|datetime|dict|list|set|tuple)$/;
const CODE_TYPE = /^[A-Za-z_][\w.]*(?:\[.*\])?(?:\s*\|\s*[A-Za-z_][\w.]*(?:\[.*\])?)*$/;

/** The type and default a sentence gives a parameter right after its name. */
function typeAfter(rest: string): { type: string | null; fallback: string | null } {
  const paren = /^\s*\(\s*`?([A-Za-z_][\w.[\], |]*?)`?\s*(?:,\s*default\s+`?([^)`]+?)`?)?\s*\)/.exec(rest);
  if (paren && (TYPE_WORD.test(paren[1]!) || CODE_TYPE.test(paren[1]!))) return { type: paren[1]!, fallback: paren[2]?.trim() ?? null };
  const article = /^\s*,\s*an?\s+`?([A-Za-z_][\w.[\], |]*?)`?(?=[\s),;.]|$)([^`]{0,40}?\bdefaults? to\s+`?([^\s,;.`]+))?/.exec(rest);
  if (article && TYPE_WORD.test(article[1]!)) return { type: article[1]!, fallback: article[3] ?? null };
  return { type: null, fallback: null };
}

/** The signature a sentence describes, or null when it describes none. */
export function readProseMethod(sentence: string): SignatureSnippet | null {
  const start = PROSE_METHOD.exec(sentence.slice(0, MAX_SENTENCE));
  if (!start) return null;
  const name = start[1] ?? '__init__';
  let text = sentence.slice(start.index + start[0].length, start.index + start[0].length + MAX_SENTENCE);
  // The sentence ends at a full stop followed by a capital, or at a semicolon.
  const end = /;|\.(?:\s+[A-Z]|\s*$)/.exec(text);
  if (end) text = text.slice(0, end.index);
  const returnsAt = text.search(/\breturns?\b/);
  const taking = returnsAt < 0 ? text : text.slice(0, returnsAt);
  const parameters: string[] = [];
  // "The constructor takes no arguments" asks for nothing: every class has that constructor.
  if (name === '__init__' && /^\s*no (?:arguments|parameters)\b/i.test(taking)) return null;
  if (!/^\s*no (?:arguments|parameters)\b/i.test(taking)) {
    for (const match of taking.matchAll(/`([a-z_][A-Za-z0-9_]*)`/g)) {
      const { type, fallback } = typeAfter(taking.slice((match.index ?? 0) + match[0].length));
      parameters.push(`${match[1]}${type ? `: ${type}` : ''}${fallback ? ` = ${fallback}` : ''}`);
    }
    if (parameters.length === 0) return null;
  }
  const returned = returnsAt < 0 ? [] : [...text.slice(returnsAt).matchAll(/`([^`]+)`/g)].map((match) => match[1]!.trim()).filter((type) => CODE_TYPE.test(type) && /^[A-Z]|^(?:int|float|str|bool|bytes|dict|list|set|tuple|None)\b/.test(type));
  const returns = returned[returned.length - 1];
  return readSignatureSnippet(`${name}(${['self', ...parameters].join(', ')})${returns ? ` -> ${returns}` : ''}`);
}
