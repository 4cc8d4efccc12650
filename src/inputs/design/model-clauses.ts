/**
 * Models a sentence introduces by kind and name, several to a sentence: "Create an enum `ItemStatus`
 * with members `WAITING`, `FIXED` and a dataclass `Ticket` with fields `ticket_no: int`, `owner: str`",
 * "- `Ingredient` — a NamedTuple with `name: str`, `grams: float`". Each introduction owns the text up
 * to the next one: an enum's members are its backticked UPPER_CASE names, another model's fields its
 * backticked `name: type` items (a default allowed). At least two of either, or nothing is read.
 * One pass over the paragraph per pattern: linear.
 */

/** A model a clause declares. */
export interface ModelClause {
  name: string;
  kindText: string;
  fields: Array<{ name: string; annotation: string | null }>;
}

const KIND = '(dataclass|data class|record|named ?tuple|NamedTuple|TypedDict|typed dict|enum(?:eration)?|Enum|pydantic model|BaseModel)';
const INTRODUCTION = new RegExp(`\\b${KIND}\\s+(?:called\\s+|named\\s+)?\`([A-Z][A-Za-z0-9_]*)\`|(?:\`|\\*\\*)([A-Z][A-Za-z0-9_]*)(?:\`|\\*\\*)\\s*(?:[—–:,-]|is|\\(|（|は|是|—|은|는|이|가)?\\s*(?:an?\\s+|bir\\s+)?(?:frozen\\s+|small\\s+|simple\\s+|immutable\\s+)?${KIND}\\b`, 'gi');
const MEMBER = /`([A-Z][A-Z0-9_]*)`/g;
const FIELD_WORD = /\b(?:fields?|attributes?)\b/i;
const UNTYPED_FIELD = /`([a-z_][A-Za-z0-9_]*)`/g;
const TYPED_FIELD = /`([a-z_][A-Za-z0-9_]*)\s*:\s*([A-Za-z_][\w.]*(?:\[[^`]*\])?(?:\s*\|\s*[A-Za-z_][\w.]*(?:\[[^`]*\])?)*)\s*(?:=\s*[^`]+)?`/g;

/** The models a paragraph introduces by kind and name; empty when it introduces none with two fields or members. */
export function readModelClauses(paragraph: string): ModelClause[] {
  if (!paragraph.includes('`')) return [];
  // The fields are backticked; the name may be bold (`**Listing** — a dataclass: \`listing_id: int\`, …`).
  const introductions = [...paragraph.matchAll(INTRODUCTION)];
  const clauses: ModelClause[] = [];
  introductions.forEach((match, index) => {
    const name = (match[2] ?? match[3])!;
    const kind = (match[1] ?? match[4])!;
    const clause = paragraph.slice(match.index! + match[0].length, introductions[index + 1]?.index ?? paragraph.length);
    let fields: ModelClause['fields'] = /^enum/i.test(kind)
      ? [...clause.matchAll(MEMBER)].map((member) => ({ name: member[1]!, annotation: null }))
      : [...clause.matchAll(TYPED_FIELD)].map((field) => ({ name: field[1]!, annotation: field[2]!.trim() }));
    // "`Firing` is a dataclass with the fields `firing_id`, `kiln` and `readings` (a `list[int]`)": untyped names after the word.
    const fieldWord = fields.length < 2 && !/^enum/i.test(kind) ? FIELD_WORD.exec(clause) : null;
    if (fieldWord) fields = [...clause.slice(fieldWord.index).matchAll(UNTYPED_FIELD)].map((field) => ({ name: field[1]!, annotation: null }));
    if (fields.length >= 2 && !clauses.some((known) => known.name === name)) clauses.push({ name, kindText: kind, fields });
  });
  return clauses;
}
