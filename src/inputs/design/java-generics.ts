/**
 * Designs written by leads used to Java or C# spell generic types with angle brackets (`list<int>`,
 * `map<str, list<Booking>>`, `Optional<Booking>`), which no Python parser reads. This rewrites them as
 * Python types, line for line: `list<int>` → `list[int]`, `map<K, V>` → `dict[K, V]`,
 * `optional<T>` → `T | None`, boxed names inside (`Integer`, `String`) → `int`, `str`. Only a known
 * container name directly followed by `<` and a bracket that closes on the same line around a type
 * expression is rewritten, so HTML tags, `<placeholders>` and arrows stay as they are. Each distinct
 * rewrite is reported, so the reader can say what it read. Linear: each line is scanned once, and a
 * type nests at most MAX_DEPTH deep.
 */

const CONTAINERS: Record<string, string> = {
  list: 'list', arraylist: 'list', linkedlist: 'list', array: 'list', vector: 'list',
  map: 'dict', hashmap: 'dict', treemap: 'dict', dict: 'dict', dictionary: 'dict',
  set: 'set', hashset: 'set', treeset: 'set', frozenset: 'frozenset',
  tuple: 'tuple', deque: 'deque', iterable: 'Iterable', iterator: 'Iterator', sequence: 'Sequence',
  collection: 'Collection', mapping: 'Mapping', type: 'type',
};
const BOXED: Record<string, string> = { integer: 'int', int: 'int', long: 'int', short: 'int', string: 'str', boolean: 'bool', bool: 'bool', double: 'float', float: 'float', void: 'None', object: 'object' };
const OPTIONAL = new Set(['optional', 'nullable']);
/** A container name followed by `<`: where a Java-style type may start. */
const GENERIC_START = /\b([A-Za-z]+)</g;
const TYPE_TEXT = /^[\w\s,.\[\]|]*$/;
const MAX_DEPTH = 8;

/** `<int, List<String>>` read from `open` (the `<`): the Python arguments and the index after `>`, or null. */
function readArguments(line: string, open: number, depth: number): { text: string; end: number } | null {
  if (depth > MAX_DEPTH) return null;
  let text = '';
  let index = open + 1;
  while (index < line.length) {
    const char = line[index]!;
    if (char === '>') return TYPE_TEXT.test(text) && text.trim() !== '' ? { text: text.trim(), end: index + 1 } : null;
    const name = /^[A-Za-z]+(?=<)/.exec(line.slice(index, index + 40))?.[0];
    if (name && (CONTAINERS[name.toLowerCase()] || OPTIONAL.has(name.toLowerCase()))) {
      const inner = readGeneric(line, index, name, depth + 1);
      if (!inner) return null;
      text += inner.text;
      index = inner.end;
      continue;
    }
    if (char === '<' || char === '"' || char === "'" || char === '=' || char === '/') return null;
    text += char;
    index++;
  }
  return null;
}

/** The Python type for the generic starting at `at` (its name), or null. */
function readGeneric(line: string, at: number, name: string, depth: number): { text: string; end: number } | null {
  const lower = name.toLowerCase();
  const argumentsRead = readArguments(line, at + name.length, depth);
  if (!argumentsRead) return null;
  const parts = argumentsRead.text.split(',').map((part) => {
    const trimmed = part.trim();
    return BOXED[trimmed.toLowerCase()] ?? trimmed;
  });
  if (OPTIONAL.has(lower)) return parts.length === 1 ? { text: `${parts[0]} | None`, end: argumentsRead.end } : null;
  return { text: `${CONTAINERS[lower]!}[${parts.join(', ')}]`, end: argumentsRead.end };
}

/** A rewritten type: the Python text and the 1-based line where it was first seen. */
export interface RewrittenType {
  python: string;
  line: number;
}

/** One line with its Java-style generic types rewritten; `rewritten` gets each type first seen. */
function rewriteLine(line: string, lineNumber: number, rewritten: Map<string, RewrittenType>): string {
  if (!line.includes('<')) return line;
  let out = '';
  let from = 0;
  GENERIC_START.lastIndex = 0;
  for (let match = GENERIC_START.exec(line); match; match = GENERIC_START.exec(line)) {
    const lower = match[1]!.toLowerCase();
    if (match.index < from || (!CONTAINERS[lower] && !OPTIONAL.has(lower))) continue;
    const generic = readGeneric(line, match.index, match[1]!, 0);
    if (!generic) continue;
    const before = line.slice(match.index, generic.end);
    if (!rewritten.has(before)) rewritten.set(before, { python: generic.text, line: lineNumber });
    out += line.slice(from, match.index) + generic.text;
    from = generic.end;
    GENERIC_START.lastIndex = generic.end;
  }
  return from === 0 ? line : out + line.slice(from);
}

/** The text with Java-style generic types written as Python types (line for line), and what was rewritten. */
export function pythonGenerics(text: string): { text: string; rewritten: Map<string, RewrittenType> } {
  const rewritten = new Map<string, RewrittenType>();
  if (!/[A-Za-z]</.test(text)) return { text, rewritten };
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) lines[index] = rewriteLine(lines[index]!, index + 1, rewritten);
  return { text: lines.join('\n'), rewritten };
}
