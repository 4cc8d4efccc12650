/**
 * Class diagrams as Python stubs, line for line, so the Python parser reads the signatures and every
 * item keeps its design line: a Mermaid `classDiagram`, a PlantUML `@startuml` diagram, or a UML box
 * drawn with `+---+` and `|` in a plain block. Operations (`+lend(tool_id: str, days: int) Loan`,
 * `+ book(swimmer : str) : str`, `| + enrol(self, singer: str) -> None |`) become methods (`self`
 * added when left out); a class with no operations is a record, its attributes (`+str tool_id`,
 * `lane : int`) its fields; inheritance arrows (`Base <|-- Child`, `Child --|> Base`, `extends`) and
 * `<<exception>>` give bases. Mermaid's `~T~` generics become `[T]` (nested too). Returns null when the block is
 * no diagram.
 */

const MERMAID_START = /^\s*classDiagram(?:-v2)?\s*$/m;
const PLANTUML_START = /^\s*@startuml\b/m;
const BOX_BORDER = /^\s*\+-{3,}[-+]*\+\s*$/;
const CLASS_OPEN = /^\s*(?:abstract\s+)?(class|enum|interface)\s+([A-Z][A-Za-z0-9_]*)(?:~[^~]*~)?\s*(?:<<\s*(\w+)\s*>>)?\s*(?:extends\s+([A-Z][\w.]*))?\s*(\{)?\s*(?:<<\s*(\w+)\s*>>)?\s*$/;
const STEREOTYPE_LINE = /^\s*<<\s*(\w+)\s*>>\s*(?:[A-Z][A-Za-z0-9_]*\s*)?$/;
/** Mermaid's `Kiosk : +deposit(packet: str) int`: a member written outside the class body. */
const OUTSIDE_MEMBER = /^\s*([A-Z][A-Za-z0-9_]*)\s*:\s*(\S.*)$/;
/** PlantUML modifiers before a member: `{static}`, `{abstract}`, `{classifier}`. */
const MODIFIER = /\{(static|abstract|classifier|field|method)\}\s*/g;
const ENUM_MEMBER = /^\s*([A-Z][A-Z0-9_]*)\s*[,;]?\s*$/;
const ARROW_PARENT_FIRST = /^\s*([A-Z][\w.]*)\s*(?:"[^"]*"\s*)?<\|-{1,2}\s*(?:"[^"]*"\s*)?([A-Z][A-Za-z0-9_]*)\b/;
const ARROW_CHILD_FIRST = /^\s*([A-Z][A-Za-z0-9_]*)\s*(?:"[^"]*"\s*)?-{1,2}\|>\s*(?:"[^"]*"\s*)?([A-Z][\w.]*)\b/;
/** `+lend(tool_id: str) Loan`, `+ book(swimmer : str) : str`, `+ enrol(self, singer: str) -> None`. */
const OPERATION = /^\s*[-+#~]?\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(([^()]*)\)\s*[$*]?\s*(?:(?::|->)\s*)?([^\s{}|][^{}|]*?)?\s*$/;
/** `+str tool_id`, `-dict~str, Tool~ tools`, `lane : int`, `- lanes: int`. */
const ATTRIBUTE = /^\s*[-+#~]?\s*(?:([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(\S[^{}()]*?)|(\S[^{}():]*?)\s+([A-Za-z_][A-Za-z0-9_]*))\s*$/;
const MAX_LINE = 2000;
/** Built-in and standard-library type names, which are never a parameter's name in a diagram. */
const TYPE_WORD = /^(?:int|str|float|bool|bytes|list|dict|set|tuple|None|Decimal|date|datetime|time|timedelta|Any|object|string|integer|boolean|number|void)$/;

/** Mermaid's generics as brackets: a `~` before a name opens (`List~Ticket~`), any other closes, so `Dict~K, List~V~~` nests. */
function pythonType(text: string): string {
  const tildes = text.trim().replace(/~(?=[A-Za-z_])/g, '[').replace(/~/g, ']');
  return tildes.replace(/</g, '[').replace(/>/g, ']');
}

/** Splits at commas outside brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** `name: type = default` or `type name` as a Python parameter, or null. */
function pythonParameter(text: string): string | null {
  const typed = /^(\*{0,2}[A-Za-z_]\w*)\s*(?::\s*([^=]+?))?\s*(?:=\s*(.+))?$/.exec(text);
  if (typed) return `${typed[1]}${typed[2] ? `: ${typed[2].trim()}` : ''}${typed[3] ? ` = ${typed[3].trim()}` : ''}`;
  const typeFirst = /^(\S.*?)\s+([A-Za-z_]\w*)$/.exec(text);
  if (!typeFirst) return null;
  // `price int`, `wallet Wallet` (name first, as Go writes it): the second word is the type when it reads as one and the first does not.
  const [, first, second] = typeFirst as unknown as [string, string, string];
  if (/^[a-z_]\w*$/.test(first) && !TYPE_WORD.test(first) && (TYPE_WORD.test(second) || /^[A-Z]/.test(second))) return `${first}: ${second}`;
  return `${second}: ${first}`;
}

function pythonParameters(text: string, isStatic: boolean): string | null {
  const parameters = splitTopLevel(pythonType(text)).map(pythonParameter);
  if (parameters.some((parameter) => parameter === null)) return null;
  const written = parameters as string[];
  return (isStatic || /^(?:self|cls)\b/.test(written[0] ?? '') ? written : ['self', ...written]).join(', ');
}

interface DiagramClass {
  line: number;
  name: string;
  stereotype: string | null;
  bases: string[];
  body: boolean;
  operations: number;
  /** Members written outside the body (`Kiosk : +deposit(packet: str) int`, Mermaid). */
  outside: boolean;
}

function bodyText(raw: string, box: boolean): string {
  const line = raw.length > MAX_LINE ? '' : box ? raw.replace(/^\s*\|/, '').replace(/\|\s*$/, '') : raw;
  return line.replace(MODIFIER, '');
}

/** Reads the classes (by header line and by name), their operation counts and their bases, before writing any line. */
function survey(lines: string[], box: boolean): { byLine: Map<number, DiagramClass>; byName: Map<string, DiagramClass> } {
  const byLine = new Map<number, DiagramClass>();
  const byName = new Map<string, DiagramClass>();
  const parents: Array<[string, string, number]> = [];
  let open: DiagramClass | null = null;
  const declare = (cls: DiagramClass) => {
    if (cls.line >= 0) byLine.set(cls.line, cls);
    byName.set(cls.name, cls);
    return cls;
  };
  lines.forEach((raw, index) => {
    const line = bodyText(raw, box);
    if (box) {
      const name = /^\s*([A-Z][A-Za-z0-9_]*)\s*$/.exec(line)?.[1];
      if (name && (open === null || BOX_BORDER.test(lines[index - 1] ?? ''))) open = declare({ line: index, name, stereotype: null, bases: [], body: true, operations: 0, outside: false });
      else if (open && OPERATION.test(line)) open.operations++;
      return;
    }
    const opened = open === null ? CLASS_OPEN.exec(line) : null;
    if (opened) {
      const cls = declare({ line: index, name: opened[2]!, stereotype: opened[1] === 'enum' ? 'enumeration' : opened[3] ?? opened[6] ?? null, bases: opened[4] ? [opened[4]] : [], body: opened[5] !== undefined, operations: 0, outside: false });
      open = cls.body ? cls : null;
      return;
    }
    if (open && /^\s*\}\s*$/.test(line)) open = null;
    else if (open && STEREOTYPE_LINE.test(line)) open.stereotype = STEREOTYPE_LINE.exec(line)![1]!;
    else if (open && OPERATION.test(line)) open.operations++;
    const member = open === null ? OUTSIDE_MEMBER.exec(line) : null;
    if (member) {
      // Mermaid declares a class by its first member line too.
      const owner = byName.get(member[1]!) ?? declare({ line: -1, name: member[1]!, stereotype: null, bases: [], body: false, operations: 0, outside: false });
      owner.outside = true;
      if (OPERATION.test(member[2]!)) owner.operations++;
    }
    const parentFirst = ARROW_PARENT_FIRST.exec(line);
    if (parentFirst) parents.push([parentFirst[2]!, parentFirst[1]!, index]);
    const childFirst = ARROW_CHILD_FIRST.exec(line);
    if (childFirst) parents.push([childFirst[1]!, childFirst[2]!, index]);
  });
  for (const [child, , line] of parents) {
    // `Base <|-- Child` is the only place an exception is named: the arrow's line declares it.
    if (!byName.has(child) && !byLine.has(line)) declare({ line, name: child, stereotype: null, bases: [], body: false, operations: 0, outside: false });
  }
  for (const [child, parent] of parents) {
    const cls = byName.get(child);
    if (cls && !cls.bases.includes(parent)) cls.bases.push(parent);
  }
  for (const cls of byName.values()) {
    if (cls.bases.length === 0 && /^(?:exception|error)$/i.test(cls.stereotype ?? '')) cls.bases.push('Exception');
    if (cls.bases.length === 0 && /^enum(?:eration)?$/i.test(cls.stereotype ?? '')) cls.bases.push('Enum');
  }
  return { byLine, byName };
}

function classLine(cls: DiagramClass, emptyBody: boolean): string {
  return `class ${cls.name}${cls.bases.length > 0 ? `(${cls.bases.join(', ')})` : ''}:${emptyBody ? ' ...' : ''}`;
}

/** A member line of `cls` as a Python line (a method, a field or an enum member), or null. */
function memberLine(cls: DiagramClass, raw: string, line: string): string | null {
  const operation = OPERATION.exec(line);
  const parameters = operation ? pythonParameters(operation[2]!, /\{static\}/.test(raw)) : null;
  if (operation && parameters !== null) {
    const returns = operation[3] && !/^[{}]$/.test(operation[3]) ? ` -> ${pythonType(operation[3])}` : '';
    return `    def ${operation[1]}(${parameters})${returns}: ...`;
  }
  if (cls.bases.includes('Enum')) {
    const member = ENUM_MEMBER.exec(line);
    return member ? `    ${member[1]} = '${member[1]}'` : null;
  }
  // A class with operations is a service: its attributes are its state, not fields the design fixes.
  const attribute = cls.operations === 0 && !STEREOTYPE_LINE.test(line) ? ATTRIBUTE.exec(line) : null;
  return attribute ? `    ${attribute[1] ?? attribute[4]!}: ${pythonType((attribute[2] ?? attribute[3])!)}` : null;
}

/** Python stubs for a Mermaid, PlantUML or boxed UML class diagram, one line per block line; null when the block is none. */
export function pythonFromClassDiagram(code: string): string | null {
  return classDiagramStubs(code)?.text ?? null;
}

/** Owners whose outside members (`Wallet : +spend(…)`) are interleaved with another class's: their lines cannot open the class in place. */
function scatteredOwners(lines: string[], byName: Map<string, DiagramClass>, box: boolean): Set<string> {
  const scattered = new Set<string>();
  if (box) return scattered;
  const finished = new Set<string>();
  let current: string | null = null;
  for (const raw of lines) {
    const member = OUTSIDE_MEMBER.exec(bodyText(raw, box));
    const owner = member && byName.has(member[1]!) ? member[1]! : null;
    if (owner === null || owner === current) continue;
    if (current !== null) finished.add(current);
    if (finished.has(owner)) scattered.add(owner);
    current = owner;
  }
  return scattered;
}

/**
 * The stubs with, for each of their lines, the block line (0-based) it stands for: line for line,
 * then the members of classes whose outside members alternate with another's, grouped under their
 * class after the block's last line.
 */
export function classDiagramStubs(code: string): { text: string; lineOf: number[] } | null {
  const lines = code.split('\n').map((line) => line.replace(/\r$/, ''));
  const box = !MERMAID_START.test(code) && !PLANTUML_START.test(code);
  if (box && !lines.some((line) => BOX_BORDER.test(line))) return null;
  const { byLine, byName } = survey(lines, box);
  if (byName.size === 0) return null;
  const scattered = scatteredOwners(lines, byName, box);
  const grouped = new Map<string, Array<{ text: string; line: number }>>();
  const output: string[] = [];
  let open: DiagramClass | null = null;
  let members = 0;
  /** The class whose out-of-body members are being written, its header put on the blank line before the first. */
  let outside: DiagramClass | null = null;
  const finish = () => {
    // A body that ended with no member needs one: the last blank line takes `...`.
    if (open && members === 0 && output[output.length - 1] === '') output[output.length - 1] = '    ...';
    open = null;
  };
  lines.forEach((raw, index) => {
    const header = byLine.get(index);
    if (header) {
      finish();
      outside = null;
      // A body-less class whose members come on their own lines gets its header with them.
      output.push(header.outside && !header.body ? '' : classLine(header, !header.body));
      open = header.body ? header : null;
      members = 0;
      return;
    }
    const line = bodyText(raw, box);
    if (open === null) {
      const member = box ? null : OUTSIDE_MEMBER.exec(line);
      const owner = member ? byName.get(member[1]!) : undefined;
      const written = owner ? memberLine(owner, raw, member![2]!) : null;
      if (owner && written && scattered.has(owner.name)) {
        const members = grouped.get(owner.name) ?? [];
        members.push({ text: written, line: index });
        grouped.set(owner.name, members);
        output.push('');
        return;
      }
      if (owner && written) {
        if (outside !== owner && output[output.length - 1] === '') output[output.length - 1] = classLine(owner, false);
        else if (outside !== owner) {
          output.push('');
          return;
        }
        outside = owner;
        output.push(written);
        return;
      }
      if (line.trim() !== '' && !owner) outside = outside && /^\s*(?:<<|[A-Z][\w.]*\s*(?:"[^"]*"\s*)?[<*o.-])/.test(line) ? outside : null;
      output.push('');
      return;
    }
    if (!box && /^\s*\}\s*$/.test(line)) {
      output.push(members === 0 ? '    ...' : '');
      open = null;
      return;
    }
    const written = memberLine(open, raw, line);
    if (written) members++;
    output.push(written ?? '');
  });
  if (open !== null && members === 0) output.push('    ...');
  const lineOf = output.map((_line, index) => index);
  for (const [name, written] of grouped) {
    output.push(classLine(byName.get(name)!, false));
    lineOf.push(written[0]!.line);
    for (const member of written) {
      output.push(member.text);
      lineOf.push(member.line);
    }
  }
  return { text: output.join('\n'), lineOf };
}
