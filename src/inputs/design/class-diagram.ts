/**
 * Class diagrams as Python stubs, line for line, so the Python parser reads the signatures and every
 * item keeps its design line: a Mermaid `classDiagram`, a PlantUML `@startuml` diagram, or a UML box
 * drawn with `+---+` and `|` in a plain block. Operations (`+lend(tool_id: str, days: int) Loan`,
 * `+ book(swimmer : str) : str`, `| + enrol(self, singer: str) -> None |`) become methods (`self`
 * added when left out); a class with no operations is a record, its attributes (`+str tool_id`,
 * `lane : int`) its fields; inheritance arrows (`Base <|-- Child`, `Child --|> Base`, `extends`) and
 * `<<exception>>` give bases. Mermaid's `~T~` generics become `[T]`. Returns null when the block is
 * no diagram.
 */

const MERMAID_START = /^\s*classDiagram(?:-v2)?\s*$/m;
const PLANTUML_START = /^\s*@startuml\b/m;
const BOX_BORDER = /^\s*\+-{3,}[-+]*\+\s*$/;
const CLASS_OPEN = /^\s*(?:abstract\s+)?class\s+([A-Z][A-Za-z0-9_]*)(?:~[^~]*~)?\s*(?:<<\s*(\w+)\s*>>)?\s*(?:extends\s+([A-Z][\w.]*))?\s*(\{)?\s*(?:<<\s*(\w+)\s*>>)?\s*$/;
const STEREOTYPE_LINE = /^\s*<<\s*(\w+)\s*>>\s*$/;
const ARROW_PARENT_FIRST = /^\s*([A-Z][\w.]*)\s*(?:"[^"]*"\s*)?<\|-{1,2}\s*(?:"[^"]*"\s*)?([A-Z][A-Za-z0-9_]*)\b/;
const ARROW_CHILD_FIRST = /^\s*([A-Z][A-Za-z0-9_]*)\s*(?:"[^"]*"\s*)?-{1,2}\|>\s*(?:"[^"]*"\s*)?([A-Z][\w.]*)\b/;
/** `+lend(tool_id: str) Loan`, `+ book(swimmer : str) : str`, `+ enrol(self, singer: str) -> None`. */
const OPERATION = /^\s*[-+#~]?\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(([^()]*)\)\s*[$*]?\s*(?:(?::|->)\s*)?([^\s{}|][^{}|]*?)?\s*$/;
/** `+str tool_id`, `-dict~str, Tool~ tools`, `lane : int`, `- lanes: int`. */
const ATTRIBUTE = /^\s*[-+#~]?\s*(?:([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(\S[^{}()]*?)|(\S[^{}():]*?)\s+([A-Za-z_][A-Za-z0-9_]*))\s*$/;
const MAX_LINE = 2000;

function pythonType(text: string): string {
  return text.trim().replace(/~([^~]*)~/g, '[$1]').replace(/</g, '[').replace(/>/g, ']');
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
  return typeFirst ? `${typeFirst[2]}: ${typeFirst[1]}` : null;
}

function pythonParameters(text: string): string | null {
  const parameters = splitTopLevel(pythonType(text)).map(pythonParameter);
  if (parameters.some((parameter) => parameter === null)) return null;
  const written = parameters as string[];
  return (/^(?:self|cls)\b/.test(written[0] ?? '') ? written : ['self', ...written]).join(', ');
}

interface DiagramClass {
  line: number;
  name: string;
  stereotype: string | null;
  bases: string[];
  body: boolean;
  operations: number;
}

/** Reads the classes, their operation counts and their bases, before writing any line. */
function survey(lines: string[], box: boolean): Map<number, DiagramClass> {
  const classes = new Map<number, DiagramClass>();
  const byName = new Map<string, DiagramClass>();
  const parents: Array<[string, string]> = [];
  let open: DiagramClass | null = null;
  lines.forEach((raw, index) => {
    const line = raw.length > MAX_LINE ? '' : box ? raw.replace(/^\s*\|/, '').replace(/\|\s*$/, '') : raw;
    if (box) {
      const name = /^\s*([A-Z][A-Za-z0-9_]*)\s*$/.exec(line)?.[1];
      if (name && (open === null || BOX_BORDER.test(lines[index - 1] ?? ''))) {
        open = { line: index, name, stereotype: null, bases: [], body: true, operations: 0 };
        classes.set(index, open);
        byName.set(name, open);
      } else if (open && OPERATION.test(line)) open.operations++;
      return;
    }
    const opened = CLASS_OPEN.exec(line);
    if (opened) {
      const cls: DiagramClass = { line: index, name: opened[1]!, stereotype: opened[2] ?? opened[5] ?? null, bases: opened[3] ? [opened[3]] : [], body: opened[4] !== undefined, operations: 0 };
      classes.set(index, cls);
      byName.set(cls.name, cls);
      open = cls.body ? cls : null;
      return;
    }
    if (open && /^\s*\}\s*$/.test(line)) open = null;
    else if (open && STEREOTYPE_LINE.test(line)) open.stereotype = STEREOTYPE_LINE.exec(line)![1]!;
    else if (open && OPERATION.test(line)) open.operations++;
    const parentFirst = ARROW_PARENT_FIRST.exec(line);
    if (parentFirst) parents.push([parentFirst[2]!, parentFirst[1]!]);
    const childFirst = ARROW_CHILD_FIRST.exec(line);
    if (childFirst) parents.push([childFirst[1]!, childFirst[2]!]);
  });
  for (const [child, parent] of parents) {
    const cls = byName.get(child);
    if (cls && !cls.bases.includes(parent)) cls.bases.push(parent);
  }
  for (const cls of classes.values()) if (cls.bases.length === 0 && /^(?:exception|error)$/i.test(cls.stereotype ?? '')) cls.bases.push('Exception');
  return classes;
}

function classLine(cls: DiagramClass, emptyBody: boolean): string {
  return `class ${cls.name}${cls.bases.length > 0 ? `(${cls.bases.join(', ')})` : ''}:${emptyBody ? ' ...' : ''}`;
}

/** Python stubs for a Mermaid, PlantUML or boxed UML class diagram, one line per block line; null when the block is none. */
export function pythonFromClassDiagram(code: string): string | null {
  const lines = code.split('\n').map((line) => line.replace(/\r$/, ''));
  const box = !MERMAID_START.test(code) && !PLANTUML_START.test(code);
  if (box && !lines.some((line) => BOX_BORDER.test(line))) return null;
  const classes = survey(lines, box);
  if (classes.size === 0) return null;
  const output: string[] = [];
  let open: DiagramClass | null = null;
  let members = 0;
  const close = () => {
    if (open && members === 0) output[output.length - 1] = `${output[output.length - 1]}`.trim() === '' ? '    ...' : output[output.length - 1]!;
    open = null;
  };
  lines.forEach((raw, index) => {
    const cls = classes.get(index);
    if (cls) {
      close();
      output.push(classLine(cls, !cls.body));
      open = cls.body ? cls : null;
      members = 0;
      return;
    }
    const line = raw.length > MAX_LINE ? '' : box ? raw.replace(/^\s*\|/, '').replace(/\|\s*$/, '') : raw;
    if (open === null) {
      output.push('');
      return;
    }
    const current: DiagramClass = open;
    if (!box && /^\s*\}\s*$/.test(line)) {
      output.push(members === 0 ? '    ...' : '');
      open = null;
      return;
    }
    const operation = OPERATION.exec(line);
    const parameters = operation ? pythonParameters(operation[2]!) : null;
    if (operation && parameters !== null) {
      const returns = operation[3] && !/^[{}]$/.test(operation[3]) ? ` -> ${pythonType(operation[3])}` : '';
      output.push(`    def ${operation[1]}(${parameters})${returns}: ...`);
      members++;
      return;
    }
    // A class with operations is a service: its attributes are its state, not fields the design fixes.
    const attribute = current.operations === 0 && !STEREOTYPE_LINE.test(line) ? ATTRIBUTE.exec(line) : null;
    if (attribute) {
      const name = attribute[1] ?? attribute[4]!;
      const type = attribute[2] ?? attribute[3]!;
      output.push(`    ${name}: ${pythonType(type)}`);
      members++;
      return;
    }
    output.push('');
  });
  if (open !== null && members === 0) output.push('    ...');
  return output.join('\n');
}
