/**
 * An API written as TOML (`[[classes]]` with `[[classes.methods]]`, `[[exceptions]]`, `[[models]]`,
 * parameters as inline tables). The subset designs use is read here into plain data and handed to
 * the YAML API reader as JSON (JSON is YAML), so both read one structure. Every entry takes the
 * block's first line. Values nest at most MAX_DEPTH deep and each character is read once: a
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

/** The document's tables: `[a.b]` and `[[a.b]]` headers (an array of tables appends to the last element of its parents). */
function readToml(text: string): Table {
  const root: Table = {};
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

/** The block as JSON when it is TOML describing an API (`classes`, `functions`, `exceptions` or `models`), else null. */
export function tomlApiAsJson(text: string): string | null {
  if (text.length > MAX_TOML) return null;
  let data: Table;
  try {
    data = readToml(text);
  } catch {
    return null;
  }
  const api = ['classes', 'functions', 'exceptions', 'models'].some((key) => Array.isArray(data[key]));
  return api ? JSON.stringify(data) : null;
}
