/**
 * An API written as a YAML block (`classes:` with `methods:` and `params:`, `functions:`, `exceptions:`,
 * `models:`, `constants:`). It is turned into Python stubs, one statement per line, which the Python
 * parser reads like any design code block; each stub keeps the design line of its YAML entry.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
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

/** Reads a YAML block as an API description; null when it is not one (or not YAML). */
export async function readYamlApi(source: string, firstLine: number): Promise<YamlApi | null> {
  if (source.length > MAX_YAML) return null;
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: false });
  const root = document.contents;
  if (document.errors.length > 0 || !isMap(root)) return null;
  const nested: unknown = root.get('api', true);
  const api = isMap(nested) ? nested : root;
  if (!['classes', 'functions', 'exceptions', 'models'].some((key) => isSeq(api.get(key, true)))) return null;
  const lineOf = (node: Node) => lineCounter.linePos(node.range?.[0] ?? 0).line + firstLine - 1;
  const code: string[] = [];
  const lines: number[] = [];
  const emit = (statement: string, line: number) => {
    code.push(statement);
    lines.push(line);
  };
  const signature = (entry: YAMLMap, self: boolean) => {
    const parameterList = parameters(entry);
    const returns = text(entry, 'returns', 'return', 'return_type');
    return `def ${text(entry, 'name')}(${self ? `self${parameterList ? ', ' : ''}` : ''}${parameterList})${returns ? ` -> ${returns}` : ''}: ...`;
  };
  for (const cls of entries(api, 'classes')) {
    const name = text(cls, 'name');
    if (!name) continue;
    const bases = text(cls, 'base', 'bases', 'extends');
    const methods = entries(cls, 'methods').filter((method) => text(method, 'name'));
    emit(`class ${name}${bases ? `(${bases})` : ''}:${methods.length === 0 ? ' ...' : ''}`, lineOf(cls));
    for (const method of methods) emit(`    ${signature(method, true)}`, lineOf(method));
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
  const models = entries(api, 'models').flatMap((entry) => {
    const name = text(entry, 'name');
    if (!name) return [];
    const fields = entries(entry, 'fields').map((field) => ({ name: text(field, 'name') ?? '', annotation: text(field, 'type', 'annotation'), defaultValue: field.has('default') ? python(value(field.get('default', true))) : null }))
      .filter((field) => /^[A-Za-z_]\w*$/.test(field.name));
    return [{ name, kindText: text(entry, 'kind', 'type') ?? '', fields, line: lineOf(entry) }];
  });
  return { facts, exceptions, models };
}
