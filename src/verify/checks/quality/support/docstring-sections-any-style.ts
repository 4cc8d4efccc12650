import { parseDocstringSections, type DocstringSection, type DocstringSectionKind } from '../../../../python/docstring-sections.js';

/** reST (Sphinx) field names and the Google section each stands for. */
const FIELD_KINDS: Record<string, DocstringSectionKind> = {
  param: 'args', parameter: 'args', arg: 'args', argument: 'args', key: 'args', keyword: 'args',
  return: 'returns', returns: 'returns', yield: 'yields', yields: 'yields',
  raise: 'raises', raises: 'raises', except: 'raises', exception: 'raises',
  ivar: 'attributes', var: 'attributes', cvar: 'attributes',
};

/** `:param str name: text` → field `param`, argument `name` (the last word before the colon). */
const FIELD = /^:([A-Za-z]+)([^:\n]*):/;

/**
 * The sections of a docstring in any of the styles the brief's models write: Google and NumPy (the
 * project's parser), plus reST field lists (`:param name:`, `:return:`, `:raises Error:`), each
 * field read as an entry of the matching section. Docstring text is prose, read line by line.
 */
export function docstringSectionsAnyStyle(text: string): DocstringSection[] {
  const sections = parseDocstringSections(text);
  const fields = new Map<DocstringSectionKind, DocstringSection>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = FIELD.exec(lines[index]!.trim());
    const kind = match ? FIELD_KINDS[match[1]!.toLowerCase()] : undefined;
    if (!match || !kind) continue;
    let section = fields.get(kind);
    if (!section) fields.set(kind, (section = { title: match[1]!, kind, lineOffset: index, entries: [], content: [] }));
    const argument = match[2]!.trim().split(/\s+/).pop();
    if (argument) section.entries.push(argument.replace(/^\*+/, ''));
    section.content.push(lines[index]!.trim());
  }
  return [...sections, ...fields.values()];
}
