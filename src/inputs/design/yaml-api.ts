/**
 * An API written as a YAML block (`classes:` with `methods:` and `params:`, `functions:`, `exceptions:`,
 * `models:`, `constants:`). It is turned into Python stubs, one statement per line, which the Python
 * parser reads like any design code block; each stub keeps the design line of its YAML entry.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLMap, type Node } from 'yaml';
import type { DeclaredException } from './exception-sources.js';
import type { PythonBlockFacts } from './python-block.js';
import { readPythonBlock } from './python-block.js';

/** What a YAML API block gives: the facts of its Python stubs, exceptions with their codes, and models. */
export interface YamlApi {
  facts: PythonBlockFacts;
  exceptions: DeclaredException[];
  models: Array<{ name: string; kindText: string; fields: Array<{ name: string; annotation: string | null; defaultValue: string | null }>; line: number }>;
}

const MAX_YAML = 200_000;
const PYTHON_LITERAL = /^(?:None|True|False|-?\d+(?:\.\d+)?|[A-Za-z_][\w.]*(?:\(\))?|'.*'|".*"|\[\]|\{\}|\(\))$/;

function value(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

function text(map: YAMLMap, ...keys: string[]): string | null {
  for (const key of keys) {
    const found = value(map.get(key, true));
    if (typeof found === 'string' || typeof found === 'number') return String(found).trim();
  }
  return null;
}

function python(found: unknown): string {
  if (found === null || found === undefined) return 'None';
  if (typeof found === 'boolean') return found ? 'True' : 'False';
  if (typeof found === 'number') return String(found);
  const written = String(found);
  return PYTHON_LITERAL.test(written) ? written : JSON.stringify(written);
}

/** `name: type = default` from `{name, type, default}`, `{name: type}` or a string as written. */
function parameterText(entry: unknown): string | null {
  if (isScalar(entry)) return typeof entry.value === 'string' ? entry.value.trim() : null;
  if (!isMap(entry)) return null;
  const name = text(entry, 'name');
  if (name === null) {
    const [only] = entry.items;
    return entry.items.length === 1 && only && isScalar(only.key) ? `${String(only.key.value)}: ${String(value(only.value))}` : null;
  }
  const type = text(entry, 'type', 'annotation');
  const fallback = entry.has('default') ? ` = ${python(value(entry.get('default', true)))}` : '';
  return `${name}${type ? `: ${type}` : ''}${fallback}`;
}

function parameters(map: YAMLMap): string {
  const list: unknown = map.get('params', true) ?? map.get('parameters', true) ?? map.get('args', true) ?? map.get('arguments', true);
  if (isScalar(list)) return String(list.value ?? '').trim();
  if (isSeq(list)) return list.items.map(parameterText).filter((entry): entry is string => entry !== null).join(', ');
  if (isMap(list)) return list.items.map((item) => `${String(value(item.key))}: ${String(value(item.value))}`).join(', ');
  return '';
}

function entries(map: YAMLMap, key: string): YAMLMap[] {
  const list: unknown = map.get(key, true);
  return isSeq(list) ? list.items.filter((item): item is YAMLMap => isMap(item)) : [];
}

/** An entry of a list (`- name: x`) or of a map keyed by name (`x: {…}`, OpenAPI style), with its name and node. */
interface Named {
  name: string;
  entry: YAMLMap;
  node: Node;
  /** A map value written as a string, such as a method's signature `"(self, amount: float) -> float"`. */
  written?: string;
}

function named(map: YAMLMap, keyed: RegExp, ...keys: string[]): Named[] {
  for (const key of keys) {
    const list: unknown = map.get(key, true);
    if (isSeq(list)) {
      return entries(map, key).flatMap((entry) => {
        // `- signature: "draw(self, butt: int) -> int"`: the name is the signature's.
        const signature = text(entry, 'signature', 'sig');
        const name = text(entry, 'name') ?? (signature ? /^([A-Za-z_]\w*)\s*\(/.exec(signature)?.[1] ?? null : null);
        const written = !text(entry, 'name') && signature ? { written: signature.slice(signature.indexOf('(')) } : {};
        return name ? [{ name, entry, node: entry as Node, ...written }] : [];
      });
    }
    if (isMap(list)) {
      return list.items.flatMap((item) => {
        const entry = item.value;
        if (!isScalar(item.key) || typeof item.key.value !== 'string' || !keyed.test(item.key.value)) return [];
        const written = isScalar(entry) && typeof entry.value === 'string' ? { written: entry.value.trim() } : {};
        return [{ name: item.key.value, entry: isMap(entry) ? entry : new YAMLMap(), node: item.key as Node, ...written }];
      });
    }
  }
  return [];
}

/** JSON Schema / OpenAPI scalar types as Python types. */
/** Map keys that name a class or model (a docker-compose `services: {web: …}` names none) and those that name a method. */
const CLASS_KEY = /^[A-Z][A-Za-z0-9_]*$/;
const METHOD_KEY = /^[A-Za-z_]\w*$/;
const SCHEMA_TYPES: Record<string, string> = { integer: 'int', string: 'str', number: 'float', boolean: 'bool', array: 'list', object: 'dict' };

/** Reads a YAML block as an API description; null when it is not one (or not YAML). */
export async function readYamlApi(source: string, firstLine: number): Promise<YamlApi | null> {
  if (source.length > MAX_YAML) return null;
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: false });
  const root = document.contents;
  if (document.errors.length > 0 || !isMap(root)) return null;
  const nested: unknown = root.get('api', true) ?? root.get('components', true) ?? root.get('interface', true);
  const api = isMap(nested) ? nested : root;
  // One class at the top (`class: WaterButts` with `methods:`) reads as a list of one.
  const single = text(api, 'class');
  if (single && /^[A-Z]\w*$/.test(single) && isSeq(api.get('methods', true)) && !api.has('classes')) api.set('classes', document.createNode([{ name: single, methods: api.get('methods', true) }]));
  if (!['classes', 'services', 'functions', 'exceptions', 'models', 'schemas'].some((key) => isSeq(api.get(key, true)) || (key !== 'exceptions' && isMap(api.get(key, true))))) return null;
  const lineOf = (node: Node) => lineCounter.linePos(node.range?.[0] ?? 0).line + firstLine - 1;
  const code: string[] = [];
  const lines: number[] = [];
  const emit = (statement: string, line: number) => {
    code.push(statement);
    lines.push(line);
  };
  const signature = (entry: YAMLMap, self: boolean, name = text(entry, 'name')) => {
    const parameterList = parameters(entry);
    const returns = text(entry, 'returns', 'return', 'return_type');
    return `def ${name}(${self ? `self${parameterList ? ', ' : ''}` : ''}${parameterList})${returns ? ` -> ${returns}` : ''}: ...`;
  };
  for (const { name, entry: cls, node } of named(api, CLASS_KEY, 'classes', 'services')) {
    const bases = text(cls, 'base', 'bases', 'extends');
    const methods = named(cls, METHOD_KEY, 'methods', 'operations');
    // OpenAPI-like services give the constructor its own entry (`constructor:` with `parameters:`).
    const constructor = ['constructor', '__init__', 'init'].map((key): unknown => cls.get(key, true)).find((entry): entry is YAMLMap => isMap(entry));
    emit(`class ${name}${bases ? `(${bases})` : ''}:${methods.length === 0 && !constructor ? ' ...' : ''}`, lineOf(node));
    if (constructor) emit(`    ${signature(constructor, true, '__init__')}`, lineOf(constructor as Node));
    for (const method of methods) {
      // `charge: "(self, pupil: str) -> float"`: the value is the signature after the name.
      const written = method.written !== undefined ? /^\((?!\s*(?:self|cls)\b)(.*)\)(\s*->\s*[^:]+)?$|^\((.*)\)(\s*->\s*[^:]+)?$/s.exec(method.written) : null;
      if (written) emit(`    def ${method.name}(${written[1] !== undefined ? `self${written[1].trim() ? `, ${written[1]}` : ''}` : written[3]})${written[2] ?? written[4] ?? ''}: ...`, lineOf(method.node));
      else emit(`    ${signature(method.entry, true, method.name)}`, lineOf(method.node));
    }
  }
  for (const fn of entries(api, 'functions')) if (text(fn, 'name')) emit(signature(fn, false), lineOf(fn));
  const constants: unknown = api.get('constants', true);
  if (isMap(constants)) for (const item of constants.items) if (isScalar(item.key)) emit(`${String(item.key.value)} = ${python(value(item.value))}`, lineOf(item.key as Node));
  const facts = await readPythonBlock(code.join('\n'), 1);
  const at = (line: number) => lines[line - 1] ?? firstLine;
  for (const cls of facts.classes) {
    cls.line = at(cls.line);
    for (const method of cls.methods) method.line = at(method.line);
  }
  for (const fn of [...facts.functions, ...facts.orphanMethods]) fn.line = at(fn.line);
  for (const constant of facts.constants) constant.line = at(constant.line);
  facts.parseErrorLines = facts.parseErrorLines.map(at);
  const exceptions = entries(api, 'exceptions').flatMap((entry): DeclaredException[] => {
    const name = text(entry, 'name');
    const code = text(entry, 'code');
    return name ? [{ name, base: text(entry, 'base', 'bases', 'extends'), codes: code ? [code] : [], line: lineOf(entry) }] : [];
  });
  const models = named(api, CLASS_KEY, 'models', 'schemas').flatMap(({ name, entry, node }) => {
    const properties: unknown = entry.get('properties', true);
    if (isMap(properties)) {
      // An OpenAPI / JSON Schema object: its properties, in order, are the fields.
      const fields = properties.items.flatMap((item) => {
        const property = item.value;
        const type = isMap(property) ? text(property, 'type', 'format') : null;
        return isScalar(item.key) && /^[A-Za-z_]\w*$/.test(String(item.key.value)) ? [{ name: String(item.key.value), annotation: type ? SCHEMA_TYPES[type] ?? type : null, defaultValue: isMap(property) && property.has('default') ? python(value(property.get('default', true))) : null }] : [];
      });
      return [{ name, kindText: '', fields, line: lineOf(node) }];
    }
    const fields = entries(entry, 'fields').map((field) => ({ name: text(field, 'name') ?? '', annotation: text(field, 'type', 'annotation'), defaultValue: field.has('default') ? python(value(field.get('default', true))) : null }))
      .filter((field) => /^[A-Za-z_]\w*$/.test(field.name));
    return [{ name, kindText: text(entry, 'kind', 'type') ?? '', fields, line: lineOf(node) }];
  });
  return { facts, exceptions, models };
}
