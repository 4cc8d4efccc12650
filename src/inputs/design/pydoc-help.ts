/**
 * An interface pasted as pydoc's `help()` output (`Help on module x:` with NAME, CLASSES, FUNCTIONS and
 * DATA sections) as Python stubs, so the Python parser reads it: the CLASSES tree gives each class its
 * base by indentation (`builtins.Exception` over `TideError` over `StationUnknown`), each
 * `class X(builtins.object)` block its methods (the ` |  name(self, …) -> T` lines under "Methods defined
 * here:"; descriptors such as `__dict__` and the docstring lines are no methods), FUNCTIONS the module's
 * functions and DATA its constants. Every stub keeps its line. Returns null for any other text. Linear:
 * one pass over the lines.
 */

const PYDOC = /^\s*Help on (?:module|class|package) [\w.]+/m;
const SECTION = /^([A-Z][A-Z ]+)$/;
const TREE_ENTRY = /^( +)([\w.]+)(?:\(([\w., ]+)\))?\s*$/;
const CLASS_BLOCK = /^ +class ([A-Za-z_]\w*)\(([\w., ]*)\)\s*$/;
const MEMBER = /^ +\|  ([a-z_]\w*)\((.*)\)(\s*->\s*.+)?\s*$/;
const FUNCTION = /^ {4}([a-z_]\w*)\((.*)\)(\s*->\s*.+)?\s*$/;
const CONSTANT = /^ {4}([A-Z][A-Z0-9_]*) = (.+)$/;
const MAX_LINE = 2000;

/** A dotted pydoc name as the code writes it: `builtins.Exception` → `Exception`. */
const plainName = (name: string) => name.replace(/^builtins\./, '');

/** Python stubs of a pydoc help text and the text's line (0-based) of each stub line, or null. */
export function pydocStubs(text: string): { text: string; lineOf: number[] } | null {
  if (!PYDOC.test(text)) return null;
  const stubs: string[] = [];
  const lineOf: number[] = [];
  const emit = (stub: string, line: number) => {
    stubs.push(stub);
    lineOf.push(line);
  };
  let section = '';
  const tree: Array<{ indent: number; name: string }> = [];
  const declared = new Set<string>();
  let inMethods = false;
  let pending: { header: string; line: number } | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.length > MAX_LINE) return;
    const heading = SECTION.exec(line);
    if (heading) {
      section = heading[1]!.trim();
      inMethods = false;
      return;
    }
    if (section === 'CLASSES') {
      const block = CLASS_BLOCK.exec(line);
      if (block) {
        const bases = block[2]!.split(',').map((base) => plainName(base.trim())).filter((base) => base !== '' && base !== 'object');
        const header = `class ${block[1]}${bases.length > 0 ? `(${bases.join(', ')})` : ''}:`;
        // A class the tree declared already is written again only if methods follow (then with its header here).
        pending = declared.has(block[1]!) ? { header, line: index } : null;
        if (!pending) emit(`${header} ...`, index);
        declared.add(block[1]!);
        inMethods = false;
        return;
      }
      if (/^ +\|\s+Methods defined here:/.test(line)) inMethods = true;
      else if (/^ +\|\s+(?:Data descriptors|Data and other attributes|Class methods|Static methods|Readonly properties|Methods inherited)/.test(line)) inMethods = false;
      const member = inMethods ? MEMBER.exec(line) : null;
      if (member) {
        // The class line `class X:` was emitted with `...`; a body follows, so it is rewritten without it.
        if (pending) {
          emit(pending.header, pending.line);
          pending = null;
        }
        const last = stubs.length - 1;
        if (last >= 0 && stubs[last]!.endsWith(': ...') && stubs[last]!.startsWith('class ')) stubs[last] = stubs[last]!.slice(0, -4);
        emit(`    def ${member[1]}(${member[2]})${member[3] ?? ''}: ...`, index);
        return;
      }
      if (stubs.length === 0 || !/^ +\|/.test(line)) {
        const entry = TREE_ENTRY.exec(line);
        if (!entry) return;
        const indent = entry[1]!.length;
        while (tree.length > 0 && tree[tree.length - 1]!.indent >= indent) tree.pop();
        const parent = tree[tree.length - 1];
        const name = plainName(entry[2]!);
        tree.push({ indent, name });
        if (parent && !name.includes('.') && !declared.has(name) && parent.name !== 'object') {
          declared.add(name);
          emit(`class ${name}(${parent.name}): ...`, index);
        }
      }
      return;
    }
    const fn = section === 'FUNCTIONS' ? FUNCTION.exec(line) : null;
    if (fn) emit(`def ${fn[1]}(${fn[2]})${fn[3] ?? ''}: ...`, index);
    const constant = section === 'DATA' ? CONSTANT.exec(line) : null;
    if (constant) emit(`${constant[1]} = ${constant[2]}`, index);
  });
  return stubs.length === 0 ? null : { text: stubs.join('\n'), lineOf };
}
