/**
 * A method written as labelled bullets instead of a signature: `- **Method Name:** \`add_member\``
 * with nested `**Parameters:** \`name: str\`, \`email: str\`` (or one bullet per parameter, or
 * "none") and `**Returns:** \`int\``. Gives the signature text those bullets spell
 * (`add_member(name: str, email: str) -> int`), for the Python parser to read. Without a
 * Parameters line nothing is read: the parameters are never guessed.
 */

const LABEL = /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__)?(?:method|method name|function|function name|nombre del m[eé]todo|m[eé]todo|nome do m[eé]todo|nom de la m[ée]thode|m[ée]thode)\s*:?\s*(?:\*\*|__)?\s*:\s*(?:\*\*)?\s*`?([A-Za-z_][A-Za-z0-9_]*)`?\s*(?:\*\*)?\s*$/i;
const PARAMETERS = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:parameters?|params|arguments?|args|inputs?|par[aá]metros?|param[eè]tres?)\s*:?\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*(.*)$/i;
const RETURNS = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:returns?|return type|output|retorno|retorna|devuelve|retourne)\s*:?\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*(?:`([^`]+)`|([A-Za-z_][\w.]*(?:\[[^\]]*\])?)\s*(?:$|[-—–(]))/i;
const NONE = /^(?:none|no parameters?|nothing|—|-|n\/a|ninguno|nenhum|aucun)\.?$/i;
const PARAMETER = /^\*{0,2}[A-Za-z_]\w*(?:\s*:\s*[^=]+?)?(?:\s*=\s*.+)?$/;
const ITEM_BULLET = /^\s*[-*+]\s+`([a-z_][A-Za-z0-9_]*)(?:\s*:\s*([^`]+))?`\s*(?:\(\s*`?([^)`]+?)`?\s*\))?/;
const MAX_LINES = 14;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The parameters a Parameters line gives, or null when it is not a list of parameters. */
function parametersIn(text: string): string | null {
  const plain = text.trim().replace(/\*\*/g, '');
  if (NONE.test(plain)) return '';
  const spans = [...plain.matchAll(/`([^`]+)`/g)].map((match) => match[1]!.trim());
  const items = spans.length > 0 ? spans : plain.split(',').map((item) => item.trim());
  return items.every((item) => PARAMETER.test(item)) ? items.join(', ') : null;
}

/** The signature text a labelled method bullet and the bullets under it spell, or null. */
export function readLabelledMethod(lines: string[], index: number): string | null {
  const label = LABEL.exec(lines[index]!.replace(/\r$/, ''));
  if (!label) return null;
  const own = indentOf(lines[index]!);
  let parameters: string | null = null;
  let returns: string | null = null;
  for (let next = index + 1; next < lines.length && next <= index + MAX_LINES; next++) {
    const line = lines[next]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (/^\s{0,3}#/.test(line) || LABEL.test(line) || (indentOf(line) <= own && /^\s*(?:[-*+]|\d{1,3}[.)])\s/.test(line))) break;
    const listed = PARAMETERS.exec(line);
    if (listed && parameters === null) {
      parameters = listed[1]!.trim() === '' ? collectBullets(lines, next) : parametersIn(listed[1]!);
      if (parameters === null) return null;
      continue;
    }
    const result = RETURNS.exec(line);
    if (result && returns === null) returns = (result[1] ?? result[2] ?? '').trim() || null;
  }
  return parameters === null ? null : `${label[1]}(${parameters})${returns ? ` -> ${returns}` : ''}`;
}

/** `- \`amount\` (float): …` bullets under an empty "Parameters:" line, as `amount: float, …`. */
function collectBullets(lines: string[], labelIndex: number): string | null {
  const own = indentOf(lines[labelIndex]!);
  const items: string[] = [];
  for (let next = labelIndex + 1; next < lines.length && next <= labelIndex + MAX_LINES; next++) {
    const line = lines[next]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const item = indentOf(line) > own ? ITEM_BULLET.exec(line) : null;
    if (!item) break;
    const type = (item[2] ?? item[3])?.trim();
    items.push(type ? `${item[1]}: ${type}` : item[1]!);
  }
  return items.length > 0 ? items.join(', ') : null;
}
