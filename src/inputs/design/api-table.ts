import type { Nodes, Table } from 'mdast';
import { readPythonOutline } from './read-python-outline.js';
import { plainText, readTable } from '../markdown/markdown-document.js';
import type { DesignFunction, DesignWarning } from './design-types.js';

/** Reports a warning; the collector's `warn` keeps one of each (a table repeated in a design warns once). */
export type WarnFunction = (kind: DesignWarning['kind'], message: string, line: number) => void;
import { toDesignFunction } from './python-block.js';

/** Columns of a `| Method | Parameters | Returns | Description |` table, by index. */
export interface ApiTableColumns {
  /** The name column; null when only a Signature column names the rows. */
  name: number | null;
  /** A `Class` column naming each row's owner. */
  owner: number | null;
  parameters: number | null;
  returns: number | null;
  signature: number | null;
  raises: number | null;
  description: number | null;
  /** True when the name column says "Function": rows are module-level functions. */
  functions: boolean;
  /** A `Kind` column (method, property, classmethod, init, overload), or null. */
  kind?: number | null;
}

const find = (header: string[], pattern: RegExp): number | null => {
  const index = header.findIndex((cell) => pattern.test(cell.trim()));
  return index < 0 ? null : index;
};

const NAME_HEADER = /^(public )?(method|function|api|operation|message|call|name|m[eé]todo|funci[oó]n|fun[cç][aã]o|m[ée]thode|fonction|nombre|nome|nom)s?( name)?$/i;
/** A column of return types. */
export const RETURNS_HEADER = /^(returns?|return type|return value|output|result|retorna|retorno|devuelve|tipo de retorno|valor de retorno|retour(ne)?|renvoie)$/i;
const FUNCTION_HEADER = /function|funci[oó]n|fun[cç][aã]o|fonction/i;

/** Recognises an API table by its header, or returns null for any other table. */
export function apiTableColumns(header: string[]): ApiTableColumns | null {
  const name = find(header, NAME_HEADER);
  const signature = find(header, /^(signature|firma|assinatura)$/i);
  const owner = find(header, /^(class|owner|clase|classe)$/i);
  // Without a name column, a Signature column names the rows and a Class column their owner; a
  // lone Signature column is left to the harvester, which knows the section's owner.
  // A `Kind` column (method, property, overload…) beside a Signature column makes a table of one class's members.
  const kind = find(header, /^(kind|member kind|member type)$/i);
  if (name === null && (signature === null || (owner === null && kind === null))) return null;
  const columns: ApiTableColumns = {
    name,
    owner,
    parameters: find(header, /^(parameters?|params|arguments?|args|inputs?|par[aáâ]metros|param[eè]tres|argumentos|entradas)$/i),
    returns: find(header, RETURNS_HEADER),
    signature,
    raises: find(header, /^(raises|exceptions?|errors?|lanza|excepciones|exce[cç][oõ]es)$/i),
    description: find(header, /^(description|purpose|notes?|behaviou?r|summary|descripci[oó]n|descri[cç][aã]o|notas?)$/i),
    functions: name !== null && FUNCTION_HEADER.test(header[name] ?? ''),
    kind,
  };
  return columns.parameters !== null || columns.returns !== null || columns.signature !== null ? columns : null;
}

const EMPTY_CELL = /^(-|–|—|none|n\/a|\(none\)|nothing|)$/i;

/** The cell's inline-code pieces, or its text split at top-level commas when it has none. */
function cellItems(node: Nodes | undefined): string[] {
  if (!node || !('children' in node)) return [];
  const code = (node.children as Nodes[]).filter((child) => child.type === 'inlineCode').map((child) => plainText(child).trim());
  if (code.length > 0) return code;
  const text = plainText(node).trim();
  if (EMPTY_CELL.test(text)) return [];
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('([{'.includes(char)) depth++;
    if (')]}'.includes(char)) depth--;
    if (char === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

/** `amount` (float), `note` (str): parameters written as a name and a type in parentheses, as `name: type`; null for other cells. */
function typedItems(text: string): string[] | null {
  const items = text.split(/,(?![^()\[\]]*[)\]])/).map((item) => item.trim()).filter((item) => item !== '');
  const typed = items.map((item) => /^`?([A-Za-z_]\w*)`?\s*\(\s*`?([A-Za-z_][\w.]*(?:\[[^\]]*\])?)`?\s*(?:,\s*optional)?\s*\)$/i.exec(item));
  return typed.length > 0 && typed.every((match) => match !== null) ? typed.map((match) => `${match![1]}: ${match![2]}`) : null;
}

/** The first item of a cell; `None` in code is an annotation, a bare "none" or "-" is nothing. */
function firstCode(node: Nodes | undefined): string | null {
  const text = cellItems(node)[0] ?? null;
  return text === null || /^(-|–|—|)$/.test(text) ? null : text;
}

/** A Returns cell: its first item, and a plain `None` too (Python's spelling, where a lower-case "none" says nothing). */
function returnsCell(node: Nodes | undefined): string | null {
  return node && plainText(node).trim() === 'None' ? 'None' : firstCode(node);
}

/** `ExpenseLedger.add_member`, `add_member()`, `add_member(name: str) -> dict`: class, name and an inline signature. */
function splitName(cell: string): { className: string | null; name: string; signature: string | null } {
  const open = cell.indexOf('(');
  const head = (open >= 0 ? cell.slice(0, open) : cell).trim().replace(/^def\s+/, '');
  const signature = open >= 0 ? cell.slice(open).trim() : null;
  const parts = head.split('.');
  const name = parts.pop() ?? head;
  return { className: parts.length > 0 ? parts[parts.length - 1]! : null, name, signature: signature && signature !== '()' ? signature : null };
}

/** A row's signature as Python: `def name(params) -> returns: ...`, one line. */
interface RowSignature {
  name: string;
  isMethod: boolean;
  signature: string;
}

function asDefinition(row: RowSignature): string {
  return `def ${row.name}${row.signature.trim().replace(/\s*\n\s*/g, ' ')}: ...`;
}

/**
 * Parses the rows' signatures in one go (one line each); when that does not parse, row by row, so a
 * broken row costs only itself. A leading `self` is optional in tables: toDesignFunction drops it.
 */
async function parseSignatures(rows: RowSignature[]): Promise<Array<DesignFunction | null>> {
  const together = await readPythonOutline(`${rows.map(asDefinition).join('\n')}\n`);
  if (together.parseErrorLines.length === 0 && together.functions.length === rows.length) {
    return together.functions.map((fn, index) => toDesignFunction(fn, rows[index]!.isMethod ? '' : null, 0));
  }
  return Promise.all(rows.map(async (row) => {
    const module = await readPythonOutline(`${asDefinition(row)}\n`);
    const fn = module.functions[0];
    return !fn || module.parseErrorLines.length > 0 ? null : toDesignFunction(fn, row.isMethod ? '' : null, 0);
  }));
}

/**
 * Reads the signatures of an API table. A method whose class the table leaves open gets
 * `className` ''. Unparseable rows become warnings (through `warn`, which drops repeats), never exceptions.
 */
export async function readApiTable(table: Table, columns: ApiTableColumns, warn: WarnFunction): Promise<DesignFunction[]> {
  const { rows } = readTable(table);
  const read: Array<RowSignature & { row: (typeof rows)[number]; nameText: string; className: string | null }> = [];
  for (const row of rows) {
    // A signature cell that starts `name(` names the row, whatever the name column says ("constructor").
    const signatureText = columns.signature === null ? '' : firstCode(row.nodes[columns.signature]) ?? row.cells[columns.signature] ?? '';
    const signatureName = /^\s*(?:def\s+)?([A-Za-z_][\w.]*)\s*\(/.exec(signatureText)?.[1] ?? null;
    const kindText = columns.kind === null || columns.kind === undefined ? '' : (row.cells[columns.kind] ?? '').replace(/[`*_]/g, '').trim().toLowerCase();
    // An `overload` row is a typing stub of the implementation row that follows it.
    if (kindText === 'overload') continue;
    // A `property` row names the member alone (`units`).
    const bareName = kindText === 'property' && /^[a-z_]\w*$/.test(signatureText.trim()) ? signatureText.trim() : null;
    const nameText = signatureName ?? bareName ?? (columns.name === null ? '' : firstCode(row.nodes[columns.name]) ?? row.cells[columns.name] ?? '');
    if (!nameText.trim()) continue;
    const constructor = kindText !== '' && /^[A-Z]\w*$/.test(signatureName ?? '');
    const split = constructor ? { className: signatureName, name: '__init__', signature: signatureText.slice(signatureText.indexOf('(')) } : splitName(nameText);
    const ownerText = columns.owner === null ? '' : (firstCode(row.nodes[columns.owner]) ?? row.cells[columns.owner] ?? '').trim();
    const className = split.className ?? (/^[A-Z]\w*$/.test(ownerText) ? ownerText : null);
    const { name, signature: inlineSignature } = split;
    if (!/^[A-Za-z_]\w*$/.test(name)) {
      warn('unparseable', `API table row "${nameText}" does not name a method or function; skipped`, row.line);
      continue;
    }
    let signature = inlineSignature;
    if (!signature && columns.signature !== null) signature = signatureText.includes('(') ? signatureText.slice(signatureText.indexOf('(')) : null;
    // A signature cell with the parameters only (`(self, code: str)`) takes its return from the Returns column.
    const returnsText = columns.returns !== null ? returnsCell(row.nodes[columns.returns]) : null;
    if (signature && returnsText && /^(?:["'][A-Za-z_][\w.]*["']|[A-Za-z_][\w.]*(?:\[.*\])?(?:\s*\|\s*[A-Za-z_][\w.]*(?:\[.*\])?)*)$/.test(returnsText) && !signature.includes('->')) signature = `${signature} -> ${returnsText}`;
    if (!signature) {
      const parameters = columns.parameters === null ? []
        : typedItems(row.cells[columns.parameters] ?? '') ?? cellItems(row.nodes[columns.parameters]).filter((item) => !EMPTY_CELL.test(item));
      const returns = columns.returns !== null ? returnsCell(row.nodes[columns.returns]) : null;
      signature = `(${parameters.join(', ')})${returns ? ` -> ${returns}` : ''}`;
    }
    read.push({ row, nameText, className, name, isMethod: !columns.functions || className !== null, signature });
  }
  const parsed = await parseSignatures(read);
  const functions: DesignFunction[] = [];
  read.forEach((entry, index) => {
    const fn = parsed[index];
    if (!fn) {
      warn('unparseable', `cannot read the signature of \`${entry.nameText}\` from the table: ${entry.signature}`, entry.row.line);
      return;
    }
    const raises = columns.raises !== null ? cellItems(entry.row.nodes[columns.raises]).filter((item) => /^[A-Za-z_]\w*$/.test(item)) : [];
    functions.push({
      ...fn,
      className: entry.isMethod ? entry.className ?? '' : null,
      raises,
      description: columns.description !== null ? entry.row.cells[columns.description] || null : null,
      origin: 'table',
      line: entry.row.line,
    });
  });
  return functions;
}
