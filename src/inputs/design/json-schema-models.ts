/**
 * Data models written as JSON Schema in a `json` block: `{"title": "Reading", "type": "object",
 * "properties": {...}}`, a list of such schemas, or a `$defs` / `definitions` map of them. Each
 * becomes a model whose fields are the properties in the order written, typed as Python types.
 * Anything else (a response sample, a settings file) gives nothing.
 */
import type { DesignField } from './design-types.js';

/** A model read from a JSON Schema. */
export interface JsonSchemaModel {
  name: string;
  fields: DesignField[];
  line: number;
}

const MAX_SCHEMA = 200_000;
const MAX_MODELS = 200;
const CLASS_NAME = /^[A-Z][A-Za-z0-9_]*$/;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function pythonType(schema: Record<string, unknown>): string | null {
  const format = typeof schema.format === 'string' ? schema.format : '';
  if (format === 'date') return 'date';
  if (format === 'date-time') return 'datetime';
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? null;
  const type = Array.isArray(schema.type) ? schema.type.filter((entry) => entry !== 'null')[0] : schema.type;
  const nullable = Array.isArray(schema.type) && schema.type.includes('null');
  const base = type === 'string' ? 'str' : type === 'integer' ? 'int' : type === 'number' ? 'float' : type === 'boolean' ? 'bool' : type === 'array' ? 'list' : type === 'object' ? 'dict' : null;
  return base && nullable ? `${base} | None` : base;
}

function pythonValue(value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return JSON.stringify(value);
}

/** The line (of the block, 0-based) where a text first occurs, for the design line of a field. */
function lineOf(lines: string[], text: string, from: number): number {
  for (let index = from; index < lines.length; index++) if (lines[index]!.includes(text)) return index;
  return from;
}

/** The models a JSON block declares as JSON Schema, or []. */
export function readJsonSchemaModels(code: string, firstLine: number): JsonSchemaModel[] {
  if (code.length > MAX_SCHEMA || !code.includes('"properties"')) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(code);
  } catch {
    return [];
  }
  const lines = code.split('\n');
  const schemas: Array<[string | null, unknown]> = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value.slice(0, MAX_MODELS)) schemas.push([null, item]);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const definitions = record.$defs ?? record.definitions;
      if (definitions && typeof definitions === 'object') for (const [name, schema] of Object.entries(definitions).slice(0, MAX_MODELS)) schemas.push([name, schema]);
      if (record.properties) schemas.push([null, record]);
    }
  };
  collect(parsed);
  const models: JsonSchemaModel[] = [];
  for (const [key, value] of schemas) {
    if (!value || typeof value !== 'object') continue;
    const schema = value as Record<string, unknown>;
    const name = typeof schema.title === 'string' && CLASS_NAME.test(schema.title) ? schema.title : key && CLASS_NAME.test(key) ? key : null;
    const properties = schema.properties;
    if (!name || !properties || typeof properties !== 'object' || (schema.type !== undefined && schema.type !== 'object')) continue;
    const start = lineOf(lines, `"${name}"`, 0);
    const fields: DesignField[] = [];
    for (const [field, definition] of Object.entries(properties as Record<string, unknown>)) {
      if (!FIELD_NAME.test(field)) continue;
      const property = definition && typeof definition === 'object' ? definition as Record<string, unknown> : {};
      fields.push({ name: field, annotation: pythonType(property), defaultValue: pythonValue(property.default), line: firstLine + lineOf(lines, `"${field}"`, start) });
    }
    if (fields.length > 0) models.push({ name, fields, line: firstLine + start });
  }
  return models;
}
