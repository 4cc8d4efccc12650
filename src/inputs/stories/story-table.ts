/**
 * Stories written as one table, a row per story: `| ID | As a | I want | So that | Acceptance criteria |`
 * (or a `User story` column holding the whole "As a …, I want …" sentence), criteria in one cell
 * separated by `<br>`. Gives each row's id, role, goal, benefit and the source offsets of its criteria.
 */
import type { Table } from 'mdast';
import { plainText, sourceOf, type MarkdownDocument } from '../markdown/markdown-document.js';
import { collapseWhitespace } from '../messages/message-template.js';

/** One criterion of a row: where its text is in the document. */
export interface StoryTableCriterion {
  markdown: string;
  start: number;
  end: number;
  line: number;
}

/** One row of a story table. */
export interface StoryTableRow {
  id: string;
  title: string;
  role: string | null;
  goal: string | null;
  benefit: string | null;
  /** The whole story sentence, when a column holds it ("As a resident, I want …"). */
  sentence: string | null;
  criteria: StoryTableCriterion[];
  /** Parts of a Messages column (`1: "…"<br>2: "…"`), each with the number of the criterion it names, if any. */
  messages: Array<StoryTableCriterion & { criterion: number | null }>;
  line: number;
}

const ID = /^(id|story id|story|us|#|ref|key|issue key|issue)$/i;
const MESSAGES = /^(messages?|ui messages?|user messages?|errors?|feedback|expected messages?)$/i;
const ROLE = /^(as an?|role|persona|user|como|en tant que)$/i;
const GOAL = /^(i want(?: to)?|goal|want|i need|quiero|je veux)$/i;
const BENEFIT = /^(so that|benefit|value|reason|para|afin de)$/i;
const SENTENCE = /^(user story|story|description|historia|hist[oó]ria)$/i;
const TITLE = /^(title|name|summary|feature|t[ií]tulo|titre)$/i;
const ACCEPTANCE = /acceptance|criteria|crit[eéè]ri|aceptaci|aceita/i;
const STORY_ID = /^[A-Z][A-Z0-9]{0,7}-?\d{1,4}$/;

/** The parts of a cell separated by `<br>`, with their offsets in the document. */
function cellParts(document: MarkdownDocument, cell: Table['children'][number]['children'][number] | undefined): StoryTableCriterion[] {
  const parts: StoryTableCriterion[] = [];
  const base = cell?.position?.start.offset;
  if (!cell || base === undefined) return parts;
  const markdown = sourceOf(document, cell);
  let start = 0;
  for (const separator of [...markdown.matchAll(/<br\s*\/?>/gi), null]) {
    const end = separator ? separator.index! : markdown.length;
    const part = markdown.slice(start, end).replace(/^\s*\|?\s*/, '').replace(/\s*\|?\s*$/, '');
    if (part !== '') parts.push({ markdown: part, start: base + start, end: base + end, line: cell.position!.start.line });
    start = separator ? end + separator[0].length : end;
  }
  return parts;
}

/** The rows of a table that lists stories, or null when the table is something else. */
export function readStoryTable(document: MarkdownDocument, table: Table): StoryTableRow[] | null {
  const [head, ...body] = table.children;
  if (!head || body.length === 0) return null;
  const header = head.children.map((cell) => collapseWhitespace(plainText(cell)).trim());
  const find = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell));
  const id = find(ID);
  const acceptance = find(ACCEPTANCE);
  const [role, goal, benefit, title] = [find(ROLE), find(GOAL), find(BENEFIT), find(TITLE)];
  const sentence = header.findIndex((cell, index) => index !== id && SENTENCE.test(cell));
  const messageColumn = find(MESSAGES);
  if (id < 0 || acceptance < 0 || (role < 0 && goal < 0 && sentence < 0)) return null;
  const rows: StoryTableRow[] = [];
  for (const row of body) {
    const text = (column: number) => (column >= 0 && row.children[column] ? collapseWhitespace(plainText(row.children[column]!)).trim() || null : null);
    const storyId = text(id)?.replace(/[`*]/g, '') ?? '';
    if (!STORY_ID.test(storyId)) continue;
    const criteria = cellParts(document, row.children[acceptance]);
    // `1: "Slot booked."<br>2: "Sorry…"`: a Messages column whose parts name the criterion they belong to.
    const messages = cellParts(document, messageColumn >= 0 ? row.children[messageColumn] : undefined).map((part) => ({ ...part, criterion: Number(/^\s*(?:AC[-\s]?)?(\d{1,2})\s*[:.)—–-]/i.exec(part.markdown)?.[1] ?? NaN) || null }));
    rows.push({ id: storyId, title: text(title) ?? text(goal) ?? text(sentence) ?? storyId, role: text(role), goal: text(goal), benefit: text(benefit), sentence: text(sentence), criteria, messages, line: row.position?.start.line ?? 0 });
  }
  return rows.length > 0 ? rows : null;
}

/**
 * An index of stories with no criteria (`| ID | Story |`, a row per story with its "As a …" sentence):
 * the sentence of each id, which gives the role of a story written out further down. Null for other tables.
 */
export function readStoryIndex(table: Table): Map<string, string> | null {
  const [head, ...body] = table.children;
  if (!head || body.length === 0) return null;
  const header = head.children.map((cell) => collapseWhitespace(plainText(cell)).trim());
  const id = header.findIndex((cell) => ID.test(cell));
  const sentence = header.findIndex((cell, index) => index !== id && SENTENCE.test(cell));
  if (id < 0 || sentence < 0 || header.some((cell) => ACCEPTANCE.test(cell))) return null;
  const index = new Map<string, string>();
  for (const row of body) {
    const storyId = collapseWhitespace(plainText(row.children[id] ?? { type: 'text', value: '' })).replace(/[`*]/g, '').trim();
    const text = row.children[sentence] ? collapseWhitespace(plainText(row.children[sentence]!)).trim() : '';
    if (STORY_ID.test(storyId) && text !== '') index.set(storyId, text);
  }
  return index.size > 0 ? index : null;
}
