import { JsoncError, readJsonc } from './read-jsonc.js';

/** Leading whitespace of the line `offset` is on, and whether only whitespace comes before it there. */
function lineIndent(text: string, offset: number): { indent: string; startsLine: boolean } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const indent = /^[ \t]*/.exec(before)![0];
  return { indent, startsLine: indent.length === before.length };
}

function serialized(value: unknown, unit: string, indent: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, `\n${indent}`);
}

/**
 * The JSONC text with `value` as the member `name` of the object under `key` in the top-level
 * object (that object added when absent): an existing member's value is replaced in place, a new
 * member goes after the last one, in the file's indentation. Comments, other members and layout
 * stay as they were. Throws `JsoncError` when the text cannot be read or `key` holds no object.
 */
export function setJsoncMember(text: string, key: string, name: string, value: unknown): string {
  const { objects } = readJsonc(text);
  const top = objects.get('');
  if (!top) throw new JsoncError('the top level is not an object');
  const firstTop = top.members[0];
  const topIndent = firstTop && lineIndent(text, firstTop.keyStart).startsLine ? lineIndent(text, firstTop.keyStart).indent : '';
  const unit = topIndent.length > 0 ? topIndent : '  ';
  const holder = top.members.findLast((member) => member.key === key);
  const container = holder ? objects.get(key) : undefined;
  if (holder && (!container || container.start !== holder.valueStart)) throw new JsoncError(`"${key}" is not an object`);
  const [target, entryName, entryValue] = container ? [container, name, value] : [top, key, { [name]: value }];
  const existing = target.members.findLast((member) => member.key === entryName);
  const first = target.members[0];
  const indent = first && lineIndent(text, first.keyStart).startsLine ? lineIndent(text, first.keyStart).indent : `${lineIndent(text, target.start).indent}${unit}`;
  // An object written on one line stays on one line.
  const oneLine = !text.slice(target.start, target.end).includes('\n');
  const written = oneLine ? JSON.stringify(entryValue) : serialized(entryValue, unit, indent);
  if (existing) return `${text.slice(0, existing.valueStart)}${written}${text.slice(existing.valueEnd)}`;
  const member = `${JSON.stringify(entryName)}: ${written}`;
  const comma = target.members.length > 0 && !target.trailingComma ? ',' : '';
  if (oneLine) return `${text.slice(0, target.insertAt)}${comma}${target.members.length > 0 ? ' ' : ''}${member}${text.slice(target.insertAt)}`;
  const closingOnItsOwnLine = text.slice(target.insertAt, target.end - 1).includes('\n');
  const closing = closingOnItsOwnLine ? '' : `\n${lineIndent(text, target.start).indent}`;
  const after = target.trailingComma ? ',' : '';
  return `${text.slice(0, target.insertAt)}${comma}\n${indent}${member}${after}${closing}${text.slice(target.insertAt)}`;
}
