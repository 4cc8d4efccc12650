/**
 * A method whose heading gives only its name (`### \`Fridge.donate\``, `## add_order`, `#### hold`,
 * `**Function 1: \`base_fare\`**`) and whose section gives the rest: a Parameter | Type | Default table,
 * a two-column Field | Value table (Name, Parameters, Returns rows), `Input:` / `Output:` bullets, a
 * line holding only `` `(self, room: str) -> int` ``, a `Returns:` line. The pieces are put together
 * as a signature for the Python parser; nothing here reads Python. Each heading looks ahead a bounded
 * number of lines, so the cost stays linear.
 */
import { readSignatureSnippet, type SignatureSnippet } from './signature-snippet.js';

const LOOK_AHEAD = 40;
/** `### \`Fridge.donate\``, `## add_order`, `**Function 1: \`base_fare\`**`: a heading that is only a name. */
const NAME_HEADING = /^\s{0,3}(?:(#{1,6})\s+|\*\*)(?:(?:[Ff]unction|[Mm]ethod|[Ff]unci[oó]n|[Mm][eé]todo)(?:\s+\d{1,3})?\s*[:.—–-]\s*|(?:[Ff]unction|[Mm]ethod)\s+)?`?(?:([A-Z][A-Za-z0-9_]*)\.)?([a-z_][a-z0-9_]*)`?(?:\*\*)?\s*:?\s*$/;
/** Any other short heading (`## Constructor`): it counts only when its table has a Name row. */
const OTHER_HEADING = /^\s{0,3}(#{1,6})\s+\S.{0,40}$/;
const HEADING = /^\s{0,3}#{1,6}\s/;
const PSEUDO = /^\s*\*\*[^*]+\*\*\s*$/;
const CELLS = (line: string) => line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
const DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const TYPE = /^[A-Za-z_][\w.]*(?:\[.*\])?(?:\s*\|\s*[A-Za-z_][\w.]*(?:\[.*\])?)*$/;
/** `**Returns:** \`int\``, `Returns: \`T\` — text`, `- Output: \`Decimal\` rounded`, `| Returns | \`int\` (number) |`. */
const RETURNS = /^\s*(?:[-*+]\s+)?(?:\*\*)?(?:returns?|output|return type)(?:\*\*)?\s*:?\s*(?:\*\*)?\s*:?\s*`([^`]+)`/i;
/** `- Input: \`a\` (float), \`b\` (bool, default False)`. */
const INPUT = /^\s*(?:[-*+]\s+)?(?:\*\*)?(?:inputs?|parameters?|arguments?|args)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+)$/i;
const TYPED_ITEM = /`([a-z_][A-Za-z0-9_]*)`\s*\(\s*`?([^,()`]+?(?:\[[^\]]*\])?)`?\s*(?:,\s*(?:default(?:s to)?\s*`?([^()`]+?)`?|optional))?\s*\)/g;
const SIGNATURE_LINE = /^\s*`(\((?:[^`]*)\)(?:\s*->\s*[^`]+)?)`\s*$/;

/** The parameters of `` `a` (float), `b` (bool, default False) ``, as Python parameters, or null. */
function typedItems(text: string): string | null {
  const items = [...text.matchAll(TYPED_ITEM)].map((item) => `${item[1]}: ${item[2]!.trim()}${item[3] ? ` = ${item[3].trim()}` : ''}`);
  if (items.length > 0) return items.join(', ');
  return /^\s*(?:none|nothing|—|-)\s*\.?\s*$/i.test(text) ? '' : null;
}

/** Reads a table starting at `start`; returns the parameters and return it gives, and where it ends. */
function readTable(lines: string[], start: number): { parameters: string | null; returns: string | null; name?: string; end: number } {
  const header = CELLS(lines[start]!).map((cell) => cell.replace(/[`*]/g, '').toLowerCase());
  let end = start + 2;
  while (end < lines.length && lines[end]!.trimStart().startsWith('|')) end++;
  const rows = lines.slice(start + 2, end).map(CELLS);
  const nameColumn = header.findIndex((cell) => /^(parameter|param|argument|name)s?$/.test(cell));
  const typeColumn = header.findIndex((cell) => /^type$/.test(cell));
  if (nameColumn >= 0 && typeColumn >= 0) {
    const defaultColumn = header.findIndex((cell) => /^default( value)?$/.test(cell));
    const parameters = rows.map((row) => {
      const name = (row[nameColumn] ?? '').replace(/`/g, '').trim();
      const type = (row[typeColumn] ?? '').replace(/`/g, '').trim();
      const fallback = defaultColumn >= 0 ? (row[defaultColumn] ?? '').replace(/`/g, '').trim() : '';
      return /^[a-z_]\w*$/.test(name) ? `${name}${TYPE.test(type) ? `: ${type}` : ''}${fallback && !/^[-—–]$/.test(fallback) ? ` = ${fallback}` : ''}` : null;
    });
    return { parameters: parameters.every((parameter) => parameter !== null) ? parameters.join(', ') : null, returns: null, end };
  }
  // A two-column key/value table: `| Parameters | \`a: int\`, \`b: str\` |`, `| Returns | \`int\` (number) |`.
  if (header.length !== 2) return { parameters: null, returns: null, end };
  let parameters: string | null = null;
  let returns: string | null = null;
  let name: string | undefined;
  for (const row of rows) {
    const key = (row[0] ?? '').replace(/[`*]/g, '').trim().toLowerCase();
    const value = row[1] ?? '';
    if (key === 'name' && /^`[a-z_]\w*`$/.test(value.trim())) name = value.trim().slice(1, -1);
    else if (/^(parameters?|arguments?|inputs?|args)$/.test(key)) {
      const spans = [...value.matchAll(/`([^`]+)`/g)].map((span) => span[1]!.trim());
      parameters = spans.length > 0 && spans.every((span) => /^[a-z_]\w*(?:\s*:.+)?(?:\s*=.+)?$/.test(span)) ? spans.join(', ') : typedItems(value);
    } else if (/^(returns?|output|return type)$/.test(key)) {
      const type = /`([^`]+)`/.exec(value)?.[1]?.trim() ?? (value.trim() === 'None' ? 'None' : null);
      returns = type && TYPE.test(type) ? type : null;
    }
  }
  return { parameters, returns, ...(name ? { name } : {}), end };
}

/** The signature the section under a name-only heading at `index` spells out, or null. */
export function readSectionSignature(lines: string[], index: number): SignatureSnippet | null {
  const heading = NAME_HEADING.exec(lines[index] ?? '') ?? OTHER_HEADING.exec(lines[index] ?? '');
  if (!heading) return null;
  const depth = heading[1]?.length ?? 7;
  let parameters: string | null = null;
  let returns: string | null = null;
  let name = heading.length > 3 ? heading[3] : undefined;
  const last = Math.min(lines.length, index + 1 + LOOK_AHEAD);
  for (let at = index + 1; at < last; at++) {
    const line = lines[at]!;
    const deeper = /^\s{0,3}(#{1,6})\s/.exec(line);
    if ((deeper && deeper[1]!.length <= depth) || (depth === 7 && PSEUDO.test(line))) break;
    if (deeper || HEADING.test(line)) continue;
    const spelled = SIGNATURE_LINE.exec(line);
    if (spelled && parameters === null) {
      const inner = name ? readSignatureSnippet(`${name}${spelled[1]}`) : null;
      if (inner) {
        parameters = inner.parameters;
        returns ??= inner.returns;
      }
      continue;
    }
    if (line.trimStart().startsWith('|') && DELIMITER.test(lines[at + 1] ?? '')) {
      const table = readTable(lines, at);
      name ??= table.name;
      parameters ??= table.parameters;
      returns ??= table.returns;
      at = table.end - 1;
      continue;
    }
    const input = parameters === null && name ? INPUT.exec(line) : null;
    if (input) parameters = typedItems(input[1]!);
    const output: RegExpExecArray | null = returns === null ? RETURNS.exec(line) : null;
    if (output && TYPE.test(output[1]!.trim())) returns = output[1]!.trim();
  }
  // A Name row alone (under `## Constructor`) with no parameters row: a constructor without parameters.
  if (!name || parameters === null) return null;
  const owner = heading.length > 3 && heading[2] ? `${heading[2]}.` : '';
  return readSignatureSnippet(`${owner}${name}(${parameters})${returns ? ` -> ${returns}` : ''}`);
}
