/**
 * A design that writes the API as TypeScript-like interfaces (`interface MeterBook { record(self,
 * meter_id: str): Reading; }`) for a Python module: each interface becomes a Python class stub, each
 * member a `def` (or an annotated field), line for line, so the Python parser reads the signatures and
 * every item keeps its design line. Names and types are kept as written; `?` marks and `readonly` are
 * dropped, `Array<T>` brackets become `[T]`. Returns null when the block declares no interface.
 */

const INTERFACE = /^\s*(?:export\s+)?interface\s+([A-Z][A-Za-z0-9_]*)\s*(?:extends\s+([A-Z][\w.]*(?:\s*,\s*[A-Z][\w.]*)*))?\s*\{\s*$/;
const METHOD = /^\s*(?:readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*\??\s*\(([^()]*)\)\s*(?::\s*([^;{}]+?)|->\s*([^;{}]+?))?\s*[;,]?\s*(?:\/\/.*)?$/;
const PROPERTY = /^\s*(?:readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*\??\s*:\s*([^;{}()]+?)\s*[;,]?\s*(?:\/\/.*)?$/;
const MAX_LINE = 2000;

function pythonType(text: string): string {
  return text.trim().replace(/</g, '[').replace(/>/g, ']');
}

function pythonParameters(text: string): string {
  const parameters = text.split(',').map((parameter) => parameter.trim()).filter((parameter) => parameter !== '').map((parameter) => {
    const match = /^(\.\.\.)?([A-Za-z_]\w*)\s*\??\s*(?::\s*([^=]+?))?\s*(?:=\s*(.+))?$/.exec(parameter);
    if (!match) return null;
    const [, rest, name, type, value] = match;
    return `${rest ? '*' : ''}${name}${type ? `: ${pythonType(type)}` : ''}${value ? ` = ${value.trim()}` : ''}`;
  });
  if (parameters.some((parameter) => parameter === null)) return '\u0000';
  const written = parameters as string[];
  return (/^(?:self|cls)\b/.test(written[0] ?? '') ? written : ['self', ...written]).join(', ');
}

/** Python stubs for the interfaces a block declares, one line per block line; null when it declares none. */
export function pythonFromInterfaces(code: string): string | null {
  if (!code.includes('interface')) return null;
  const lines = code.split('\n');
  const output: string[] = [];
  let open = false;
  let members = 0;
  let found = false;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (line.length > MAX_LINE) {
      output.push('');
      continue;
    }
    const opened = INTERFACE.exec(line);
    if (opened) {
      if (open && members === 0) output.push('    ...');
      output.push(`class ${opened[1]}${opened[2] ? `(${opened[2]})` : ''}:`);
      open = true;
      found = true;
      members = 0;
      continue;
    }
    if (open && /^\s*\}\s*;?\s*$/.test(line)) {
      // A body-less interface still needs a body; `...` on the closing line keeps the line count.
      output.push(members === 0 ? '    ...' : '');
      open = false;
      continue;
    }
    const method = open ? METHOD.exec(line) : null;
    if (method) {
      const parameters = pythonParameters(method[2]!);
      const returns = method[3] ?? method[4];
      if (parameters !== '\u0000') {
        output.push(`    def ${method[1]}(${parameters})${returns ? ` -> ${pythonType(returns)}` : ''}: ...`);
        members++;
        continue;
      }
    }
    const property = open && !method ? PROPERTY.exec(line) : null;
    if (property) {
      output.push(`    ${property[1]}: ${pythonType(property[2]!)}`);
      members++;
      continue;
    }
    output.push('');
  }
  if (open && members === 0) output.push('    ...');
  return found ? output.join('\n') : null;
}
