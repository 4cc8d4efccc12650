/**
 * What a paragraph of running prose states precisely, when a design writes its models and errors only
 * in sentences: "An Order record holds the order_no (an int), the customer (a string) and the count
 * (an int).", "`place_order` raises `SoldOut`.", "Both derive from `BakeryError`, which derives from
 * `Exception`." Nothing is guessed: a record sentence needs a record word or a type for every field,
 * and an exception needs "raises"/"throws" before its backticked name. Patterns are anchored per
 * sentence and linear.
 */
import { readExceptionRelations } from './exception-relations.js';
import type { HarvestedClass, HarvestedModel } from './harvest-signatures.js';

/** Models and exceptions a paragraph states. */
export interface ParagraphFacts {
  models: HarvestedModel[];
  classes: HarvestedClass[];
}

const MAX_PARAGRAPH = 6000;
const MAX_PARAGRAPH_LINES = 12;
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]/;
const MODEL_WORD = /\b(?:dataclass(?:e)?|record|registro|model|modelo|mod[eè]le|namedtuple|typeddict|enregistrement)\b/i;
const FIELD_WORD = /\b(?:fields?|campos?|champs?|attributes?|atributos?|attributs?)\b/i;
const TYPED_FIELD = /`([a-z_][A-Za-z0-9_]*)\s*:\s*([A-Za-z_][\w.]*(?:\[[^\]`]*\])?(?:\s*\|\s*[A-Za-z_][\w.]*)?)\s*`/g;
/** Bullets, quotes, table rows, fences and indented code are not running text. */
const NOT_PROSE = /^\s*(?:[-*+]\s|\d{1,3}[.)]\s|>|\||```|~~~)|^ {4}/;
const RECORD_SENTENCE = /^(?:An?|The|Each|Every)\s+(?:`([A-Z][A-Za-z0-9_]*)`|\*\*([A-Z][A-Za-z0-9_]*)\*\*|([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*))\s+(record|object|entry|model|dataclass|row|entity|item|instance)?\s*(?:holds|has|contains|stores|keeps|carries|consists of|is made of)\s+(.+?)\.?$/;
const ITEM = /^(?:(?:the|its|an?)\s+)?(?:`([a-z_][a-z0-9_]*)`|([a-z_][a-z0-9_]*))(?:\s*\((?:an?\s+)?([^()]{1,40})\))?$/;
const RAISED = /\b(?:raises?|raised|throws?|raising)\s+(?:an?\s+|the\s+)?`([A-Z][A-Za-z0-9_]*)`/g;
const WHICH_DERIVES = /`([A-Z][A-Za-z0-9_]*)`,?\s+(?:which|that)\s+(?:itself\s+)?(?:derives?|inherits?|extends|subclasses)\s+(?:from\s+)?`([A-Z][A-Za-z0-9_.]*)`/g;
const PASSIVE_RAISED = /\b(?:is|are) (?:raised|thrown)\b/g;
/** "`FerryError` (itself an `Exception`)", "`ShopError`, itself a subclass of `ValueError`". */
const ITSELF = /`([A-Z][A-Za-z0-9_]*)`\s*\(?,?\s*itself\s+(?:an?\s+|a subclass of\s+|derived from\s+|deriving from\s+|inheriting from\s+)`([A-Z][A-Za-z0-9_.]*)`/g;
const THEY_DERIVE = /\b(?:[Bb]oth|[Aa]ll|[Ee]ach|[Tt]hey|[Tt]hese|[Aa]ll of them|[Bb]oth of them)\b[^.`]{0,30}?\b(?:derive|inherit|extend|subclass)\w*\s+(?:from\s+)?`([A-Z][A-Za-z0-9_]*)`/;
const WORD_TYPES: Record<string, string> = {
  string: 'str', str: 'str', text: 'str', int: 'int', integer: 'int', whole: 'int', float: 'float', number: 'float', decimal: 'Decimal',
  bool: 'bool', boolean: 'bool', flag: 'bool', date: 'date', datetime: 'datetime', timestamp: 'datetime', list: 'list', dict: 'dict',
};

function typeOf(text: string | undefined): string | null {
  if (!text) return null;
  const word = /^([A-Za-z]+)\b/.exec(text.trim())?.[1]?.toLowerCase();
  return word ? WORD_TYPES[word] ?? null : null;
}

function readRecord(sentence: string, line: number): HarvestedModel | null {
  const match = RECORD_SENTENCE.exec(sentence);
  if (!match) return null;
  const name = (match[1] ?? match[2] ?? match[3])!;
  const items = match[5]!.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter((item) => item !== '');
  if (items.length < 2 || items.length > 40) return null;
  const fields: HarvestedModel['fields'] = [];
  let typed = 0;
  for (const item of items) {
    const field = ITEM.exec(item.trim());
    if (!field) return null;
    const annotation = typeOf(field[3]);
    if (annotation) typed++;
    fields.push({ name: (field[1] ?? field[2])!, annotation });
  }
  // "A Player has the ball and the bat" is a sentence, not a record: a record word, or a type for every field.
  if (!match[4] && typed < fields.length) return null;
  return { name, kindText: sentence, fields, line, weak: false };
}

/** "A classe `Transacao` é um dataclass com os campos `data: date`, `valor: float` e …": one class, a model word, typed fields. */
function readTypedFieldSentence(sentence: string, line: number): HarvestedModel | null {
  if (!MODEL_WORD.test(sentence) || !FIELD_WORD.test(sentence)) return null;
  const names = new Set([...sentence.matchAll(/`([A-Z][A-Za-z0-9_]*)`/g)].map((match) => match[1]!));
  const fields = [...sentence.matchAll(TYPED_FIELD)].map((match) => ({ name: match[1]!, annotation: match[2]!.trim() }));
  if (names.size !== 1 || fields.length < 2) return null;
  return { name: [...names][0]!, kindText: sentence, fields, line, weak: false };
}

/** The paragraph of running text that starts at `index` (its lines joined), or null when the line does not start one. */
function paragraphAt(lines: string[], index: number): string | null {
  const line = lines[index]!;
  const previous = (lines[index - 1] ?? '').trim();
  if (previous !== '' && !ATX_HEADING.test(previous)) return null;
  if (ATX_HEADING.test(line) || NOT_PROSE.test(line)) return null;
  const parts = [line.trim()];
  let length = parts[0]!.length;
  for (let next = index + 1; next < lines.length && next <= index + MAX_PARAGRAPH_LINES; next++) {
    const text = lines[next]!.replace(/\r$/, '');
    if (text.trim() === '' || ATX_HEADING.test(text) || NOT_PROSE.test(text) || (length += text.length) > MAX_PARAGRAPH) break;
    parts.push(text.trim());
  }
  return parts.join(' ');
}

/**
 * Reads the paragraph of running text that starts at line `index` (0-based), if one does: each paragraph
 * is read once, at its first line, so a document costs time linear in its size.
 */
export function readProseParagraph(lines: string[], index: number, builtins: ReadonlySet<string>): ParagraphFacts | null {
  const paragraph = paragraphAt(lines, index);
  if (paragraph === null) return null;
  const line = index + 1;
  const facts: ParagraphFacts = { models: [], classes: [] };
  for (const sentence of paragraph.split(/(?<=[.!?])\s+(?=[A-Z`*])/)) {
    const model = readRecord(sentence.trim(), line) ?? readTypedFieldSentence(sentence, line);
    if (model) facts.models.push(model);
  }
  if (!paragraph.includes('`')) return facts;
  const raised = new Set<string>();
  for (const match of paragraph.matchAll(RAISED)) if (!builtins.has(match[1]!)) raised.add(match[1]!);
  // "`SailingFull` and `UnknownTicket` are raised by `sell`": the names before the passive, in its sentence.
  // Each sentence is scanned once, up to its last passive phrase: linear in the paragraph.
  for (const sentence of paragraph.split(/(?<=[.;!?])\s+/)) {
    const last = sentence.lastIndexOf(' raised') >= 0 || sentence.lastIndexOf(' thrown') >= 0 ? [...sentence.matchAll(PASSIVE_RAISED)].pop() : undefined;
    if (!last) continue;
    for (const match of sentence.slice(0, last.index).matchAll(/`([A-Z][A-Za-z0-9_]*)`/g)) if (!builtins.has(match[1]!)) raised.add(match[1]!);
  }
  const bases = new Map<string, string>();
  for (const match of paragraph.matchAll(WHICH_DERIVES)) if (!builtins.has(match[1]!)) bases.set(match[1]!, match[2]!);
  for (const match of paragraph.matchAll(ITSELF)) if (!builtins.has(match[1]!)) bases.set(match[1]!, match[2]!);
  const shared = raised.size > 0 ? THEY_DERIVE.exec(paragraph)?.[1] : undefined;
  for (const name of raised) {
    const base = bases.get(name) ?? (shared && shared !== name ? shared : undefined);
    facts.classes.push({ name, bases: base ? [base] : [], line, exception: true });
  }
  // The shared base is an exception of the design too, with the base a "which derives from" gives it.
  if (shared && !raised.has(shared) && !builtins.has(shared)) facts.classes.push({ name: shared, bases: bases.has(shared) ? [bases.get(shared)!] : [], line, exception: true });
  for (const relation of readExceptionRelations(paragraph, builtins)) {
    const known = facts.classes.find((cls) => cls.name === relation.name);
    if (!known) facts.classes.push({ name: relation.name, bases: [relation.base], line, exception: true });
    else if (known.bases.length === 0) known.bases = [relation.base];
  }
  return facts;
}
