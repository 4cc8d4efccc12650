/**
 * A plain block that holds nothing but typed signatures written without `def`
 * (`assign(walker: str, slot: str) -> bool`), as Python stubs line for line: each becomes
 * `def assign(...) -> bool: ...`. Under a heading that calls it a method ("Method `assign`"),
 * `self` is added where the signature leaves it out, so the reader places it as a method of the
 * class the document names. Null when any non-blank line is something else, or none is typed.
 */

const SIGNATURE_LINE = /^\s*(async\s+)?([A-Za-z_]\w*)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?:->\s*([^:#]+?))?\s*:?\s*$/;
const METHOD_HEADING = /\b(?:method|m[ée]todo|m[ée]thode|metodo|methode)\b/i;
const MAX_LINES = 20;

/** Python stubs for a block of bare typed signatures, or null. */
export function signatureStubs(code: string, heading: string): string | null {
  const lines = code.split('\n');
  if (lines.length > MAX_LINES) return null;
  const method = METHOD_HEADING.test(heading);
  let typed = false;
  const output: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      output.push('');
      continue;
    }
    const match = line.length > 2000 ? null : SIGNATURE_LINE.exec(line);
    if (!match || /^(?:def|class|if|for|while|return|print)$/.test(match[2]!)) return null;
    const parameters = match[3]!.trim();
    // A call with literal arguments (`book({"day": 1})`, `f("a: b")`) is an example, not a signature.
    if (/["'{}]/.test(parameters)) return null;
    typed ||= match[4] !== undefined || parameters.includes(':');
    const withSelf = method && !/^(?:self|cls)\b/.test(parameters) ? `self${parameters ? `, ${parameters}` : ''}` : parameters;
    output.push(`${match[1] ?? ''}def ${match[2]}(${withSelf})${match[4] ? ` -> ${match[4].trim()}` : ''}: ...`);
  }
  return typed ? output.join('\n') : null;
}
