/**
 * Writes a table read from foreign markup (a wiki table, an HTML table) back as a GitHub table in the
 * document's own lines, so that every other line keeps its number: the header goes on the first line
 * the table used (or on a blank line just before it, when its header line is the table's first), the
 * delimiter on the next, then one row a line; lines left over are emptied. A table that does not fit
 * in its lines (and a blank line after them) is left as it was.
 */

/** One cell as markdown: pipes not already escaped are escaped, line breaks made spaces. */
function cellText(cell: string): string {
  return cell.replace(/\s+/g, ' ').replace(/(?<!\\)\|/g, '\\|').trim();
}

/**
 * Lays `rows` (the first is the header) into lines `first`..`last` (0-based, inclusive) of `lines`,
 * using the blank line before `first` when `useBlankBefore`, and the blank line after `last` when short of
 * room. Returns whether the table was written.
 */
export function layTable(lines: string[], first: number, last: number, rows: string[][], useBlankBefore = false): boolean {
  if (rows.length < 2 || rows[0]!.length === 0) return false;
  const slots: number[] = [];
  if (useBlankBefore && first > 0 && lines[first - 1]!.trim() === '') slots.push(first - 1);
  for (let index = first; index <= last; index++) slots.push(index);
  // The blank line after serves only when a blank line (or the end, or a heading) follows it: a paragraph right under a table would read as a row.
  const afterIsFree = last + 1 < lines.length && lines[last + 1]!.trim() === '' && (last + 2 >= lines.length || /^\s*(?:#|$)/.test(lines[last + 2]!));
  if (slots.length < rows.length + 1 && afterIsFree) slots.push(last + 1);
  if (slots.length < rows.length + 1) return false;
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const line = (row: string[]) => `| ${Array.from({ length: width }, (_unused, index) => cellText(row[index] ?? '')).join(' | ')} |`;
  const written = [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)];
  slots.forEach((slot, index) => {
    lines[slot] = written[index] ?? '';
  });
  return true;
}
