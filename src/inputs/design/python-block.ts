import { readPythonOutline, type OutlineClass, type OutlineFunction, type OutlineImport, type PythonOutline } from './read-python-outline.js';
import type { DesignClass, DesignConstant, DesignField, DesignFunction, DesignModelKind } from './design-types.js';

/** What one Python code block of the design contributes, lines already in design coordinates. */
export interface PythonBlockFacts {
  classes: DesignClass[];
  /** Module-level functions (no `self` first parameter). */
  functions: DesignFunction[];
  /** Functions written outside a class but taking `self`: methods of a class named elsewhere. */
  orphanMethods: DesignFunction[];
  constants: DesignConstant[];
  /** Model fields per class name (class-body annotated names, enum members, a plain record's `__init__` parameters). */
  fields: Map<string, { kind: DesignModelKind | null; fields: DesignField[]; weak?: boolean }>;
  imports: Array<OutlineImport & { designLine: number }>;
  /** Design lines where the parser gave up on part of the block. */
  parseErrorLines: number[];
  /** Whether the block defines anything at all (classes, functions, constants or imports). */
  definesSomething: boolean;
}

/** Exceptions named in a docstring's `Raises:` section (Google style). */
export function docstringRaises(docstring: string | null): string[] {
  if (!docstring) return [];
  const lines = docstring.split('\n');
  const start = lines.findIndex((line) => /^\s*Raises\s*:\s*$/.test(line));
  if (start < 0) return [];
  const indent = (line: string) => line.length - line.trimStart().length;
  const sectionIndent = indent(lines[start]!);
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') continue;
    if (indent(line) <= sectionIndent) break;
    const match = /^\s*([A-Za-z_][\w.]*)\s*:/.exec(line);
    if (match && indent(line) === indent(lines.slice(start + 1).find((other) => other.trim() !== '') ?? line)) names.push(match[1]!.split('.').pop()!);
  }
  return names;
}

/** A type as docstrings write one: `int`, `list[tuple[int, str]]`, `str | None`, NumPy's `float or None`. */
const DOCSTRING_TYPE = /^[A-Za-z_][\w.]*(?:\[[\w\[\]., |'"]*\])?(?:\s*(?:\||\bor\b)\s*[A-Za-z_][\w.]*(?:\[[\w\[\]., |'"]*\])?)*$/;

/** The text before a top-level colon (`int: the number` → `int`), or null when there is none. */
function beforeColon(text: string): string | null {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    else if (char === ':' && depth === 0) return text.slice(0, index).trim();
  }
  return null;
}

/**
 * The return type a docstring gives an unannotated function: reST `:rtype: T`, Google `Returns:` whose
 * first entry is `T: text`, NumPy `Returns` underlined with dashes whose first entry is `T` or `name : T`.
 */
export function docstringReturn(docstring: string | null): string | null {
  if (!docstring) return null;
  const lines = docstring.split('\n');
  for (const line of lines) {
    const rtype = /^\s*:rtype:\s*(.+?)\s*$/.exec(line);
    if (rtype) return rtype[1]!.replace(/:(?:py:)?class:`~?([^`]+)`/g, '$1');
  }
  for (let index = 0; index < lines.length; index++) {
    const google = /^\s*Returns?\s*:\s*(.*)$/.exec(lines[index]!);
    const numpy = /^\s*Returns?\s*$/.test(lines[index]!) && /^\s*-{3,}\s*$/.test(lines[index + 1] ?? '');
    if (!google && !numpy) continue;
    const entry = (google && google[1]!.trim() !== '' ? google[1]! : lines.slice(index + (numpy ? 2 : 1)).find((line) => line.trim() !== '') ?? '').trim();
    // Google writes `int: the number` (or `float, the price`); NumPy `int` or `name : int` on its own line.
    const typed = google ? beforeColon(entry) ?? /^([A-Za-z_][\w.]*(?:\[[^\]]*\])?),\s/.exec(entry)?.[1] ?? null : (/^[a-z_]\w*\s+:\s+(.+)$/.exec(entry)?.[1] ?? entry);
    return typed !== null && DOCSTRING_TYPE.test(typed.trim()) ? typed.trim() : null;
  }
  return null;
}

function dedent(code: string): string {
  const lines = code.split('\n');
  const widths = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  // A loop, not Math.min(...widths): a block of 200,000 lines would overflow the stack as arguments.
  let common = widths.length > 0 ? Infinity : 0;
  for (const width of widths) common = Math.min(common, width);
  return common === 0 ? code : lines.map((line) => line.slice(common)).join('\n');
}

const SELF_NAMES = new Set(['self', 'cls']);

/** Converts a parsed function (outline or full model) to the design's form: `self`/`cls` dropped, raises gathered. */
export function toDesignFunction(fn: OutlineFunction, className: string | null, offset: number): DesignFunction {
  const isStatic = fn.decorators.includes('staticmethod');
  const first = fn.parameters[0];
  const dropFirst = className !== null && !isStatic && first !== undefined && (SELF_NAMES.has(first.name) || fn.decorators.includes('classmethod'));
  const raised = fn.body.raises.map((fact) => fact.exception?.split('.').pop() ?? '').filter((name) => name !== '');
  return {
    name: fn.name,
    className,
    parameters: (dropFirst ? fn.parameters.slice(1) : fn.parameters).map(({ name, kind, annotation, defaultValue }) => ({ name, kind, annotation, defaultValue })),
    returnAnnotation: fn.returnAnnotation ?? docstringReturn(fn.docstring?.text ?? null),
    decorators: fn.decorators,
    isAsync: fn.isAsync,
    raises: [...new Set([...raised, ...docstringRaises(fn.docstring?.text ?? null)])],
    description: fn.docstring?.text.trim().split('\n')[0] ?? null,
    origin: 'code',
    line: fn.line + offset,
  };
}

function modelKind(cls: OutlineClass): DesignModelKind | null {
  if (cls.decorators.some((decorator) => /(^|\.)dataclass\b/.test(decorator))) return 'dataclass';
  const bases = cls.bases.map((base) => base.split('.').pop() ?? base);
  if (bases.some((base) => base === 'BaseModel' || base === 'RootModel')) return 'pydantic';
  if (bases.includes('TypedDict')) return 'typed-dict';
  if (bases.includes('NamedTuple')) return 'named-tuple';
  if (bases.some((base) => /^(Enum|IntEnum|StrEnum|Flag|IntFlag)$/.test(base))) return 'enum';
  if (cls.decorators.some((decorator) => /^(attrs?\.)?(s|define|frozen|mutable)\b/.test(decorator))) return 'dataclass';
  return null;
}

/**
 * The fields of a plain class that only holds data: constants only (`class Side: BUY = "BUY"`), or
 * only dunder methods whose `__init__` takes the fields (`def __init__(self, symbol, quantity)`).
 */
function plainRecordFields(cls: OutlineClass, offset: number): DesignField[] {
  if (cls.bases.some((base) => base !== 'object') || cls.decorators.length > 0) return [];
  if (cls.methods.length === 0) {
    const constants = cls.attributes.filter((attribute) => isConstantName(attribute.name) && attribute.value !== null);
    return constants.length >= 2 && constants.length === cls.attributes.length
      ? constants.map((attribute) => ({ name: attribute.name, annotation: attribute.annotation, defaultValue: attribute.value, line: attribute.line + offset }))
      : [];
  }
  const init = cls.methods.find((method) => method.name === '__init__');
  if (!init || !cls.methods.every((method) => /^__\w+__$/.test(method.name))) return [];
  return init.parameters.slice(1).filter((parameter) => parameter.kind !== 'var-positional' && parameter.kind !== 'var-keyword')
    .map((parameter) => ({ name: parameter.name, annotation: parameter.annotation, defaultValue: parameter.defaultValue, line: init.line + offset }));
}

function readClass(cls: OutlineClass, offset: number): { designClass: DesignClass; kind: DesignModelKind | null; fields: DesignField[]; weak: boolean } {
  const kind = modelKind(cls);
  const declared = cls.attributes
    .filter((attribute) => attribute.annotation !== null || kind === 'enum')
    // A ClassVar is the class's, an InitVar only an argument of __init__, `_: KW_ONLY` a marker: none is a field (dataclasses.fields() agrees).
    .filter((attribute) => !/^(?:ClassVar|InitVar)\b|\b(?:ClassVar|InitVar)\[|^(?:dataclasses\.)?KW_ONLY$/.test(attribute.annotation ?? '') && attribute.name !== 'model_config')
    .map((attribute) => ({ name: attribute.name, annotation: attribute.annotation, defaultValue: attribute.value, line: attribute.line + offset }));
  const record = kind === null && declared.length === 0 ? plainRecordFields(cls, offset) : [];
  const fields = record.length > 0 ? record : declared;
  return {
    designClass: {
      name: cls.name,
      bases: cls.bases,
      decorators: cls.decorators,
      role: kind ? 'model' : 'other',
      // A property's setter and deleter share its name: the getter says what the property is (`-> int`, not the setter's `-> None`).
      methods: cls.methods
        .filter((method) => !method.decorators.some((decorator) => decorator === `${method.name}.setter` || decorator === `${method.name}.deleter`) || !cls.methods.some((getter) => getter.name === method.name && getter.decorators.includes('property')))
        .map((method) => toDesignFunction(method, cls.name, offset)),
      description: cls.docstring?.text.trim().split('\n')[0] ?? null,
      origin: 'code',
      line: cls.line + offset,
    },
    kind,
    fields,
    weak: record.length > 0,
  };
}

/** Whether a name is written like a constant (`MAX_ITEMS`, `DEFAULT_TIMEOUT_S`). */
export function isConstantName(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name) && /[A-Z]/.test(name);
}

/**
 * Splits a block that does not parse into its top-level statements (a new piece starts at each
 * unindented line after an indented one), so that one broken definition cannot hide the others.
 */
function topLevelPieces(code: string): Array<{ text: string; lineOffset: number }> {
  const lines = code.split('\n');
  const pieces: Array<{ text: string; lineOffset: number }> = [];
  let start = 0;
  // What the lines since `start` hold, kept as the walk goes (slicing them again at every line was quadratic).
  let indentedSinceStart = false;
  let lastNonBlank = '';
  lines.forEach((line, index) => {
    const startsStatement = index > start && line.length > 0 && line.trim() !== '' && !/^\s/.test(line) && !/^[)\]}]/.test(line);
    if (startsStatement && indentedSinceStart && !/^@/.test(lastNonBlank)) {
      pieces.push({ text: lines.slice(start, index).join('\n'), lineOffset: start });
      start = index;
      indentedSinceStart = false;
    }
    if (line.trim() !== '') {
      if (/^\s/.test(line)) indentedSinceStart = true;
      lastNonBlank = line;
    }
  });
  pieces.push({ text: lines.slice(start).join('\n'), lineOffset: start });
  return pieces;
}

async function readModules(code: string): Promise<Array<{ module: PythonOutline; lineOffset: number }>> {
  const whole = await readPythonOutline(code);
  if (whole.parseErrorLines.length === 0) return [{ module: whole, lineOffset: 0 }];
  const pieces = topLevelPieces(code);
  if (pieces.length <= 1) return [{ module: whole, lineOffset: 0 }];
  return Promise.all(pieces.map(async (piece) => ({ module: await readPythonOutline(piece.text), lineOffset: piece.lineOffset })));
}

/**
 * Reads one Python code block. `firstLine` is the design line of the block's first code line.
 * Fragments, `...` bodies and indented excerpts are tolerated: the tree-sitter parser recovers,
 * and a block that still does not parse is read statement by statement.
 */
export async function readPythonBlock(code: string, firstLine: number): Promise<PythonBlockFacts> {
  const facts: PythonBlockFacts = {
    classes: [], functions: [], orphanMethods: [], constants: [], fields: new Map(), imports: [], parseErrorLines: [], definesSomething: false,
  };
  for (const { module, lineOffset } of await readModules(dedent(code))) readModuleFacts(module, firstLine - 1 + lineOffset, facts);
  facts.parseErrorLines = [...new Set(facts.parseErrorLines)].sort((a, b) => a - b);
  return facts;
}

function readModuleFacts(module: PythonOutline, offset: number, facts: PythonBlockFacts): void {
  for (const line of module.parseErrorLines) facts.parseErrorLines.push(line + offset);
  facts.definesSomething ||= module.classes.length + module.functions.length + module.constants.length + module.imports.length > 0;
  // In a block of methods written without their class, static and class methods belong to it too.
  const methodBlock = module.functions.some((fn) => SELF_NAMES.has(fn.parameters[0]?.name ?? ''));
  for (const cls of module.classes) {
    const { designClass, kind, fields, weak } = readClass(cls, offset);
    facts.classes.push(designClass);
    if (kind || fields.length > 0) facts.fields.set(cls.name, { kind, fields, ...(weak ? { weak } : {}) });
  }
  for (const fn of module.functions) {
    const first = fn.parameters[0];
    const boundElsewhere = methodBlock && fn.decorators.some((decorator) => decorator === 'staticmethod' || decorator === 'classmethod');
    if ((first && SELF_NAMES.has(first.name)) || boundElsewhere) facts.orphanMethods.push(toDesignFunction(fn, '', offset));
    else facts.functions.push(toDesignFunction(fn, null, offset));
  }
  for (const constant of module.constants) {
    if (!isConstantName(constant.name)) continue;
    facts.constants.push({ name: constant.name, value: constant.value, annotation: constant.annotation, origin: 'code', line: constant.line + offset });
  }
  for (const entry of module.imports) facts.imports.push({ ...entry, designLine: entry.line + offset });
}

/** Moves every line of the facts through `lineAt` (stubs written out of order, such as grouped diagram members). */
export function remapLines(facts: PythonBlockFacts, lineAt: (line: number) => number): void {
  for (const cls of facts.classes) {
    cls.line = lineAt(cls.line);
    for (const method of cls.methods) method.line = lineAt(method.line);
  }
  for (const fn of [...facts.functions, ...facts.orphanMethods]) fn.line = lineAt(fn.line);
  for (const constant of facts.constants) constant.line = lineAt(constant.line);
  for (const entry of facts.fields.values()) for (const field of entry.fields) field.line = lineAt(field.line);
  facts.parseErrorLines = facts.parseErrorLines.map(lineAt);
}
