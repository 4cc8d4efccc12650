/**
 * Designs pasted from a wiki in its own markup, rewritten as markdown line for line (tables are laid
 * out by lay-table.ts, which may move a row by one line):
 * - Jira and Confluence wiki markup: `h2. Title` headings, `{code:python}` … `{code}` blocks (and
 *   `{noformat}`), `{{code}}` spans, `||Header||` and `|cell|` tables, `# item` numbered items, and
 *   `{panel}`, `{note}`, `{info}` macros (dropped, their text kept). Only when two `hN.` headings
 *   stand outside the markdown's own fences.
 * - MediaWiki: `== Title ==` headings, `'''bold'''`, `<code>` spans, `<syntaxhighlight lang="python">`
 *   (or `<source>`, `<pre>`) blocks, `{| … |}` tables with `!`/`!!` headers, `||` cells and `|-` row
 *   breaks, `*`/`**`/`#` items. Only when two headings closed by their `=` run stand outside fences.
 * Linear: each line is looked at a bounded number of times.
 */
import { layTable } from './lay-table.js';

const JIRA_HEADING = /^h([1-6])\.\s+(\S.*)$/;
const JIRA_CODE = /^\s*\{(code|noformat)(?::([\w+-]+))?[^}]{0,200}\}\s*$/i;
const JIRA_MACRO = /\{(?:panel|note|info|warning|tip|quote|expand|color|section|column)(?::[^}]{0,200})?\}/gi;
const WIKI_HEADING = /^(={1,6})\s*([^=].{0,300}?)\s*\1\s*$/;
const WIKI_CODE_OPEN = /^\s*<(syntaxhighlight|source|pre)\b(?:[^>]{0,200}?\blang=["']?([\w+-]+))?[^>]{0,200}>\s*$/i;
const WIKI_CODE_CLOSE = /^\s*<\/(syntaxhighlight|source|pre)>\s*$/i;

/** Cells of a Jira row: `||a||b||` (header) or `|a|b|`, escaped pipes and `{{…}}` spans kept whole. */
function jiraCells(line: string): string[] {
  const text = line.trim().replace(/^\|\|?/, '').replace(/\|\|?$/, '');
  const cells: string[] = [];
  let cell = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\' && text[index + 1] === '|') {
      cell += '\\|';
      index++;
    } else if (char === '|') {
      cells.push(cell);
      cell = '';
      if (text[index + 1] === '|') index++;
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((value) => inlineJira(value.trim()));
}

function inlineJira(text: string): string {
  return text.replace(/\{\{([^{}]{1,400}?)\}\}/g, '`$1`').replace(JIRA_MACRO, '').replace(/^-$/, '—');
}

function rewriteJira(lines: string[], fenced: Uint8Array): void {
  let code: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    const line = lines[index]!;
    const block = JIRA_CODE.exec(line);
    if (code !== null) {
      if (block && block[1]!.toLowerCase() === code && !block[2]) {
        lines[index] = '```';
        code = null;
      }
      continue;
    }
    if (block) {
      lines[index] = `\`\`\`${block[2] ?? ''}`;
      code = block[1]!.toLowerCase();
      continue;
    }
    const heading = JIRA_HEADING.exec(line);
    if (heading) {
      lines[index] = `${'#'.repeat(Number(heading[1]))} ${inlineJira(heading[2]!)}`;
      continue;
    }
    if (line.startsWith('||')) {
      let last = index;
      while (last + 1 < lines.length && !fenced[last + 1] && lines[last + 1]!.startsWith('|')) last++;
      const rows = [];
      for (let row = index; row <= last; row++) rows.push(jiraCells(lines[row]!));
      layTable(lines, index, last, rows, true);
      index = last;
      continue;
    }
    const numbered = /^(#+)\s+(\S.*)$/.exec(line);
    if (numbered && !/^#+\s*$/.test(line)) {
      lines[index] = `${'   '.repeat(numbered[1]!.length - 1)}1. ${inlineJira(numbered[2]!)}`;
      continue;
    }
    lines[index] = inlineJira(line);
  }
}

/** Cells of a MediaWiki table line (`! a !! b`, `| a || b`), without the leading marker. */
function wikiCells(line: string): string[] {
  const text = line.trim().slice(1);
  return text.split(line.trim().startsWith('!') ? /!!|\|\|/ : /\|\|/).map((cell) => inlineWiki(cell.trim()));
}

function inlineWiki(text: string): string {
  return text.replace(/'''(.{1,400}?)'''/g, '**$1**').replace(/''(.{1,400}?)''/g, '*$1*').replace(/<\/?code>/gi, '`').replace(/<\/?(?:tt|kbd|var)>/gi, '`');
}

/** Reads `{| … |}` from `open`; returns the closing line's index. */
function rewriteWikiTable(lines: string[], open: number, fenced: Uint8Array): number {
  let close = open + 1;
  while (close < lines.length && !fenced[close] && !lines[close]!.trim().startsWith('|}')) close++;
  if (close >= lines.length || fenced[close]) return open;
  const rows: string[][] = [];
  let row: string[] | null = null;
  for (let index = open + 1; index < close; index++) {
    const line = lines[index]!.trim();
    if (line.startsWith('|-')) {
      row = null;
      continue;
    }
    if (line.startsWith('|+') || line === '') continue;
    if (line.startsWith('!') || line.startsWith('|')) {
      if (!row) {
        row = [];
        rows.push(row);
      }
      row.push(...wikiCells(line));
    } else if (row && row.length > 0) row[row.length - 1] += ` ${inlineWiki(line)}`;
  }
  if (layTable(lines, open, close, rows)) return close;
  return open;
}

function rewriteMediaWiki(lines: string[], fenced: Uint8Array): void {
  let inCode = false;
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    const line = lines[index]!;
    if (inCode) {
      if (WIKI_CODE_CLOSE.test(line)) {
        lines[index] = '```';
        inCode = false;
      }
      continue;
    }
    const open = WIKI_CODE_OPEN.exec(line);
    if (open) {
      lines[index] = `\`\`\`${open[2] ?? ''}`;
      inCode = true;
      continue;
    }
    const heading = WIKI_HEADING.exec(line);
    if (heading) {
      lines[index] = `${'#'.repeat(heading[1]!.length)} ${inlineWiki(heading[2]!)}`;
      continue;
    }
    if (line.trim().startsWith('{|')) {
      index = rewriteWikiTable(lines, index, fenced);
      continue;
    }
    const item = /^([*#]+)\s*(\S.*)$/.exec(line);
    if (item && !/^\*\*[^*\s][^*]*\*\*/.test(line)) {
      const depth = item[1]!.length - 1;
      lines[index] = `${'  '.repeat(depth)}${item[1]!.endsWith('#') ? '1.' : '-'} ${inlineWiki(item[2]!)}`;
      continue;
    }
    lines[index] = inlineWiki(line);
  }
}

/** Whether the lines outside fences are wiki markup: two Jira or two MediaWiki headings. */
export function wikiMarkupOf(lines: string[], fenced: Uint8Array): 'jira' | 'mediawiki' | null {
  let jira = 0;
  let mediawiki = 0;
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    if (JIRA_HEADING.test(lines[index]!)) jira++;
    else if (lines[index]!.length <= 400 && WIKI_HEADING.test(lines[index]!)) mediawiki++;
  }
  return jira >= 2 ? 'jira' : mediawiki >= 2 ? 'mediawiki' : null;
}

/** Rewrites Jira/Confluence or MediaWiki markup as markdown, in place. */
export function rewriteWikiMarkup(lines: string[], fenced: Uint8Array, kind: 'jira' | 'mediawiki'): void {
  if (kind === 'jira') rewriteJira(lines, fenced);
  else rewriteMediaWiki(lines, fenced);
}
