/**
 * An API planned in a spreadsheet and pasted as CSV (a `csv` fence, or a plain one): a header naming a
 * kind column (`kind`/`type`: class, method, function, exception), the owner (`owner`/`class`/`base`),
 * the `name`, the `parameters` (separated by `;` or `,`) and `returns`. Rows become Python stubs the
 * parser reads, each keeping its line; an exception row's owner column is its base. Quoted fields with
 * doubled quotes are read as CSV writes them. Returns null for any other text. Linear: one pass.
 */

const MAX_LINE = 4000;
const KIND = /^(kind|type|element|what)$/i;
const OWNER = /^(owner|class|parent|base|belongs to)$/i;
const NAME = /^(name|member|method|identifier)$/i;
const PARAMETERS = /^(parameters|params|arguments|args|inputs?)$/i;
const RETURNS = /^(returns?|return type|output|result)$/i;
const IDENTIFIER = /^[A-Za-z_]\w*$/;

/** The fields of one CSV record (RFC 4180 quoting), or null when a quote is left open. */
function csvFields(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === ',') {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  if (quoted) return null;
  fields.push(field.trim());
  return fields;
}

/** `a: int; b: str = "x"` as a Python parameter list. */
function parameterList(text: string): string {
  return text.includes(';') ? text.split(';').map((part) => part.trim()).filter((part) => part !== '').join(', ') : text;
}

/** Python stubs of a CSV API and the block's line (0-based) of each stub line, or null. */
export function csvApiStubs(text: string): { text: string; lineOf: number[] } | null {
  const lines = text.split('\n');
  const header = csvFields(lines[0]?.replace(/\r$/, '') ?? '');
  if (!header || header.length < 3) return null;
  const column = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell.trim()));
  const [kind, owner, name, parameters, returns] = [column(KIND), column(OWNER), column(NAME), column(PARAMETERS), column(RETURNS)];
  if (kind < 0 || name < 0 || (parameters < 0 && returns < 0)) return null;
  const classes = new Map<string, { line: number; methods: Array<{ stub: string; line: number }> }>();
  const others: Array<{ stub: string; line: number }> = [];
  const classOf = (className: string, line: number) => {
    let entry = classes.get(className);
    if (!entry) classes.set(className, (entry = { line, methods: [] }));
    return entry;
  };
  for (let index = 1; index < lines.length; index++) {
    const raw = lines[index]!.replace(/\r$/, '');
    if (raw.trim() === '' || raw.length > MAX_LINE) continue;
    const fields = csvFields(raw);
    if (!fields) continue;
    const cell = (at: number) => (at >= 0 ? fields[at] ?? '' : '');
    const what = cell(kind).toLowerCase();
    const member = cell(name);
    if (!IDENTIFIER.test(member)) continue;
    const arrow = cell(returns) !== '' ? ` -> ${cell(returns)}` : '';
    const list = parameterList(cell(parameters));
    if (/^(class|service)$/.test(what)) classOf(member, index);
    else if (/^(method|constructor|property)$/.test(what) && IDENTIFIER.test(cell(owner))) {
      classOf(cell(owner), index).methods.push({ stub: `    def ${member}(self${list.trim() ? `, ${list}` : ''})${arrow}: ...`, line: index });
    } else if (/^(function|helper)$/.test(what)) others.push({ stub: `def ${member}(${list})${arrow}: ...`, line: index });
    else if (/^(exception|error)$/.test(what)) others.push({ stub: `class ${member}(${IDENTIFIER.test(cell(owner)) ? cell(owner) : 'Exception'}): ...`, line: index });
  }
  const stubs: string[] = [];
  const lineOf: number[] = [];
  for (const [className, entry] of classes) {
    stubs.push(`class ${className}:${entry.methods.length === 0 ? ' ...' : ''}`);
    lineOf.push(entry.line);
    for (const method of entry.methods) {
      stubs.push(method.stub);
      lineOf.push(method.line);
    }
  }
  for (const other of others) {
    stubs.push(other.stub);
    lineOf.push(other.line);
  }
  return stubs.length === 0 ? null : { text: stubs.join('\n'), lineOf };
}
