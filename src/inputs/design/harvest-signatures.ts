import { RETURNS_HEADER, apiTableColumns } from './api-table.js';
import { classNamedBy, classUnderClasses, EXTERNAL_WORDING, pseudoHeading, sectionOwner, type SectionOwner } from './section-owner.js';
import { readNestedDetails, type NestedDetails } from './nested-details.js';
import { BUILTIN_EXCEPTIONS, ExceptionLines } from './exception-lines.js';
import { SphinxDirectives } from './sphinx-directives.js';
import { isModelSection, ProseModelReader } from './prose-models.js';
import { readProseParagraph } from './prose-paragraph.js';
import { readLabelledMethod } from './labelled-method.js';
import { readSectionSignature } from './section-signature.js';
import { PROSE_METHOD, readProseMethod } from './prose-method.js';
import { opensUnclosedSignature, readClassLine, readSignatureSnippet, readsAsCall, type SignatureSnippet } from './signature-snippet.js';

/** How the harvester treats a line: read it, skip it (code already read), or read only `def` lines (broken code). */
export const enum LineMode {
  Prose = 0,
  Skip = 1,
  DefinitionsOnly = 2,
}

/** A signature found in the document's text, with the owner its section gives it. */
export interface HarvestedSignature {
  snippet: SignatureSnippet;
  line: number;
  owner: SectionOwner;
  /** The design says the function is provided, mocked or external. */
  external: boolean;
  /** Heading texts around it, nearest first (for methods whose class is named only nearby). */
  context: string[];
  /** The snippet came from a code block that did not parse (a bare `def` line). */
  fromCode: boolean;
  /** Only mentioned in running text that calls it external: kept unless the name is a method. */
  mentionOnly?: boolean;
  /** Parameter types and return the bullets under it give. */
  details?: NestedDetails;
  /** Written as `Class.method(...)` inside a sentence: placed only when it reads as a signature of a known or typed method. */
  inSentence?: boolean;
}

/** A model written in prose: `**OrderLine** — \`sku: str\`, \`quantity: int\``, an "Attributes:" list under a class. */
export interface HarvestedModel {
  name: string;
  kindText: string;
  fields: Array<{ name: string; annotation: string | null }>;
  line: number;
  /** Read from an attribute list, which service classes have too: a model only if the class has no operations. */
  weak: boolean;
}

/** A class declared in prose (`class InsufficientFundsError(AccountError)`) or as an exception bullet. */
export interface HarvestedClass {
  name: string;
  bases: string[];
  line: number;
  /** Declared under an exceptions heading, in a bullet or table row. */
  exception: boolean;
}

/** Everything signature-like the prose holds. */
export interface Harvest {
  signatures: HarvestedSignature[];
  classes: HarvestedClass[];
  /** Signature-like inline code the harvester saw in running text but could not read as a definition. */
  mentions: Array<{ name: string; text: string; line: number }>;
  models: HarvestedModel[];
  /** The base the text says every exception shares ("All exceptions inherit from `ShopError`"). */
  sharedExceptionBase: string | null;
  /** Names the text calls a class ("the `Wallet` class", "class Wallet"): evidence that a one-word heading names one. */
  namedClasses: Set<string>;
}

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** "returns the `int` count", "returns a `list[str]` of …": a return type stated after a signature's code span. */
const RETURNS_AFTER = /^\s*(?:,\s*which\s+)?returns?\s+(?:the\s+|an?\s+)?`([A-Za-z_][\w.]*(?:\[[^`]{0,80}\])?(?:\s*\|\s*[A-Za-z_][\w.]*(?:\[[^`]{0,80}\])?)*)`/;
const QUALIFIED_MENTION = /`([A-Z][A-Za-z0-9_]*\.[a-z_][A-Za-z0-9_]*\([^`]*)`/g;
const MENTION = /`([a-z_][A-Za-z0-9_]*)\(([^`()]*)\)(\s*->\s*[^`]+)?`/g;
/** "`Ticket` has two methods of its own:", "Methods of `Ticket`:": prose that names the owner of the signatures below it. */
const PROSE_OWNER = /^\s*(?:`|\*\*)([A-Z][A-Za-z0-9_]*)(?:`|\*\*) (?:also )?(?:has|exposes|provides|offers|defines)\b[^.`]{0,40}\bmethods?\b|^\s*(?:the )?methods? (?:of|for|on) (?:the )?(?:`|\*\*)([A-Z][A-Za-z0-9_]*)(?:`|\*\*)|\b(?:one|only|single|sole) class(?: is)?\s*[,:]?\s*`([A-Z][A-Za-z0-9_]*)`/i;
/** "the `Wallet` class", "Wallet class", "class Wallet": the text calls the name a class. */
const NAMED_CLASS = /`?\b([A-Z][A-Za-z0-9_]*)`?\s+[Cc]lass\b|\b[Cc]lass\s+`?([A-Z][A-Za-z0-9_]*)/g;
const MAX_CONTINUATION_LINES = 30;
/** A sentence that opens by saying what kind of record it describes ("A dataclass with …", "An immutable record: …"). */
const MODEL_SENTENCE = /(?:^\s*(?:[-*+]\s+)?|[.!?]\s+)(?:an?\s+)?(?:frozen\s+|immutable\s+|small\s+|plain\s+)?(?:dataclass|data class|record|named ?tuple|typeddict|pydantic model)\b/i;
const CLASS_BULLET = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\*\*)?(?:[Cc]lass|[Kk]lasse|[Cc]lase|[Cc]lasse)\s+`([A-Z][A-Za-z0-9_]*)`(?:\*\*)?\s*(?:\(([^()]{0,80})\))?\s*:?\s*$/;
/** A heading that says its class is a model: typed bullets right under it are its fields. */
const MODEL_HEADING = /\b(?:dataclass|data class|model|modelo|mod[eè]le|record|registro|pydantic|typeddict|namedtuple|entity|entidad)\b/i;
const MAX_LINE = 4000;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** Table columns that hold signatures; other columns (a UI table's "Backend call") only mention calls. */
const SIGNATURE_HEADER = /signature|method|function|api|firma|m[eé]todo|funci[oó]n|operation|endpoint/i;
/** A table header cell that is only a class name (a CRC card), maybe with a note: `OrderLine (dataclass)`. */
const CARD_HEADER = /^([A-Z][A-Za-z0-9_]*)(?:\s*\([^()]{1,40}\))?$/;
const LIST_OR_QUOTE = /^\s*(?:[-*+]|\d{1,3}[.)]|>)\s/;

/** A Returns cell's type (`` `dict[str, float]` ``, `None`), or null for a dash, a blank or words. */
function returnOfCell(cell: string | undefined): string | null {
  const text = (cell ?? '').replace(/`/g, '').trim();
  return /^[A-Za-z_][\w.]*(?:\[.*\])?(?:\s*\|\s*[A-Za-z_][\w.]*(?:\[.*\])?)*$/.test(text) && text.length < 200 ? text : null;
}

/** The line and the lines that carry its sentence on (up to four, none blank, a heading, bullet or row). */
function sentenceFrom(lines: string[], index: number): string {
  const parts = [lines[index]!];
  for (let next = index + 1; next < lines.length && next <= index + 4; next++) {
    const line = lines[next]!;
    if (line.trim() === '' || /^\s{0,3}(?:#|[-*+>|]\s|\d{1,3}[.)]\s)/.test(line) || line.length > MAX_LINE) break;
    parts.push(line.trim());
  }
  return parts.join(' ');
}

function cellsOf(row: string): string[] {
  const cells = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/);
  return cells.map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/**
 * A signature opening a plain line of prose counts when the line says `def`, when the signature
 * is typed, or when it is all the line holds: "`to_dict()` returns every field" is a sentence.
 */
/** `` `Desk(limit: int)` `` (typed) or "Constructor: Desk(limit)" in a line: the constructor of `owner`, or null. */
function constructorIn(line: string, owner: string): SignatureSnippet | null {
  const at = line.indexOf(`${owner}(`);
  const before = line.slice(Math.max(0, at - 40), at);
  if (at < 0 || /[\w.]$/.test(before)) return null;
  const snippet = readSignatureSnippet(`${owner.toLowerCase()}_${line.slice(at + owner.length)}`);
  if (!snippet) return null;
  const labelled = /\b(?:constructor|init(?:iali[sz]e[rd]?)?|set up|created?|built|construct(?:ed|ion)?)\b/i.test(before);
  if (!labelled && !(before.endsWith('`') && snippet.parameters.includes(':'))) return null;
  return { owner: null, name: '__init__', parameters: snippet.parameters, returns: /^None\b/.test(snippet.returns ?? '') ? 'None' : null, hasDef: false };
}

function standsAlone(snippet: SignatureSnippet, line: string): boolean {
  if (snippet.hasDef || snippet.returns !== null || snippet.parameters.includes(':')) return true;
  const rest = line.trim().replace(/[`*]/g, '');
  return /^[\w.]+\([^()]*\)\s*:?$/.test(rest);
}
const PSEUDO_DEPTH = 7;

interface OpenSection {
  depth: number;
  text: string;
  owner: SectionOwner;
}

function ownerOf(stack: OpenSection[], lineClass: string | null): SectionOwner {
  if (lineClass) return { kind: 'class', name: lineClass };
  for (let index = stack.length - 1; index >= 0; index--) if (stack[index]!.owner.kind !== 'none') return stack[index]!.owner;
  return { kind: 'none' };
}



/**
 * Walks the document's lines once, keeping the section structure, and collects every signature
 * written at the start of a heading, bullet, table cell or line, with the owner its section gives.
 * `modes` says, per line (0-based), whether code blocks already read cover it.
 */
export function harvestSignatures(lines: string[], modes: Uint8Array): Harvest {
  const harvest: Harvest = { signatures: [], classes: [], mentions: [], models: [], sharedExceptionBase: null, namedClasses: new Set() };
  const isSignature = (text: string) => text.includes('(') && readSignatureSnippet(text) !== null;
  const stack: OpenSection[] = [];
  let lineClass: string | null = null;
  /** Whether `lineClass` was set by a CRC card's header, which holds only for that table. */
  let cardClass = false;
  let signatureColumns: number[] = [0];
  /** The table's Returns column (-1: none): a Signature cell without an arrow takes its return from there. */
  let returnsColumn = -1;
  const exceptions = new ExceptionLines(harvest.classes);
  let codeClass: { name: string; indent: number } | null = null;
  let previousMode = LineMode.Prose;
  const models = new ProseModelReader();
  const sphinx = new SphinxDirectives(harvest);
  /** The one class the current paragraph of running text names ('' when it names several). */
  let paragraphClass: string | null = null;
  const ownerWithParagraph = (owner: SectionOwner, parameters: string): SectionOwner =>
    owner.kind !== 'class' && paragraphClass && /^\s*self\b/.test(parameters) ? { kind: 'class', name: paragraphClass } : owner;
  const sectionClass = (): string | null => {
    const owner = ownerOf(stack, lineClass);
    return owner.kind === 'class' ? owner.name : null;
  };
  const add = (snippet: SignatureSnippet, index: number, fromCode: boolean, labelled = false) => {
    if (!fromCode && readsAsCall(snippet)) return;
    // The line and the two after it, up to the next heading (which speaks of another section).
    const after = lines.slice(index + 1, index + 3);
    const next = after.findIndex((text) => ATX_HEADING.test(text));
    const nearby = [lines[index], ...(next < 0 ? after : after.slice(0, next))].join(' ');
    const owner = ownerWithParagraph(ownerOf(stack, lineClass), snippet.parameters);
    harvest.signatures.push({
      snippet,
      line: index + 1,
      owner,
      external: (owner.kind === 'functions' && owner.external) || EXTERNAL_WORDING.test(nearby),
      context: stack.map((section) => section.text).reverse(),
      fromCode,
      // Bullets under a signature matter only where the signature leaves a type or the return out.
      details: fromCode || labelled || (snippet.returns !== null && !/(^|,)\s*(?!self\b|cls\b)[A-Za-z_]\w*\s*(?:=|,|$)/.test(snippet.parameters)) ? undefined : readNestedDetails(lines, index, isSignature),
    });
  };
  for (let index = 0; index < lines.length; index++) {
    const mode = modes[index] as LineMode;
    if (mode === LineMode.Skip) continue;
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '') paragraphClass = null;
    if (line.trim() === '' && cardClass) {
      lineClass = null;
      cardClass = false;
    }
    // No signature, heading or bullet worth reading is that long; the cap keeps every pattern linear.
    if (line.trim() === '' || line.length > MAX_LINE) continue;
    if (mode === LineMode.Prose) {
      const facts = readProseParagraph(lines, index, BUILTIN_EXCEPTIONS);
      if (facts) {
        for (const model of facts.models) harvest.models.push(model);
        for (const declared of facts.classes) harvest.classes.push(declared);
      }
      // "Everything goes through the `Bakery` class": the paragraph's self-taking signatures are its methods.
      if (/class/i.test(line) && !LIST_OR_QUOTE.test(line) && !ATX_HEADING.test(line)) {
        for (const named of line.matchAll(NAMED_CLASS)) {
          const name = (named[1] ?? named[2])!;
          paragraphClass = paragraphClass === null || paragraphClass === name ? name : '';
        }
      }
    }
    if (mode !== previousMode) codeClass = null;
    previousMode = mode;
    if (mode === LineMode.DefinitionsOnly) {
      // In code that does not parse, `class X:` still owns the `def` lines indented under it.
      const indent = line.length - line.trimStart().length;
      const opened = /^\s*class\s+([A-Z][A-Za-z0-9_]*)/.exec(line);
      if (opened) codeClass = { name: opened[1]!, indent };
      if (!/^\s*(?:async\s+)?def\s/.test(line)) continue;
      if (codeClass && indent <= codeClass.indent) codeClass = null;
      const snippet = readSignatureSnippet(line) ?? readSignatureSnippet(lines.slice(index, index + MAX_CONTINUATION_LINES).join('\n'));
      if (snippet) add(codeClass && !snippet.owner ? { ...snippet, owner: codeClass.name } : snippet, index, true);
      continue;
    }
    if (models.continueList(line)) continue;
    if (sphinx.read(lines, index, ownerOf(stack, lineClass), stack.map((section) => section.text).reverse())) continue;
    const heading = line.includes('#') ? ATX_HEADING.exec(line) : null;
    const pseudo = heading || !line.includes('**') ? null : pseudoHeading(line);
    if (heading || pseudo) {
      models.onHeading();
      const depth = heading ? heading[1]!.length : PSEUDO_DEPTH;
      const text = heading ? heading[2]! : pseudo!;
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
      const parent = stack[stack.length - 1];
      let owner = sectionOwner(text);
      const under = (owner.kind === 'none' || owner.kind === 'maybe-class') && parent ? classUnderClasses(parent.text, text) : null;
      if (under) owner = under;
      // "#### 2.2.2 Registration" inside "### 2.2 Class KennelManager" is a part of that class's section, not a class.
      if (owner.kind === 'maybe-class' && stack.some((section) => section.owner.kind === 'class')) owner = { kind: 'none' };
      stack.push({ depth, text, owner });
      lineClass = null;
      // "### 2.1 Bouteille" under "## 2. Modèle": typed bullets right under it are its fields.
      if (owner.kind === 'class' && (MODEL_HEADING.test(text) || (under && isModelSection(parent!.text)))) models.openModelHeading(owner.name, text, index);
      // `### \`Fridge.donate\`` over a parameter table, `## add_order` over a Field | Value table: the section spells the signature.
      const sectioned = line.includes('(') ? null : readSectionSignature(lines, index);
      if (sectioned) add(sectioned, index, false, true);
    }
    if (/class/i.test(line)) for (const named of line.matchAll(NAMED_CLASS)) harvest.namedClasses.add((named[1] ?? named[2])!);
    // "- Class `PlotRegistry` (the service)": the bullets nested under it are its members.
    const bulletClass = !heading && /lass/.test(line) ? CLASS_BULLET.exec(line) : null;
    if (bulletClass) {
      lineClass = bulletClass[1]!;
      harvest.namedClasses.add(lineClass);
      if (MODEL_HEADING.test(bulletClass[2] ?? '')) models.openClass(lineClass, line, index, bulletClass[2]!);
      continue;
    }
    const declared = line.includes('class') ? readClassLine(heading ? heading[2]! : line) : null;
    if (declared) {
      harvest.classes.push({ ...declared, line: index + 1, exception: false });
      if (!heading) lineClass = declared.name;
      if (!heading) models.openClass(declared.name, line, index, lines[index - 1] ?? '');
      continue;
    }
    if (!heading && !pseudo) models.noteItem(line, line.trimEnd().endsWith(':') || line.trimEnd().endsWith(':**') ? classNamedBy(line) : null);
    if (models.openLabel(line, index, sectionClass(), stack.map((section) => section.text).join(' '))) continue;
    if (heading || pseudo) exceptions.onHeading(stack.map((section) => ({ text: section.text, isClass: section.owner.kind === 'class' })));
    if (exceptions.read(line, heading ? heading[2]! : null, index, lines[index + 1] ?? '')) continue;
    const proseOwner = !heading && stack.length > 0 && stack[stack.length - 1]!.owner.kind === 'none' ? PROSE_OWNER.exec(line) : null;
    if (proseOwner) stack[stack.length - 1]!.owner = { kind: 'class', name: (proseOwner[1] ?? proseOwner[2] ?? proseOwner[3])! };
    // "## Singer" over "A dataclass with `singer_id: int`, …": a one-word heading names the model its sentence describes.
    const maybeClass = ownerOf(stack, lineClass);
    const modelOwner = sectionClass() ?? (maybeClass.kind === 'maybe-class' && MODEL_SENTENCE.test(line) ? maybeClass.name : null);
    if (!heading && models.readLine(lines, index, modelOwner, stack.some((section) => isModelSection(section.text)))) continue;
    // "The `sell` method takes `buyer` (a str) … and returns a `list[int]`": a method described in a sentence.
    const described = heading || !line.includes('takes') || !PROSE_METHOD.test(line) ? null : readProseMethod(sentenceFrom(lines, index));
    if (described) {
      add(described, index, false, true);
      continue;
    }
    const labelled = heading || !/:/.test(line) ? null : readLabelledMethod(lines, index);
    const spelled = labelled ? readSignatureSnippet(labelled) : null;
    if (spelled) add(spelled, index, false, true);
    // Every signature and every mention has a parenthesis; most prose lines have none.
    if (spelled || (!line.includes('(') && !line.includes('|'))) continue;
    const isRow = !heading && line.trimStart().startsWith('|');
    if (isRow && TABLE_DELIMITER.test(lines[index + 1] ?? '')) {
      const header = cellsOf(line).map((cell) => cell.replace(/[`*_]/g, '').trim());
      // API tables (`| Method | Parameters | Returns |`) are read whole by api-table.ts.
      signatureColumns = apiTableColumns(header) ? [] : header.map((cell, column) => (SIGNATURE_HEADER.test(cell) || column === 0 ? column : -1)).filter((column) => column >= 0);
      returnsColumn = header.findIndex((cell) => RETURNS_HEADER.test(cell));
      // A CRC card: `| **OrderBook** | |` (or `| **OrderBook** | Collaborators |`), its rows the class's responsibilities.
      const card = header.length <= 3 && header.slice(1).every((cell) => cell === '' || /^collaborators?$/i.test(cell)) ? CARD_HEADER.exec(header[0] ?? '') : null;
      if (card) {
        lineClass = card[1]!;
        cardClass = true;
        harvest.namedClasses.add(lineClass);
      }
      continue;
    }
    if (isRow && !line.includes('(')) continue;
    const cells = isRow ? cellsOf(line).filter((_cell, column) => signatureColumns.includes(column)) : [line];
    let found = false;
    for (const cell of cells) {
      let snippet = readSignatureSnippet(cell);
      // Only bare signatures run over lines (`def __init__(` then one parameter a line); inline code does not.
      if (!snippet && !isRow && !cell.includes('`') && /^\s+\S|^\s*\)/.test(lines[index + 1] ?? '') && opensUnclosedSignature(cell)) {
        snippet = readSignatureSnippet(lines.slice(index, index + MAX_CONTINUATION_LINES).join('\n'));
      }
      if (snippet && !isRow && !heading && !LIST_OR_QUOTE.test(line) && !standsAlone(snippet, line)) snippet = null;
      if (snippet && isRow && snippet.returns === null && returnsColumn >= 0) snippet = { ...snippet, returns: returnOfCell(cellsOf(line)[returnsColumn]) };
      if (snippet) {
        add(snippet, index, false);
        found = true;
        break;
      }
    }
    if (found) continue;
    // Running text often wraps: "… from `now() -> datetime`," then "which the host application provides".
    let sentence: string | null = null;
    const sentenceOf = (): string => {
      const next = lines[index + 1]?.replace(/\r$/, '') ?? '';
      sentence ??= next.trim() === '' || ATX_HEADING.test(next) || LIST_OR_QUOTE.test(next) || next.length > MAX_LINE ? line : `${line} ${next}`;
      return sentence;
    };
    // "the UI calls `GymDesk.freeze(member_id: str) -> dict`", "2. Register with `Desk.register(name: str)`".
    if (line.includes('.')) {
      for (const qualified of line.matchAll(QUALIFIED_MENTION)) {
        let snippet = readSignatureSnippet(qualified[1]!);
        const qualifiedOwner = snippet?.owner;
        if (!snippet || !qualifiedOwner) continue;
        // "`SeedBank.stock_of(variety)` returns the `int` count": the return named right after the span.
        const stated = snippet.returns === null ? RETURNS_AFTER.exec(line.slice(qualified.index! + qualified[0].length, qualified.index! + qualified[0].length + 120)) : null;
        if (stated) snippet = { ...snippet, returns: stated[1]! };
        harvest.signatures.push({ snippet, line: index + 1, owner: { kind: 'class', name: qualifiedOwner }, external: false, context: stack.map((section) => section.text).reverse(), fromCode: false, inSentence: true });
      }
    }
    if (heading) continue;
    // "- Set up with `AttendanceBook(parts: dict[str, int])`", "**Constructor:** MusicCupboard(shelves: int)": the class's constructor.
    const constructorOwner = sectionClass();
    if (constructorOwner && line.includes(`${constructorOwner}(`)) {
      const constructor = constructorIn(line, constructorOwner);
      if (constructor) add(constructor, index, false, true);
    }
    for (const mention of line.matchAll(MENTION)) {
      const start = mention.index ?? 0;
      const lineOwner = ownerWithParagraph(ownerOf(stack, lineClass), mention[2]!);
      // "The constructor is `__init__(self, docks: int)`": a typed signature taking self, in a class's section, is its method.
      // So is a typed signature in a bullet of a class's section ("- Answers … via `rate(member: str) -> float`").
      const bulletOfClass = LIST_OR_QUOTE.test(line) && !EXTERNAL_WORDING.test(sentenceOf());
      if (lineOwner.kind === 'class' && (/^\s*self\b/.test(mention[2]!) || bulletOfClass) && /:|->/.test(`${mention[2]}${mention[3] ?? ''}`)) {
        const method = readSignatureSnippet(mention[0].slice(1, -1));
        if (method) {
          add(method, index, false);
          continue;
        }
      }
      const namedFunction = /\b(?:function|funci[oó]n|fonction|helper)\s*$|\b(?:helper|module[- ]level|top[- ]level)\b[^`]{0,24}:\s*$/i.test(line.slice(Math.max(0, start - 40), start))
        || /^\s*(?:function|funci[oó]n|fonction)\b/i.test(line.slice(start + mention[0].length));
      const snippet = EXTERNAL_WORDING.test(sentenceOf()) || namedFunction ? readSignatureSnippet(mention[0].slice(1, -1)) : null;
      if (snippet && !readsAsCall(snippet) && (namedFunction || /^[\w\s,=*]*$/.test(snippet.parameters)) && !/^\s*(self|cls)\b/.test(snippet.parameters)) {
        const external = EXTERNAL_WORDING.test(sentenceOf());
        harvest.signatures.push({ snippet, line: index + 1, owner: { kind: 'functions', external }, external, context: [], fromCode: false, mentionOnly: true });
      } else if (/:|->/.test(`${mention[2]}${mention[3] ?? ''}`)) harvest.mentions.push({ name: mention[1]!, text: mention[0], line: index + 1 });
    }
  }
  models.close();
  sphinx.close();
  for (const model of models.models) harvest.models.push(model);
  harvest.sharedExceptionBase = exceptions.sharedBase;
  return harvest;
}
