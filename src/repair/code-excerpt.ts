/** Lines shown before and after a finding's line. */
export const EXCERPT_CONTEXT_LINES = 2;

/** Longest code line shown; a longer one is cut with an ellipsis. */
const MAX_EXCERPT_LINE_CHARS = 160;

/**
 * A few numbered lines of `lines` around `line` (1-based), the finding's line marked with `>`.
 * Empty for line 0 (a finding about the whole module) or a line past the end.
 */
export function codeExcerpt(lines: readonly string[], line: number, context: number = EXCERPT_CONTEXT_LINES): string {
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const shown: string[] = [];
  for (let number = first; number <= last; number++) {
    const text = lines[number - 1]!;
    const cut = text.length > MAX_EXCERPT_LINE_CHARS ? `${text.slice(0, MAX_EXCERPT_LINE_CHARS)}…` : text;
    shown.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)} | ${cut}`.trimEnd());
  }
  return shown.join('\n');
}
