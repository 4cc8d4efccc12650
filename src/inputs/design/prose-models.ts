/**
 * Data models written in prose rather than code: an "Attributes:" / "Fields:" list under a class
 * (`- \`car_id\`: unique id`, `- \`amount\` (float): …`, `- \`tx_id: str\` — …`, `- id: str  # uuid`),
 * bullets right under a `class X:` line, a sentence of backticked fields in a class section
 * ("A `@dataclass` with fields `title: str`, `seconds: int`"), and a named inline list
 * ("**Transaction** — a record with fields: id (str), amount (float)", "- `Car`: name, speed" in a
 * models section). Lines are read one at a time; every pattern is anchored and linear.
 */
import { readModelClauses } from './model-clauses.js';
import { readProseModel } from './nested-details.js';

/** A model read from prose: its name, the text that may say how it is declared, and its fields. */
export interface ProseModel {
  name: string;
  kindText: string;
  fields: Array<{ name: string; annotation: string | null }>;
  line: number;
}

/** "Attributes:", "- **Fields:**", "#### Attributes", "Campos:": a label that opens a field list. */
const FIELD_LABEL = /^\s*(?:#{1,6}\s+)?(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__)?(?:(?:data |instance |class )?(?:attributes|fields|properties)|atributos|campos|propiedades|champs|attributs|attributi|campi|felder|attribute)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*:?\s*$/i;
const BULLET = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;
/** A type as written after a field name: `str`, `Optional[str]`, `dict[str, int]`, `str | None`, `Decimal = Decimal('0')`. */
const TYPE = /^[A-Za-z_][\w.]*(?:\[[^\]]*(?:\[[^\]]*\][^\]]*)*\])?(?:\s*\|\s*[A-Za-z_][\w.]*(?:\[[^\]]*\])?)*$/;
/** `` `name` ``, `` `name: type` ``, `` `name` (type) ``, `name: type`, `**name** (type)` at the start of a bullet. */
const FIELD_BULLET = /^(?:\*\*|`)*([a-z_][A-Za-z0-9_]*)(?:`|\*\*)*(?:\s*:\s*([^`#—–]*?))?(?:`|\*\*)*\s*(?:\(\s*`?([^)`]+?)`?\s*\))?\s*(?:[:—–#-].*|,.*)?$/;
/** `**Name** — …`, `` - `Name`: … ``, `Name (dataclass): …` at the start of a line. */
const NAMED_LIST = /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*|`)+([A-Z][A-Za-z0-9_]*)(?:\*\*|`)+\s*(?:\(([^)]{0,40})\))?\s*[:—–-]+\s*(.*)$/;
/** A bare name with its kind in parentheses, then `:` or `.`, maybe after a paragraph number. */
const BARE_NAMED = /^\s*(?:[-*+]\s+|\d{1,2}(?:\.\d{1,2})*\.?\s+)?([A-Z][A-Za-z0-9_]*)\s*\(((?:frozen |immutable )?(?:dataclass|data class|record|named ?tuple|typeddict|pydantic model))\)\s*[:.]\s*(.*)$/i;
const MODEL_KIND = /dataclass|data class|record|named ?tuple|typeddict|pydantic/i;
const FIELD_WORDS = /\b(?:fields?|attributes?|campos?|atributos?|champs?|attributs?|properties)\b/i;
const MODEL_SECTION = /\b(?:models?|data|datos|entit(?:y|ies)|records?|dataclass(?:es)?|structures?|modelos?|mod[eè]les?|modelli|donn[ée]es|dati)(?![\w\u00C0-\u024F])/i;
/** One item of an inline list: `name`, `name (type)`, `name: type`, backticks optional. */
const LIST_ITEM = /^`?([a-z_][A-Za-z0-9_]*)`?(?:\s*\(\s*`?([^)`]+?)`?\s*\)|\s*:\s*`?([^`]+?)`?)?$/;
const INLINE_LABEL = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:fields|attributes|properties|campos|atributos|champs|attributs|campi|attributi)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*\S/i;
const BACKTICKED_FIELD = /`([a-z_][A-Za-z0-9_]*)\s*:\s*([^`]+)`/g;

function typeOf(text: string | undefined): string | null {
  const type = (text ?? '').replace(/\s*=.*$/, '').trim();
  return type !== '' && TYPE.test(type) ? type : null;
}

/**
 * A field bullet's name and type, or null. With `typed`, the bullet must give a type (bullets under a
 * `class X:` line, where method bullets may follow); otherwise a backticked or bold name is enough.
 */
export function readFieldBullet(text: string, typed: boolean): { name: string; annotation: string | null } | null {
  if (text.length > 600 || text.includes('(') && /^[`*]*[a-z_]\w*\(/.test(text)) return null;
  const match = FIELD_BULLET.exec(text);
  if (!match) return null;
  const annotation = typeOf(match[2]) ?? typeOf(match[3]);
  const marked = /^(?:`|\*\*)/.test(text);
  // `- Purpose: store every deposit` is a description; `- id: str` and `` - `car_id`: its id `` are fields.
  if (match[2] !== undefined && match[2].trim() !== '' && annotation === null && !marked) return null;
  if (typed && annotation === null) return null;
  if (!marked && annotation === null) return null;
  return { name: match[1]!, annotation };
}

/** `id (str), amount (float) and note` after a model's name, or null when any item is not a field. */
function readInlineList(text: string): Array<{ name: string; annotation: string | null }> | null {
  const list = text.replace(/^.*?\b(?:fields?|attributes?|campos?|atributos?|champs?|attributs?)\b\s*(?:are\s+|:\s*)?/i, '').replace(/(?:\s*(?:…|\.\.\.|etc\.?))?\s*\.?\s*$/, '');
  const items = list.split(/\s*,\s*|\s+(?:and|y|et|e|und)\s+/).filter((item) => item !== '');
  if (items.length === 0 || items.length > 40) return null;
  const fields = [];
  for (const item of items) {
    const match = LIST_ITEM.exec(item.trim());
    if (!match) return null;
    fields.push({ name: match[1]!, annotation: typeOf(match[2]) ?? typeOf(match[3]) });
  }
  return fields;
}

/** A model a single line (or paragraph) declares by name, or null. */
export function readNamedModel(paragraph: string, inModelSection: boolean): Omit<ProseModel, 'line'> | null {
  const backticked = readProseModel(paragraph);
  if (backticked) return backticked;
  // "Score (dataclass): a: int, b: str", "2.1.1 KeyLoan (dataclass). Fields: a (int), b (str)": no markup, the kind in parentheses.
  const named = NAMED_LIST.exec(paragraph) ?? BARE_NAMED.exec(paragraph);
  if (!named || !(inModelSection || FIELD_WORDS.test(named[3]!) || MODEL_KIND.test(named[2] ?? ''))) return null;
  const fields = readInlineList(named[3]!);
  return fields ? { name: named[1]!, kindText: `${named[2] ?? ''} ${named[3]}`, fields } : null;
}

/** A sentence in a class's section that lists its fields: "A `@dataclass` with fields `a: int`, `b: str`". */
export function readFieldSentence(paragraph: string): { kindText: string; fields: Array<{ name: string; annotation: string }> } | null {
  if (!paragraph.includes('`') || !/:/.test(paragraph)) return null;
  if (!FIELD_WORDS.test(paragraph) && !/dataclass|pydantic|typeddict|namedtuple|record|registro/i.test(paragraph)) return null;
  const fields = [...paragraph.matchAll(BACKTICKED_FIELD)].map((field) => ({ name: field[1]!, annotation: field[2]!.trim() }));
  return fields.length >= 2 && fields.every((field) => typeOf(field.annotation) !== null) ? { kindText: paragraph, fields } : null;
}

/** "Fields: `job_no` (int), `customer` (str)": a label and an inline list on one line, in a class's section. */
function readLabelledList(paragraph: string): { kindText: string; fields: Array<{ name: string; annotation: string | null }> } | null {
  if (!INLINE_LABEL.test(paragraph)) return null;
  const fields = readInlineList(paragraph);
  return fields && fields.length >= 2 ? { kindText: paragraph, fields } : null;
}

/** Whether a line is a field-list label ("Attributes:"). */
export function isFieldLabel(line: string): boolean {
  return line.length < 80 && FIELD_LABEL.test(line);
}

/** Whether a heading text names a section of data models. */
export function isModelSection(text: string): boolean {
  return MODEL_SECTION.test(text);
}

/** Indentation and text of a bullet line, or null. */
export function bulletOf(line: string): { indent: number; text: string } | null {
  const match = BULLET.exec(line);
  return match ? { indent: match[1]!.length, text: match[2]!.trim() } : null;
}

interface OpenList {
  owner: string;
  kindText: string;
  /** Indentation of the label (or class line); fields are bullets indented deeper. -1 after a heading label. */
  indent: number;
  fieldIndent: number | null;
  /** Under a `class X:` line, bullets must give a type (method bullets may follow). */
  typed: boolean;
  fields: Array<{ name: string; annotation: string | null }>;
  line: number;
}

const PARAGRAPH_LINES = 4;

/** Follows field lists through the document's lines (one call per line, in order) and gathers the models. */
export class ProseModelReader {
  readonly models: Array<ProseModel & { weak: boolean }> = [];
  private list: OpenList | null = null;
  /** A list item naming a class ("1. Transaction dataclass (immutable record):"), owner of a label nested under it. */
  private item: { name: string; indent: number; kindText: string } | null = null;

  /** Reads a line as a field of the open list; true when it was one (or a note nested under one). Closes the list otherwise. */
  continueList(line: string): boolean {
    const list = this.list;
    if (!list) return false;
    const bullet = bulletOf(line);
    if (bullet && bullet.indent > list.indent) {
      const field = readFieldBullet(bullet.text, list.typed);
      if (field && (list.fieldIndent === null || bullet.indent <= list.fieldIndent)) {
        list.fieldIndent ??= bullet.indent;
        if (!list.fields.some((known) => known.name === field.name)) list.fields.push(field);
        return true;
      }
      if (list.fieldIndent !== null && bullet.indent > list.fieldIndent) return true;
    }
    this.close();
    return false;
  }

  /** A heading closes what is open. */
  onHeading(): void {
    this.close();
    this.item = null;
  }

  /** A bullet that names a class and ends with a colon owns the labels nested under it. */
  noteItem(line: string, owner: string | null): void {
    const bullet = bulletOf(line);
    if (!bullet) return;
    if (this.item && bullet.indent <= this.item.indent) this.item = null;
    if (owner && /:\s*(?:\*\*)?\s*$/.test(bullet.text)) this.item = { name: owner, indent: bullet.indent, kindText: bullet.text };
  }

  /** Opens a field list at a label line; `sectionClass` is the class the sections around name. True when opened. */
  openLabel(line: string, index: number, sectionClass: string | null, sectionText: string): boolean {
    if (!isFieldLabel(line)) return false;
    const bullet = bulletOf(line);
    const item = bullet && this.item && bullet.indent > this.item.indent ? this.item : null;
    const owner = item?.name ?? sectionClass;
    if (!owner) return false;
    this.close();
    this.list = { owner, kindText: item?.kindText ?? sectionText, indent: bullet ? bullet.indent : /^\s*#/.test(line) ? -1 : line.length - line.trimStart().length - 1, fieldIndent: null, typed: false, fields: [], line: index + 1 };
    return true;
  }

  /** Opens a typed field list under a heading that names a model (`**Reserva** (dataclass)`, `### Stay record`). */
  openModelHeading(name: string, headingText: string, index: number): void {
    this.close();
    this.list = { owner: name, kindText: headingText, indent: -1, fieldIndent: null, typed: true, fields: [], line: index + 1 };
  }

  /** Opens a typed field list under a `class X:` line written in prose. */
  openClass(name: string, line: string, index: number, previous: string): void {
    this.close();
    this.list = { owner: name, kindText: `${previous} ${line}`, indent: line.length - line.trimStart().length, fieldIndent: null, typed: true, fields: [], line: index + 1 };
  }

  /**
   * Reads a model declared by name on a line or paragraph ("**Ticket** — `id: int`, …"), or the fields a
   * sentence gives the section's class; true when the line was one.
   */
  readLine(lines: string[], index: number, sectionClass: string | null, inModelSection: boolean): boolean {
    const line = lines[index]!;
    if (!line.includes('`') && !line.includes('**') && !BARE_NAMED.test(line)) return false;
    const previous = (lines[index - 1] ?? '').trim();
    const starts = previous === '' || previous.startsWith('#') || bulletOf(line) !== null;
    let paragraph = line.replace(/\r$/, '');
    for (let next = index + 1; starts && next < lines.length && next <= index + PARAGRAPH_LINES; next++) {
      const text = lines[next]!.replace(/\r$/, '');
      if (text.trim() === '' || /^\s*(?:#|\||>)/.test(text) || bulletOf(text) || text.length > 600) break;
      paragraph += ` ${text.trim()}`;
    }
    const named = readNamedModel(paragraph, inModelSection);
    if (named) {
      this.models.push({ ...named, line: index + 1, weak: false });
      return true;
    }
    const clauses = readModelClauses(paragraph);
    for (const clause of clauses) this.models.push({ ...clause, line: index + 1, weak: false });
    if (clauses.length > 0) return true;
    const sentence = sectionClass ? readFieldSentence(paragraph) ?? readLabelledList(paragraph) : null;
    if (!sentence) return false;
    this.models.push({ name: sectionClass!, kindText: sentence.kindText, fields: sentence.fields, line: index + 1, weak: false });
    return true;
  }

  /** Closes the open list (call at the end of the document too). */
  close(): void {
    const list = this.list;
    this.list = null;
    if (list && list.fields.length > 0) this.models.push({ name: list.owner, kindText: list.kindText, fields: list.fields, line: list.line, weak: true });
  }
}
