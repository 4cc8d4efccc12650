/** Sections of a Google-style (or NumPy-style) docstring, read from its text. */

/** What a docstring section is for. */
export type DocstringSectionKind = 'args' | 'returns' | 'yields' | 'raises' | 'examples' | 'attributes' | 'other';

/** One section of a docstring, e.g. `Args:` with its entries. */
export interface DocstringSection {
  /** The title as written, without the colon or underline (`Args`, `Keyword Arguments`). */
  title: string;
  kind: DocstringSectionKind;
  /** 0-based line of the header within the docstring text. */
  lineOffset: number;
  /** Names of the entries (`param`, `args` for `*args`, `ValueError`) for args, raises and attributes sections. */
  entries: string[];
  /** The non-blank lines of the section's body, trimmed. */
  content: string[];
}

const KIND_BY_TITLE: Record<string, DocstringSectionKind> = {
  args: 'args', arguments: 'args', parameters: 'args', params: 'args',
  'keyword args': 'args', 'keyword arguments': 'args', 'other parameters': 'args', 'other params': 'args',
  returns: 'returns', return: 'returns',
  yields: 'yields', yield: 'yields',
  raises: 'raises', raise: 'raises', exceptions: 'raises',
  example: 'examples', examples: 'examples', usage: 'examples', 'example usage': 'examples', 'usage example': 'examples', 'usage examples': 'examples',
  attributes: 'attributes',
};

/** Section kinds whose header may carry its content on the same line (`Returns: The total.`). */
const INLINE_KINDS = new Set<DocstringSectionKind>(['returns', 'yields', 'raises']);

/** A Google header: a capitalised title of a few words followed by a colon. */
const GOOGLE_HEADER = /^([A-Za-z][A-Za-z]*(?: [A-Za-z]+){0,2})\s*:\s*$/;
const GOOGLE_INLINE_HEADER = /^([A-Za-z]+)\s*:\s+(\S.*)$/;
const NUMPY_UNDERLINE = /^\s*-{3,}\s*$/;
const GOOGLE_ENTRY = /^(\*{0,2}[A-Za-z_][\w.]*)\s*(\([^)]*\))?\s*:/;
const NUMPY_ENTRY = /^(\*{0,2}[A-Za-z_][\w.]*(?:\s*,\s*\*{0,2}[A-Za-z_][\w.]*)*)\s*(?::.*)?$/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function kindOf(title: string): DocstringSectionKind {
  return KIND_BY_TITLE[title.toLowerCase()] ?? 'other';
}

interface Header {
  index: number;
  title: string;
  style: 'google' | 'numpy';
  inline: string | null;
}

function headerAt(lines: string[], index: number, baseIndent: number): Header | null {
  const line = lines[index] ?? '';
  if (line.trim() === '' || indentOf(line) !== baseIndent) return null;
  const text = line.trim();
  if (NUMPY_UNDERLINE.test(lines[index + 1] ?? '') && /^[A-Za-z][A-Za-z ]*$/.test(text)) return { index, title: text, style: 'numpy', inline: null };
  const google = GOOGLE_HEADER.exec(text);
  if (google?.[1]) {
    const title = google[1];
    // Unknown multi-word titles ("For example") are prose, not sections.
    if (kindOf(title) === 'other' && !/^[A-Z]/.test(title)) return null;
    return { index, title, style: 'google', inline: null };
  }
  const inline = GOOGLE_INLINE_HEADER.exec(text);
  if (inline?.[1] && inline[2] && INLINE_KINDS.has(kindOf(inline[1]))) return { index, title: inline[1], style: 'google', inline: inline[2] };
  return null;
}

function entryNames(kind: DocstringSectionKind, body: string[], style: Header['style'], baseIndent: number): string[] {
  if (kind !== 'args' && kind !== 'raises' && kind !== 'attributes') return [];
  const first = body.find((line) => line.trim() !== '');
  if (first === undefined) return [];
  const entryIndent = style === 'numpy' ? baseIndent : indentOf(first);
  const names: string[] = [];
  for (const line of body) {
    if (line.trim() === '' || indentOf(line) !== entryIndent) continue;
    const text = line.trim().replace(/^[-*]\s+(?=\w)/, '');
    const match = (style === 'numpy' ? NUMPY_ENTRY : GOOGLE_ENTRY).exec(text);
    if (!match?.[1]) continue;
    for (const name of match[1].split(',')) names.push(name.trim().replace(/^\*+/, ''));
  }
  return names;
}

/**
 * Reads the sections of a docstring. A Google header is a title line (`Args:`) at the docstring's
 * base indentation, its body the more-indented lines below; a NumPy header is a title underlined
 * with dashes, its body running to the next header.
 */
export function parseDocstringSections(text: string): DocstringSection[] {
  const lines = text.split('\n');
  const rest = lines.slice(1).filter((line) => line.trim() !== '');
  const baseIndent = rest.length > 0 ? Math.min(...rest.map(indentOf)) : 0;
  const headers: Header[] = [];
  for (let index = 0; index < lines.length; index++) {
    const header = headerAt(lines, index, index === 0 ? indentOf(lines[0] ?? '') : baseIndent);
    if (header) headers.push(header);
  }
  return headers.map((header, position) => {
    const next = headers[position + 1]?.index ?? lines.length;
    const start = header.index + (header.style === 'numpy' ? 2 : 1);
    let body = lines.slice(start, next);
    if (header.style === 'google') {
      const end = body.findIndex((line) => line.trim() !== '' && indentOf(line) <= baseIndent);
      if (end >= 0) body = body.slice(0, end);
    }
    const kind = kindOf(header.title);
    const content = body.map((line) => line.trim()).filter((line) => line !== '');
    if (header.inline) content.unshift(header.inline);
    return { title: header.title, kind, lineOffset: header.index, entries: entryNames(kind, body, header.style, baseIndent), content };
  });
}
