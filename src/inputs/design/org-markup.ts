/**
 * Emacs Org designs in a `.md` file, rewritten as markdown line for line: `* Heading` lines become
 * ATX headings, `#+BEGIN_SRC python` … `#+END_SRC` a fence, `#+TITLE:` the title, other `#+KEY:`
 * lines blank, and `~code~` / `=verbatim=` backticked. Only when the document has an Org block or
 * title line, which markdown never does. Linear: one pass, patterns bounded by the line.
 */

const ORG_MARK = /^#\+(?:begin_src|title):?/im;
const ORG_HEADING = /^(\*{1,6})\s+(\S.*)$/;
const ORG_KEYWORD = /^#\+(\w+):?\s*(.*)$/;
const VERBATIM = /(^|[\s(])([~=])([^\s~=](?:[^\n]*?[^\s])?)\2(?=[\s.,;:)]|$)/g;
const MAX_LINE = 4000;

/** Whether the text is an Org document. */
export function isOrgDocument(text: string): boolean {
  return ORG_MARK.test(text);
}

/** Rewrites the lines of an Org document as markdown, in place, one line for one line. */
export function rewriteOrg(lines: string[]): void {
  let inSource = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const keyword = ORG_KEYWORD.exec(line.trim());
    if (keyword) {
      const key = keyword[1]!.toLowerCase();
      if (inSource && key !== 'end_src') continue;
      if (key === 'begin_src') {
        lines[index] = `\`\`\`${(keyword[2] ?? '').split(/\s+/)[0] ?? ''}`;
        inSource = true;
      } else if (key === 'end_src') {
        lines[index] = '```';
        inSource = false;
      } else if (!inSource) lines[index] = key === 'title' ? `# ${keyword[2] ?? ''}` : '';
      continue;
    }
    if (inSource || line.length > MAX_LINE) continue;
    const heading = ORG_HEADING.exec(line);
    const text = heading ? heading[2]! : line;
    const verbatim = text.includes('~') || text.includes('=') ? text.replace(VERBATIM, '$1`$3`') : text;
    lines[index] = heading ? `${'#'.repeat(heading[1]!.length)} ${verbatim}` : verbatim;
  }
}
