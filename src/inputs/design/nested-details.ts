/**
 * Details designs write around a signature rather than in it: the bullets under it
 * (`- \`amount\` (float): ...`, `**Returns:** \`bool\``), models written as prose
 * (`**OrderLine** — \`sku: str\`, \`quantity: int\``) and the base every exception shares
 * ("All exceptions inherit from `ShopError`").
 */

/** Types and return the lines under a signature give it. */
export interface NestedDetails {
  /** Parameter name → type, from `- \`amount\` (float)` or `- \`amount\`: \`float\`` bullets. */
  parameterTypes: Map<string, string>;
  returns: string | null;
}

const MAX_DETAIL_LINES = 12;
const STARTS_SECTION = /^\s{0,3}#{1,6}\s/;
const PARAMETER_BULLET = /^\s*[-*+]\s+`([a-z_][A-Za-z0-9_]*)`\s*(?:\(\s*`?([^)`]+?)`?\s*\)|:\s*`([^`]+)`(?:\s|$|[-—–,.]))/;
// A bare type ends the line or is followed by a dash or comma and its description (`Returns: float - total value`).
const RETURNS_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:returns?|return type|retorno|devuelve|retourne)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*:?\s*(?:`([^`]+)`|([A-Za-z_][\w.]*(?:\[[^\]]*\])?)\s*(?:$|\s[-—–]\s|,\s))/i;
/** "Returns a float." in the signature's own description: a plain type after an article, ending the clause. */
const RETURNS_SENTENCE = /\bReturns\s+(?:an?\s+)?`?(int|float|str|bool|bytes|Decimal|dict|list|tuple|set|None)`?\s*(?:[.;,]|$)/;
/** `#### Parameters:`, `#### Returns:` under a signature heading: labels of its own details, not a new section. */
const DETAIL_HEADING = /^\s{0,3}#{1,6}\s+(?:\*\*)?(parameters?|arguments?|args|returns?|raises|exceptions?|example|usage)(?:\*\*)?\s*:?\s*$/i;
/** The first code span of a bullet under a Returns label (`- \`float\`: the price`). */
const RETURNS_BULLET = /^\s*[-*+]\s+`([^`]+)`/;
const PROSE_MODEL = /^\s*(?:[-*+]\s+)?\*\*`?([A-Z][A-Za-z0-9_]*)`?\*\*\s*(?:\(([^)]*)\))?\s*[—–:-]+\s*((?:`[a-z_][A-Za-z0-9_]*\s*:\s*[^`]+`[\s,;]*(?:and\s+|y\s+)?)+)\s*\.?\s*$/;
const FIELD = /`([a-z_][A-Za-z0-9_]*)\s*:\s*([^`]+)`/g;
const SHARED_BASE = /\b(?:all|every|each|todas|cada)\b[^.]{0,50}?\b(?:exceptions?|errors?|excepciones|errores)\b[^.]{0,40}?\b(?:inherits?|derives?|subclass(?:es)?|extends?|heredan?|derivan?)\b[^.`]{0,25}`?([A-Z][A-Za-z0-9_]*)`?/i;

/** Reads the bullets right under a signature (up to the next heading or signature-looking line). */
export function readNestedDetails(lines: string[], signatureIndex: number, isSignature: (line: string) => boolean): NestedDetails {
  const details: NestedDetails = { parameterTypes: new Map(), returns: null };
  const indent = (lines[signatureIndex] ?? '').length - (lines[signatureIndex] ?? '').trimStart().length;
  const own = RETURNS_SENTENCE.exec(lines[signatureIndex] ?? '');
  if (own) details.returns = own[1]!;
  let underReturnsLabel = false;
  for (let index = signatureIndex + 1; index < lines.length && index <= signatureIndex + MAX_DETAIL_LINES; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const lineIndent = line.length - line.trimStart().length;
    const label = DETAIL_HEADING.exec(line);
    if (label) {
      underReturnsLabel = /^returns?$/i.test(label[1]!);
      continue;
    }
    if (STARTS_SECTION.test(line) || (lineIndent <= indent && isSignature(line))) break;
    const labelled = underReturnsLabel && details.returns === null ? RETURNS_BULLET.exec(line) : null;
    if (labelled && /^[A-Za-z_][\w.]*(?:\[.*\])?(?:\s*\|\s*[A-Za-z_][\w.\[\], ]*)*$/.test(labelled[1]!.trim())) {
      details.returns = labelled[1]!.trim();
      continue;
    }
    const parameter = PARAMETER_BULLET.exec(line);
    if (parameter) {
      const type = (parameter[2] ?? parameter[3] ?? '').trim();
      if (/^[A-Za-z_][\w.]*(?:\[[^\]]*\])?(?:\s*\|\s*[A-Za-z_][\w.]*(?:\[[^\]]*\])?)*$/.test(type)) details.parameterTypes.set(parameter[1]!, type);
      continue;
    }
    const returns = RETURNS_LINE.exec(line);
    if (returns && details.returns === null) {
      const type = (returns[1] ?? returns[2] ?? '').trim();
      if (/^[A-Za-z_][\w.]*(?:\[.*\])?(?:\s*\|\s*[A-Za-z_][\w.\[\], ]*)*$/.test(type)) details.returns = type;
    }
  }
  return details;
}

/** A model written as a bold name and backticked `field: type` items, or null. */
export function readProseModel(line: string): { name: string; kindText: string; fields: Array<{ name: string; annotation: string }> } | null {
  if (!line.includes('**') || !line.includes(':')) return null;
  const match = PROSE_MODEL.exec(line);
  if (!match) return null;
  const fields = [...match[3]!.matchAll(FIELD)].map((field) => ({ name: field[1]!, annotation: field[2]!.trim() }));
  return fields.length > 0 ? { name: match[1]!, kindText: match[2] ?? '', fields } : null;
}

/** The base "all exceptions" share according to the text, or null. */
export function readSharedExceptionBase(line: string): string | null {
  // The pattern ignores case for its words; a class name still starts with a capital ("derives from itself" is none).
  const name = SHARED_BASE.exec(line)?.[1] ?? null;
  return name !== null && /^[A-Z]/.test(name) ? name : null;
}
