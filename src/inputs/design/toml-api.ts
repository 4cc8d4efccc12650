/**
 * An API written as TOML (`[[classes]]` with `[[classes.methods]]`, `[[exceptions]]`, `[[models]]`,
 * parameters as inline tables). The subset designs use is read here into plain data and handed to
 * the YAML API reader as JSON (JSON is YAML), so both read one structure. The JSON is laid out so
 * that each `[[table]]` entry opens on its header's line, so every class, method and exception keeps
 * its own line in the design. Values nest at most MAX_DEPTH deep and each character is read once: a
 * malformed or hostile block is no API (null), never an exception or a deep recursion.
 */
const MAX_DEPTH = 16;
const MAX_TOML = 200_000;

type TomlValue = string | number | boolean | TomlValue[] | { [key: string]: TomlValue };
type Table = { [key: string]: TomlValue };

class Cursor {
  index = 0;
  constructor(readonly text: string) {}
  /** Skips spaces, and newlines and comments too when `lines` (inside arrays). */
  skip(lines: boolean): void {
    for (;;) {
      const char = this.text[this.index];
      if (char === ' ' || char === '\t' || (lines && (char === '\n' || char === '\r'))) this.index++;
      else if (char === '#' && lines) while (this.index < this.text.length && this.text[this.index] !== '\n') this.index++;
      else return;
    }
  }
}

function readString(cursor: Cursor): string {
  const quote = cursor.text[cursor.index]!;
  let value = '';
  for (cursor.index++; cursor.index < cursor.text.length; cursor.index++) {
    const char = cursor.text[cursor.index]!;
    if (char === quote) {
      cursor.index++;
      return value;
    }
    if (char === '\n') break;
    if (char === '\\' && quote === '"') value += cursor.text[++cursor.index] ?? '';
    else value += char;
  }
  throw new Error('unclosed string');
}

function readValue(cursor: Cursor, depth: number): TomlValue {
  if (depth > MAX_DEPTH) throw new Error('too deep');
  cursor.skip(false);
  const char = cursor.text[cursor.index];
  if (char === '"' || char === "'") return readString(cursor);
  if (char === '[' || char === '{') {
    const table = char === '{';
    const items: TomlValue[] = [];
    const entries: Table = {};
    cursor.index++;
    for (;;) {
      cursor.skip(!table);
      if (cursor.text[cursor.index] === (table ? '}' : ']')) {
        cursor.index++;
        return table ? entries : items;
      }
      if (table) {
        const key = readKey(cursor);
        cursor.skip(false);
        if (cursor.text[cursor.index++] !== '=') throw new Error('expected =');
        entries[key] = readValue(cursor, depth + 1);
      } else items.push(readValue(cursor, depth + 1));
      cursor.skip(!table);
      if (cursor.text[cursor.index] === ',') cursor.index++;
      else if (cursor.text[cursor.index] !== (table ? '}' : ']')) throw new Error('expected , or close');
    }
  }
  const bare = /^[^\s,\]}#]+/.exec(cursor.text.slice(cursor.index, cursor.index + 100))?.[0] ?? '';
  if (bare === '') throw new Error('expected a value');
  cursor.index += bare.length;
  if (bare === 'true' || bare === 'false') return bare === 'true';
  return Number.isNaN(Number(bare.replace(/_/g, ''))) ? bare : Number(bare.replace(/_/g, ''));
}

function readKey(cursor: Cursor): string {
  cursor.skip(false);
  const char = cursor.text[cursor.index];
  if (char === '"' || char === "'") return readString(cursor);
  const key = /^[A-Za-z0-9_.-]+/.exec(cursor.text.slice(cursor.index, cursor.index + 200))?.[0] ?? '';
  if (key === '') throw new Error('expected a key');
  cursor.index += key.length;
  return key;
}

/** The document's tables: `[a.b]` and `[[a.b]]` headers (an array of tables appends to the last element of its parents); `lines` gets each table's 0-based header line. */
function readToml(text: string, lines: Map<Table, number>): Table {
  const root: Table = {};
  let line = 0;
  let counted = 0;
  const lineAt = (index: number) => {
    for (; counted < index; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
  let current: Table = root;
  const cursor = new Cursor(text);
  const open = (path: string[], append: boolean): Table => {
    let table: Table = root;
    path.forEach((part, index) => {
      const last = index === path.length - 1;
      let next = table[part];
      if (last && append) {
        if (!Array.isArray(next)) next = table[part] = [];
        const entry: Table = {};
        lines.set(entry, lineAt(cursor.index));
        (next as TomlValue[]).push(entry);
        table = entry;
        return;
      }
      if (next === undefined) next = table[part] = {};
      if (Array.isArray(next)) next = next[next.length - 1] ?? {};
      if (typeof next !== 'object') throw new Error('not a table');
      table = next as Table;
    });
    return table;
  };
  while (cursor.index < text.length) {
    cursor.skip(true);
    if (cursor.index >= text.length) break;
    const header = /^(\[\[?)\s*([A-Za-z0-9_."' -]+?)\s*\]\]?[ \t]*(?:#[^\n]*)?(?=\r?\n|$)/.exec(text.slice(cursor.index, cursor.index + 300));
    if (header) {
      current = open(header[2]!.split('.').map((part) => part.trim().replace(/^["']|["']$/g, '')), header[1] === '[[');
      cursor.index += header[0].length;
      continue;
    }
    const key = readKey(cursor).split('.');
    cursor.skip(false);
    if (cursor.text[cursor.index++] !== '=') throw new Error('expected =');
    let table = current;
    for (const part of key.slice(0, -1)) table = (table[part] ??= {}) as Table;
    table[key[key.length - 1]!] = readValue(cursor, 0);
    cursor.skip(false);
    if (cursor.text[cursor.index] === '#') while (cursor.index < text.length && cursor.text[cursor.index] !== '\n') cursor.index++;
    if (cursor.index < text.length && !/[\r\n]/.test(cursor.text[cursor.index]!)) throw new Error('expected the end of the line');
  }
  return root;
}

/**
 * JSON text of `value` whose tables open on their TOML lines (newlines before them as needed; a table
 * whose line has passed opens where it is). Iterative: the parts are written from an explicit stack.
 */
function jsonOnLines(value: TomlValue, lines: Map<Table, number>): string {
  type Part = { raw: string } | { value: TomlValue };
  let out = '';
  let line = 0;
  const stack: Part[] = [{ value }];
  while (stack.length > 0) {
    const part = stack.pop()!;
    if ('raw' in part) {
      out += part.raw;
      continue;
    }
    const item = part.value;
    if (typeof item !== 'object') {
      out += JSON.stringify(item);
      continue;
    }
    const at = Array.isArray(item) ? undefined : lines.get(item);
    if (at !== undefined && at > line) {
      out += '\n'.repeat(at - line);
      line = at;
    }
    const parts: Part[] = [];
    if (Array.isArray(item)) {
      parts.push({ raw: '[' });
      item.forEach((element, index) => parts.push(...(index > 0 ? [{ raw: ',' }] : []), { value: element }));
      parts.push({ raw: ']' });
    } else {
      parts.push({ raw: '{' });
      Object.entries(item).forEach(([key, element], index) => parts.push({ raw: `${index > 0 ? ',' : ''}${JSON.stringify(key)}:` }, { value: element }));
      parts.push({ raw: '}' });
    }
    for (let index = parts.length - 1; index >= 0; index--) stack.push(parts[index]!);
  }
  return out;
}

/** The block as JSON when it is TOML describing an API (`classes`, `functions`, `exceptions` or `models`), else null. */
export function tomlApiAsJson(text: string): string | null {
  if (text.length > MAX_TOML) return null;
  let data: Table;
  const lines = new Map<Table, number>();
  try {
    data = readToml(text, lines);
  } catch {
    return null;
  }
  const api = ['classes', 'functions', 'exceptions', 'models'].some((key) => Array.isArray(data[key]));
  return api ? jsonOnLines(data, lines) : null;
}
