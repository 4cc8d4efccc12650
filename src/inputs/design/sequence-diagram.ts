/**
 * A Mermaid `sequenceDiagram` whose messages are method calls (`C->>+B: deposit(parcel_id: str, size: str)`)
 * as Python stubs, so the Python parser reads the signatures. A participant whose name (or alias
 * label: `participant B as LockerBank`) is a class name and that receives a call with parentheses is a
 * class (a one-word name such as `Backend` only when a call to it is typed); each call it receives is a method (the first call of a name wins), and the reply that comes
 * back to the caller (`B-->>-C: code: str`, `B-->>C: list[str]`) gives its return type; a reply that
 * raises (`B--xC: raise NoFreeLocker`) gives none. A note holding `ClassName(…)` is the constructor.
 * Every stub keeps the line of the message it came from. Returns null when the block is no sequence
 * diagram or names no such call. Linear: one pass over the lines, each bounded in length.
 */

const SEQUENCE_START = /^\s*sequenceDiagram\s*$/m;
const PARTICIPANT = /^\s*(?:participant|actor)\s+(\S+?)(?:\s+as\s+(.+?))?\s*$/;
/** The arrow of a message: solid (`->>`, `->`, `-x`, `-)`) is a call, dashed (`-->>`, `-->`, `--x`) a reply. */
const ARROW = /--?(?:>>|>|x|\))/;
const NOTE = /^\s*note\s+(?:over|left of|right of)\s+([^:]+):\s*(.*?)\s*$/i;
const CALL = /^([A-Za-z_]\w*)\s*\((.*)\)\s*(?:(?:->|:)\s*(\S.*))?$/;
const CLASS_NAME = /^[A-Z][A-Za-z0-9_]*$/;
/** `LockerBank`, not `Backend` or `UI`: a one-word participant is a role, unless a call to it is typed. */
const COMPOUND_NAME = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/;
/** A reply that is a type: a built-in or a class name, maybe subscripted, maybe `| None`. */
const TYPE_TEXT = /^(?:int|str|float|bool|bytes|None|list|dict|set|tuple|frozenset|[A-Z]\w*)(?:\[[\w\[\], .|]*\])?(?:\s*\|\s*(?:None|[A-Za-z_][\w\[\], .]*))?$/;
const MAX_LINE = 1000;

interface Method {
  name: string;
  parameters: string;
  returns: string | null;
  line: number;
}

/** `C->>+B: text` as its parts, or null; found by one search for the arrow, so a long line costs its length. */
function readMessage(raw: string): { from: string; reply: boolean; to: string; text: string } | null {
  const arrow = ARROW.exec(raw);
  if (!arrow || arrow.index === 0) return null;
  const rest = raw.slice(arrow.index + arrow[0].length);
  const colon = rest.indexOf(':');
  if (colon < 0) return null;
  const from = raw.slice(0, arrow.index).trim();
  const to = rest.slice(0, colon).trim().replace(/^[+-]\s*/, '');
  if (!/^[^\s:]+(?: [^\s:]+)*$/.test(from) || !/^\S+$/.test(to)) return null;
  return { from, reply: arrow[0].startsWith('--'), to, text: rest.slice(colon + 1).trim() };
}

/** The type a reply states: `code: str` → `str`, `list[str]` → itself; null for `raise X` or a phrase. */
function replyType(text: string): string | null {
  const named = /^[a-z_]\w*\s*:\s*(.+)$/.exec(text);
  const type = (named ? named[1]! : text).trim();
  return TYPE_TEXT.test(type) ? type : null;
}

/** Stubs of the diagram's classes and the diagram line (0-based) of each stub line, or null. */
export function sequenceDiagramStubs(code: string): { text: string; lineOf: number[] } | null {
  if (!SEQUENCE_START.test(code)) return null;
  const lines = code.split('\n');
  const names = new Map<string, string>();
  const classes = new Map<string, { line: number; constructor: Method | null; methods: Map<string, Method> }>();
  /** Calls waiting for their reply, by `caller>callee`. */
  const waiting = new Map<string, Method[]>();
  const nameOf = (id: string) => names.get(id.trim()) ?? id.trim();
  const classOf = (name: string, line: number) => {
    let cls = classes.get(name);
    if (!cls) classes.set(name, (cls = { line, constructor: null, methods: new Map() }));
    return cls;
  };
  lines.forEach((raw, index) => {
    if (raw.length > MAX_LINE) return;
    const participant = PARTICIPANT.exec(raw);
    if (participant) {
      names.set(participant[1]!, (participant[2] ?? participant[1]!).trim());
      return;
    }
    const note = NOTE.exec(raw);
    if (note) {
      const call = CALL.exec(note[2]!);
      if (call && CLASS_NAME.test(call[1]!) && note[1]!.split(',').some((id) => nameOf(id) === call[1])) {
        classOf(call[1]!, index).constructor ??= { name: '__init__', parameters: call[2]!, returns: null, line: index };
      }
      return;
    }
    const message = readMessage(raw);
    if (!message) return;
    const { from, to, text } = message;
    const caller = nameOf(from);
    const callee = nameOf(to);
    if (message.reply) {
      const pending = waiting.get(`${callee}>${caller}`);
      const answered = pending?.pop();
      if (answered && !/^raise\b/i.test(text)) answered.returns ??= replyType(text);
      return;
    }
    const call = CALL.exec(text);
    if (!call || !CLASS_NAME.test(callee)) return;
    const cls = classOf(callee, index);
    let method = cls.methods.get(call[1]!);
    if (!method) cls.methods.set(call[1]!, (method = { name: call[1]!, parameters: call[2]!, returns: call[3] ? replyType(call[3]) : null, line: index }));
    const key = `${caller}>${callee}`;
    if (!waiting.has(key)) waiting.set(key, []);
    waiting.get(key)!.push(method);
  });
  const stubs: string[] = [];
  const lineOf: number[] = [];
  const emit = (text: string, line: number) => {
    stubs.push(text);
    lineOf.push(line);
  };
  for (const [name, cls] of classes) {
    const typed = [...cls.methods.values()].some((method) => method.parameters.includes(':') || method.returns !== null);
    if (cls.methods.size === 0 || !(COMPOUND_NAME.test(name) || typed)) continue;
    emit(`class ${name}:`, cls.line);
    const members = cls.constructor ? [cls.constructor, ...cls.methods.values()] : [...cls.methods.values()];
    for (const method of members) {
      const parameters = method.parameters.trim();
      const self = /^self\b/.test(parameters) ? parameters : parameters === '' ? 'self' : `self, ${parameters}`;
      emit(`    def ${method.name}(${self})${method.returns ? ` -> ${method.returns}` : ''}: ...`, method.line);
    }
  }
  return stubs.length === 0 ? null : { text: stubs.join('\n'), lineOf };
}
