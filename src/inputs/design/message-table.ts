import type { Table } from 'mdast';
import { readTable } from '../markdown/markdown-document.js';
import { toMessageTemplate } from '../messages/message-template.js';
import type { DesignMessage, MessageKind } from './design-types.js';

/** Columns of a message table (`| Code | Message |`, `| Method | Situation | Message |`). */
interface MessageColumns {
  message: number;
  code: number | null;
  exception: number | null;
  method: number | null;
  situation: number | null;
  kind: number | null;
}

const find = (header: string[], pattern: RegExp): number | null => {
  const index = header.findIndex((cell) => pattern.test(cell.trim()));
  return index < 0 ? null : index;
};

function messageColumns(header: string[]): MessageColumns | null {
  const message = find(header, /^((user[- ]facing |error |success |ui )?message( text| template)?|text|wording)$/i);
  if (message === null) return null;
  return {
    message,
    code: find(header, /^(error )?code$/i),
    exception: find(header, /^(exception( class| type)?|error class|raises)$/i),
    method: find(header, /^(method|function|operation|action|api)$/i),
    situation: find(header, /^(situation|outcome|when|condition|case|scenario|trigger|result)$/i),
    kind: find(header, /^(kind|type|level|severity|category)$/i),
  };
}

/** The kind a piece of prose names, if exactly one. */
export function kindNamedIn(text: string): MessageKind | null {
  const kinds: MessageKind[] = [];
  if (/\berrors?\b|\bfail(ure|s|ed)?\b|\brejected\b/i.test(text)) kinds.push('error');
  if (/\bsuccess(ful|es)?\b|\bconfirmation\b/i.test(text)) kinds.push('success');
  if (/\binfo(rmation(al)?)?\b|\bnotice\b/i.test(text)) kinds.push('info');
  if (/\bwarning\b/i.test(text)) kinds.push('warning');
  return kinds.length === 1 ? kinds[0]! : null;
}

/** The kind a table's heading gives its rows when a row does not say: "Success and info messages" → success. */
function headingKind(columns: MessageColumns, heading: string): MessageKind | null {
  const named = kindNamedIn(heading);
  if (named) return named;
  if (/\bsuccess/i.test(heading)) return 'success';
  return columns.code !== null || columns.exception !== null ? 'error' : null;
}

function rowKind(columns: MessageColumns, cells: string[], fallback: MessageKind | null): MessageKind | null {
  const stated = columns.kind !== null ? kindNamedIn(cells[columns.kind] ?? '') : null;
  if (stated) return stated;
  const situation = columns.situation !== null ? kindNamedIn(cells[columns.situation] ?? '') : null;
  return situation ?? fallback;
}

/** The quoted message in a cell, or the whole cell when it has no double quotes. */
function messageText(cell: string): string | null {
  const quoted = /["“]([^"”]+)["”]/.exec(cell);
  // A cell that opens with a quoted part and goes on in words (`"{title}" is on the shelf.`) is the message whole.
  // So is a cell whose quotes hold only a placeholder (`Hold on "{title}" cancelled.`): the quotes are the message's own.
  // A note after the quotes (`"Saved." (mode is …)`, `"Saved." — on success`) leaves the quoted part the message.
  const whole = quoted !== null && ((quoted.index === 0 && /^\s+[a-z]/.test(cell.slice(quoted[0].length))) || /^\s*[{<[][^}>\]]{1,40}[}>\]]\s*$/.test(quoted[1]!));
  const text = quoted && !whole ? quoted[1]! : cell;
  return text.trim() === '' ? null : text;
}

/** Whether a table lists messages; its columns, if so. */
export function isMessageTable(header: string[]): boolean {
  return messageColumns(header) !== null;
}

/** Reads the rows of a message table. `heading` is the enclosing section's title. */
export function readMessageTable(table: Table, heading: string): DesignMessage[] {
  const { header, rows } = readTable(table);
  const columns = messageColumns(header);
  if (!columns) return [];
  const messages: DesignMessage[] = [];
  const fallback = headingKind(columns, heading);
  for (const row of rows) {
    const raw = messageText(row.cells[columns.message] ?? '');
    if (raw === null) continue;
    const cell = (index: number | null) => (index === null ? null : row.cells[index]?.trim() || null);
    messages.push({
      ...toMessageTemplate(raw),
      code: cell(columns.code),
      exception: cell(columns.exception),
      method: cell(columns.method),
      situation: cell(columns.situation),
      kind: rowKind(columns, row.cells, fallback),
      line: row.line,
    });
  }
  return messages;
}
