/**
 * JSON with comments and trailing commas, as VS Code, Claude Code and Cursor read their MCP
 * files: enough to read such a file and to change one member in place, so that the user's
 * comments, layout and other servers stay as they were.
 */

/** Where one member of an object sits in the text. */
export interface JsoncMember {
  key: string;
  /** Offset of the key's opening quote. */
  keyStart: number;
  /** Offsets of the value: `[valueStart, valueEnd)`. */
  valueStart: number;
  valueEnd: number;
}

/** Where an object sits in the text, and its members. */
export interface JsoncObject {
  /** Offset of `{` and just after `}`. */
  start: number;
  end: number;
  members: JsoncMember[];
  /** Offset just after the last value or comma before `}` (where a new member goes), or after `{` when empty. */
  insertAt: number;
  /** True when the last member is followed by a comma already. */
  trailingComma: boolean;
}

/** A JSONC text that cannot be read: the message says where. */
export class JsoncError extends Error {
  override readonly name = 'JsoncError';
}

interface Token {
  kind: 'punct' | 'string' | 'literal';
  text: string;
  start: number;
  end: number;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** The tokens of a JSONC text, comments and whitespace left out (one pass, linear). */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (what: string, at: number): never => {
    throw new JsoncError(`${what} at line ${lineOf(text, at)}`);
  };
  while (index < text.length) {
    const char = text[index]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      index++;
    } else if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end + 1;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      if (end === -1) fail('an unclosed /* comment', index);
      index = end + 2;
    } else if ('{}[]:,'.includes(char)) {
      tokens.push({ kind: 'punct', text: char, start: index, end: index + 1 });
      index++;
    } else if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"' && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
      if (text[end] !== '"') fail('an unclosed string', index);
      tokens.push({ kind: 'string', text: text.slice(index, end + 1), start: index, end: end + 1 });
      index = end + 1;
    } else {
      let end = index;
      while (end < text.length && /[\w.+-]/.test(text[end]!)) end++;
      if (end === index) fail(`an unexpected "${char}"`, index);
      tokens.push({ kind: 'literal', text: text.slice(index, end), start: index, end });
      index = end;
    }
  }
  return tokens;
}

/**
 * Reads a JSONC text: its value, and the top-level object (`''`) and the objects directly under
 * its keys (e.g. `servers`) with where their members sit. Comments and trailing commas are blanked
 * before JSON.parse judges the rest, so anything else JSON refuses is still refused.
 */
export function readJsonc(text: string): { value: unknown; objects: Map<string, JsoncObject> } {
  const tokens = tokenize(text);
  const objects = new Map<string, JsoncObject>();
  // Open objects and arrays, innermost last (a loop, not recursion: no depth to overflow).
  const open: Array<{ place: string | null; object: JsoncObject | null; member: JsoncMember | null; pendingKey: { key: string; start: number } | null }> = [];
  const strict: string[] = [];
  let last = 0;
  for (let position = 0; position < tokens.length; position++) {
    const token = tokens[position]!;
    const next = tokens[position + 1];
    strict.push(text.slice(last, token.start).replace(/[^\n]/g, ' '), token.text === ',' && (next?.text === '}' || next?.text === ']') ? ' ' : token.text);
    last = token.end;
    const parent = open.at(-1);
    if (token.kind === 'string' && parent?.object && next?.text === ':' && !parent.pendingKey) {
      parent.pendingKey = { key: JSON.parse(token.text) as string, start: token.start };
      continue;
    }
    if (token.text === ',' || token.text === ':') continue;
    if (token.text === '}' || token.text === ']') {
      const closed = open.pop();
      if (closed?.member) closed.member.valueEnd = token.end;
      if (closed?.object) {
        const before = tokens[position - 1]!;
        closed.object.end = token.end;
        closed.object.trailingComma = before.text === ',' && closed.object.members.length > 0;
        closed.object.insertAt = before.end;
      }
      continue;
    }
    // A value: a member of the object it is in when a key is waiting for it.
    let member: JsoncMember | null = null;
    if (parent?.object && parent.pendingKey) {
      member = { key: parent.pendingKey.key, keyStart: parent.pendingKey.start, valueStart: token.start, valueEnd: token.end };
      parent.object.members.push(member);
    }
    if (parent?.pendingKey) parent.pendingKey = null;
    if (token.text !== '{' && token.text !== '[') continue;
    const place = parent === undefined ? '' : parent.place === '' && member ? member.key : null;
    const object = token.text === '{' && place !== null && !objects.has(place) ? { start: token.start, end: token.end, members: [], insertAt: token.end, trailingComma: false } : null;
    if (object) objects.set(place!, object);
    open.push({ place: object ? place : null, object, member, pendingKey: null });
  }
  strict.push(text.slice(last).replace(/[^\n]/g, ' '));
  try {
    return { value: JSON.parse(strict.join('')), objects };
  } catch (error) {
    // The blanked text keeps every offset, so JSON's "position N" is a place in the user's file.
    const message = (error as Error).message
      .replace(/ in JSON at position (\d+).*$/s, (_match, offset: string) => ` at line ${lineOf(text, Number(offset))}`)
      .replace(/, ".*" is not valid JSON$/s, '');
    throw new JsoncError(message);
  }
}
