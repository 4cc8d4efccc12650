/**
 * Exceptions declared in a design's text, line by line: entries of an exceptions section (bullets,
 * table rows, headings, definition terms), exceptions a line says a method raises, and the bases the
 * text gives them (`X(Base)`, "inherits from `Base`", "наследуется от", "继承自"). Split from the
 * signature harvester, which feeds it every line it reads.
 */
import type { HarvestedClass } from './harvest-signatures.js';
import { readSharedExceptionBase } from './nested-details.js';
import { readBaseOf } from './exception-relations.js';

/** An exceptions heading; Japanese, Chinese and Russian words have no ASCII word boundary. */
export const EXCEPTION_SECTION = /\b(?:exceptions?|errors?|excepci[oó]n(?:es)?|errores|custom errors?|exce[cç](?:[aã]o|[oõ]es)|erros|erreurs|eccezion[ei]|errori|uitzondering(?:en)?|fouten|ausnahmen)(?![\w\u00C0-\u024F])|例外|异常|異常|エラー|예외|오류|исключени|ошибк|\bhatalar\b|\bistisnalar\b/i;
/** In an exceptions section, a bullet or table row that opens with a backticked class name declares it, whatever its suffix (`SlotTaken`). */
// Also a bare CamelCase name and a dash before a sentence naming its base ("* NotInCupboard — derives from CupboardError").
const EXCEPTION_ENTRY = /^\s*(?:[-*+]|\d{1,3}[.)]|\|)\s*(?:\[[ xX]\]\s*)?(?:\*\*|__)?(?:`([A-Z][A-Z0-9_]*[a-z][A-Za-z0-9_]*)(?:\([^`]*\))?`|([A-Z][A-Z0-9_]*[a-z][A-Za-z0-9_]*)\s*\(\s*[A-Z][\w.]*\s*\)|([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\s+[—–-]\s+[^\n]{0,60}?\b(?:derives? from|inherits? from|subclass(?:es)? of|extends)\s+[A-Z])/;
/** "both derived from `CartError(Exception)`", "subclasses of `LookupError`": the base a sentence of an exceptions section gives. */
/** "`OutOfRange` (a `ValueError`)", "are both `ValueError` subclasses": a base written after the names. */
const BASE_AFTER_NAMES = /\(\s*an?\s+`([A-Z][A-Za-z0-9_]*)`\s*\)|`([A-Z][A-Za-z0-9_]*)`\s+subclass(?:es)?\b/;
const INHERITANCE_PHRASE = /(?:наследуются от|наследуется от|继承自)\s*`([A-Z][A-Za-z0-9_]*)(?:\(\s*([A-Z][\w.]*)\s*\))?`|\b(?:inherit(?:s|ing)?|derive[sd]?|subclass(?:es)?|extends?|hereda[n]?|herda[m]?|h[ée]rite(?:nt)?)\s+(?:(?:directly\s+)?(?:from|of|de)\s+)?`([A-Z][A-Za-z0-9_]*)(?:\(\s*([A-Z][\w.]*)\s*\))?`/i;
const EXCEPTION_NAME = /^[\s|>*+\-\d.)]*(?:\*\*|__|`)*\s*`?([A-Z][A-Za-z0-9_]*(?:Error|Exception))`?/;
/** `X(Base)`, `X` (inherits from `Base`) right after the name. */
const BASE_AFTER_NAME = /^`?\*{0,2}\s*\(\s*(?:[Bb]ase[:,]\s*an?\s+|an?\s+|[Bb]ase:?\s*|[Ii]nherits? from\s+|[Ss]ubclass of\s+|[Ee]xtends\s+|[Hh]ereda de\s+)?`?([A-Z][A-Za-z0-9_.]*)`?\s*\)/;
const DEFINITION_TERM = /^(?:\*\*)?`([A-Z][A-Za-z0-9_]*)`(?:\*\*)?\s*\(/;
/** "inherits from `Base`" anywhere in the line. */
const BASE_IN_TEXT = /(?:наследуется от|наследует|继承自|继承于|派生自)\s*`?([A-Z][A-Za-z0-9_.]*)`?|`([A-Z][A-Za-z0-9_.]*)`\s*(?:을|를|에서)\s*상속|\b(?:[Ii]nherits?(?: from)?|[Ss]ubclass(?:es)? of|[Ss]ubclasses|[Ee]xtends|[Dd]erives from|[Hh]ereda de|[Hh]erda de|[Hh][ée]rite de|[Bb]ase class:?|[Bb]ase:)\s+`?([A-Z][A-Za-z0-9_.]*)`?/;
export const CUSTOM_EXCEPTION = /\bcustom (?:exception|error)s?\b|\bexcepci[oó]n(?:es)? personalizadas?\b|\bdefine (?:an? )?(?:new )?exception\b/i;
export const RAISES = /\b(?:raises?|raised|throws?|lanza|levanta|genera)\b|\*\*(?:raises|exceptions?|excepciones)\*\*/i;
/** Python's own exceptions: named in an exceptions section, they are not the design's to declare. */
export const BUILTIN_EXCEPTIONS = new Set([
  'Exception', 'BaseException', 'ValueError', 'TypeError', 'KeyError', 'IndexError', 'RuntimeError', 'AttributeError', 'NotImplementedError',
  'OSError', 'IOError', 'LookupError', 'ArithmeticError', 'ZeroDivisionError', 'PermissionError', 'FileNotFoundError', 'TimeoutError',
  'ConnectionError', 'AssertionError', 'UnicodeError', 'OverflowError', 'StopIteration', 'InvalidOperation', 'DecimalException',
]);
/** "All three derive from `LibraryError`": the base an exceptions section gives every entry. */
/** The same, with the base written without backticks ("All errors derive from GarageError"). */
const PLAIN_SHARED_BASE = /\b(?:[Aa]ll|[Ee]very|[Ee]ach|[Bb]oth)\b[^.`]{0,30}?\b(?:inherit|derive|subclass|extend)\w*(?: from| of)?\s+([A-Z][A-Za-z0-9_]*(?:Error|Exception))\b/;
/** An exception named without backticks in an exceptions section ("GarageFullError is raised when …"). */
const PLAIN_EXCEPTION = /(?<![`\w])([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*(?:Error|Exception))(?![`\w])/g;
const SECTION_SHARED_BASE = /\b(?:all|every|each|both|tod[oa]s|cada|tou(?:te)?s)\b[^.`]{0,30}?\b(?:inherits?|derives?|subclass(?:es)?|extends?|heredan?|derivan?|herdam)\b(?: from| of| de)?\s*`([A-Z][A-Za-z0-9_]*)`/i;


/** The base a line states for `name` (`class X(Base)`, `X(Base)`, "X inherits from Base"), or none. */
export function baseIn(text: string, name: string): string[] {
  // "defined as `class LibraryError(Exception)`" anywhere in the line.
  const statement = text.includes('class ') ? new RegExp(`\\bclass\\s+${name}\\s*\\(\\s*([A-Z][\\w.]*)`).exec(text)?.[1] : undefined;
  if (statement && statement !== name) return [statement];
  const at = text.indexOf(name);
  const after = at < 0 ? '' : text.slice(at + name.length);
  const inText = BASE_IN_TEXT.exec(after);
  const base = BASE_AFTER_NAME.exec(after)?.[1] ?? inText?.[1] ?? inText?.[2] ?? inText?.[3];
  return base && base !== name ? [base] : [];
}

/** The base a text gives anywhere ("Base error, derives from Exception."), without trailing dots. */
export function baseStatedIn(text: string): string | undefined {
  const found = BASE_IN_TEXT.exec(text.replace(/:(?:py:)?(?:exc|class):`~?([^`]+)`/g, '`$1`'));
  return (found?.[1] ?? found?.[2] ?? found?.[3])?.replace(/\.+$/, '');
}

/** `#### 3.3.1 \`ToolUnavailable(LibraryError)\`` (backticks optional): a heading of an exceptions section holding a declaration. */
const HEADING_ENTRY = /^[\s\d.)]*(?:\*\*)?`?([A-Z][A-Z0-9_]*[a-z][A-Za-z0-9_]*)\(\s*[A-Z][\w.]*\s*\)(?:`|[\s.—–-]|$)/;
/** "`AlreadyClaimed` and `UnknownTag` subclass `LostFoundError`", anywhere: names declared with an exception base. */
// Also: a note after a name (`` `RoomNotFound` (404) ``), "both subclasses of `X(Exception)`", "are `VentError`s", "both `SwimError`s", "`A` ← `B`".
// The verb and base are found first; the names are read backwards from the verb (namesBefore), so a line costs its length.
const SUBCLASS_VERB = /(?:\b(?:are\s+)?(?:both|all|each)\s+(?:subclass(?:es)?(?:\s+of)?\s+)?|\b(?:subclass(?:es)?(?:\s+of)?|inherits?\s+from|derives?\s+from|extends?|are)\s+|←\s*)`([A-Z][A-Za-z0-9_]*)(?:\(\s*([A-Z][\w.]*)\s*\))?`/g;
const MAX_NAMES = 12;
const isSpace = (char: string | undefined) => char === ' ' || char === '\t';

/** Up to twelve backticked names (each maybe with a short note in parentheses) joined by commas, "and", "or", ending at `end`. */
export function namesBefore(text: string, end: number): string {
  const names: string[] = [];
  let at = end;
  const skipSpaces = () => {
    while (at > 0 && isSpace(text[at - 1])) at--;
  };
  for (let count = 0; count < MAX_NAMES; count++) {
    skipSpaces();
    const mark = at;
    if (text[at - 1] === ',') at--;
    else if (count > 0 && text.slice(at - 3, at) === 'and' && isSpace(text[at - 4])) at -= 3;
    else if (count > 0 && text.slice(at - 2, at) === 'or' && isSpace(text[at - 3])) at -= 2;
    else if (count > 0) break;
    skipSpaces();
    if (text[at - 1] === ')') {
      let open = at - 2;
      while (open >= 0 && open > at - 33 && !'()`'.includes(text[open]!)) open--;
      if (text[open] !== '(') {
        at = mark;
        break;
      }
      at = open;
      skipSpaces();
    }
    if (text[at - 1] !== '`') {
      at = mark;
      break;
    }
    let open = at - 2;
    while (open >= 0 && open > at - 82 && /[A-Za-z0-9_]/.test(text[open]!)) open--;
    const name = text.slice(open + 1, at - 1);
    if (text[open] !== '`' || !/^[A-Z]/.test(name)) {
      at = mark;
      break;
    }
    names.push(`\`${name}\``);
    at = open;
  }
  return names.reverse().join(' ');
}
// "…, which subclasses `Exception`", "…, itself an `Exception`", "…, a plain `Exception` subclass".
const WHICH_BASE = /^s?\s*,?\s*(?:(?:which|itself)\s+(?:in turn\s+)?(?:subclasses|inherits from|derives from|extends|is an?|an?)\s+`([A-Z][A-Za-z0-9_]*)`|an?\s+(?:plain\s+|simple\s+|direct\s+)?`([A-Z][A-Za-z0-9_]*)`\s+subclass)/;
/** "…gets `DoubleVote`; … gives `VoteClosed`; both subclass `VoteError`": the names of the sentence before it. */
const PRONOUN_SUBCLASS = /\b(?:both|all(?: (?:two|three|four|five|six))?|each|they|these)\s+(?:are\s+)?(?:subclass(?:es)?|inherits?\s+from|derives?\s+from|extends?)\s+`([A-Z][A-Za-z0-9_]*)`/i;
/** A next line that carries the sentence on (running text wraps): not blank, not a heading, bullet, quote or row. */
const CONTINUES = /^\s{0,3}(?![#>|*+-]|\d{1,3}[.)]\s)\S/;
const BULLET_OR_ROW = /^\s*(?:[-*+]|\d{1,3}[.)]|\|)/;

/** Reads the exception declarations of each line the harvester passes, keeping the section's state. */
export class ExceptionLines {
  /** Whether the current section is about exceptions. */
  inSection = false;
  /** The base the text says every exception shares ("All exceptions inherit from `ShopError`"). */
  sharedBase: string | null = null;
  /** Exception bullets of the current section with their indentation, for nested bullets. */
  private readonly bullets: Array<{ indent: number; name: string }> = [];

  constructor(private readonly classes: HarvestedClass[]) {}

  /** A heading (or a bold line standing for one) opened a section; `sections` are the open ones. */
  onHeading(sections: Array<{ text: string; isClass: boolean }>): void {
    this.inSection = sections.some((section) => EXCEPTION_SECTION.test(section.text) && !section.isClass);
    this.bullets.length = 0;
  }

  /** Reads one line (`heading` is its ATX heading text, if it is one); true when it was an exceptions entry and nothing else is on it. */
  read(line: string, heading: string | null, index: number, next = ''): boolean {
    // "- `RoomNotFound` (404) and `BookingNotFound` (404) subclass `NotFoundError`": a bullet naming several, with their base.
    const baseOf = heading === null && /\b(?:base|root|parent)(?: class)? (?:of|for)\b/i.test(line);
    const several = baseOf || (this.inSection && heading === null && BULLET_OR_ROW.test(line) && /subclass|inherit|derive|extend|←/i.test(line));
    if (several) this.readSubclassSentences(line, index);
    if (this.inSection && this.readEntry(line, heading, index)) return true;
    // An exception the text declares, or says a method raises, is one the module must define.
    if ((this.inSection && heading === null) || CUSTOM_EXCEPTION.test(line) || RAISES.test(line)) this.readNamed(line, heading, index);
    const sentence = heading === null && CONTINUES.test(next) ? `${line} ${next}` : line;
    if (!several && heading === null && sentence.includes('`') && /subclass|inherit|derive|extend|←|\b(?:are|both|all)\s+`|\b(?:base|root|parent)(?: class)? (?:of|for)\b/i.test(sentence)) this.readSubclassSentences(sentence, index);
    if (this.sharedBase === null && /xcep|rror/i.test(line)) this.sharedBase = readSharedExceptionBase(line);
    if (this.sharedBase === null && this.inSection && heading === null) this.sharedBase = SECTION_SHARED_BASE.exec(line)?.[1] ?? PLAIN_SHARED_BASE.exec(line)?.[1] ?? null;
    if (this.inSection && heading === null && /(?:Error|Exception)\b/.test(line)) {
      for (const named of line.matchAll(PLAIN_EXCEPTION)) {
        if (!BUILTIN_EXCEPTIONS.has(named[1]!)) this.classes.push({ name: named[1]!, bases: baseIn(line, named[1]!).map((base) => base.replace(/\.+$/, '')), line: index + 1, exception: true });
      }
    }
    return false;
  }

  private readSubclassSentences(line: string, index: number): void {
    const declare = (names: string, base: string, baseOfBase?: string) => {
      const known = this.classes.some((cls) => cls.exception && cls.name === base);
      if (!BUILTIN_EXCEPTIONS.has(base) && !/(?:Error|Exception)$/.test(base) && !known) return;
      if (baseOfBase && !BUILTIN_EXCEPTIONS.has(base)) this.classes.push({ name: base, bases: [baseOfBase], line: index + 1, exception: true });
      for (const named of names.matchAll(/`([A-Z][A-Za-z0-9_]*)`/g)) {
        if (named[1] !== base && !BUILTIN_EXCEPTIONS.has(named[1]!)) this.classes.push({ name: named[1]!, bases: [base], line: index + 1, exception: true });
      }
    };
    for (const sentence of line.matchAll(SUBCLASS_VERB)) {
      // "`A` and `B` all derive from `C`": the quantifier before the verb is no name.
      // "`A` and `B`; both are `C`s": a semicolon before the quantifier still points back at the names.
      const filler = /(?:[;,]\s*)?\b(?:are\s+)?(?:both|all|each)\s+$/.exec(line.slice(Math.max(0, (sentence.index ?? 0) - 16), sentence.index ?? 0));
      const names = namesBefore(line, (sentence.index ?? 0) - (filler?.[0].length ?? 0));
      if (names === '') continue;
      // "… subclass `RoomServiceError`, which subclasses `Exception`": the base's own base.
      const which = WHICH_BASE.exec(line.slice((sentence.index ?? 0) + sentence[0].length, (sentence.index ?? 0) + sentence[0].length + 80));
      declare(names, sentence[1]!, sentence[2] ?? which?.[1] ?? which?.[2]);
    }
    // "`LockerError(Exception)` is the base of `NoFreeLocker` and `WrongCode`".
    for (const relation of readBaseOf(line)) declare(`\`${relation.name}\``, relation.base);
    const pronoun = PRONOUN_SUBCLASS.exec(line);
    if (pronoun) {
      const before = line.slice(0, pronoun.index);
      declare(before.slice(before.lastIndexOf('. ') + 1), pronoun[1]!);
    }
  }

  private readEntry(line: string, heading: string | null, index: number): boolean {
    const entry = heading !== null ? null : EXCEPTION_ENTRY.exec(line);
    const name = EXCEPTION_NAME.exec(heading ?? line)?.[1] ?? entry?.[1] ?? entry?.[2] ?? entry?.[3] ?? (heading !== null ? HEADING_ENTRY.exec(heading)?.[1] : undefined);
    if (name && !BUILTIN_EXCEPTIONS.has(name) && (heading !== null || BULLET_OR_ROW.test(line))) {
      // A bullet nested under another exception's bullet derives from it, unless it says otherwise.
      const indent = heading !== null ? -1 : line.length - line.trimStart().length;
      while (this.bullets.length > 0 && this.bullets[this.bullets.length - 1]!.indent >= indent) this.bullets.pop();
      const stated = baseIn(heading ?? line, name);
      const parent = this.bullets[this.bullets.length - 1]?.name;
      this.classes.push({ name, bases: stated.length > 0 || !parent || heading !== null ? stated : [parent], line: index + 1, exception: true });
      if (heading === null && !line.trimStart().startsWith('|')) this.bullets.push({ indent, name });
      return true;
    }
    // A definition-list term: "`UnknownBed` (subclass of `KeyError`)", its description indented below.
    const term = heading !== null ? null : DEFINITION_TERM.exec(line);
    const termNote = term ? BASE_AFTER_NAME.exec(line.slice(term[0].length - 1)) : null;
    if (term && termNote && !BUILTIN_EXCEPTIONS.has(term[1]!)) {
      this.classes.push({ name: term[1]!, bases: [termNote[1]!], line: index + 1, exception: true });
      // "`VentError` (base, an `Exception`); `SensorFault` and … are `VentError`s": the rest of the line is read too.
      return !/`[A-Z]/.test(line.slice(term[0].length - 1 + termNote[0].length));
    }
    return false;
  }

  private readNamed(line: string, heading: string | null, index: number): void {
    for (const named of line.matchAll(/`([A-Z][A-Za-z0-9_]*(?:Error|Exception))`/g)) {
      if (!BUILTIN_EXCEPTIONS.has(named[1]!)) this.classes.push({ name: named[1]!, bases: baseIn(line, named[1]!), line: index + 1, exception: true });
    }
    // "Two exceptions, both subclasses of `LookupError`: `HabitNotFound` and `DuplicateHabit`", "`InvalidCode` and
    // `UnknownSku`, both derived from `CartError(Exception)`": every class named in the sentence, with the stated base.
    const inBody = this.inSection && heading === null;
    const phrase = inBody ? INHERITANCE_PHRASE.exec(line) : null;
    const after = inBody && !phrase && line.includes('`') ? BASE_AFTER_NAMES.exec(line) : null;
    if (!phrase && !after) return;
    const base = phrase ? (phrase[1] ?? phrase[3])! : (after![1] ?? after![2])!;
    const baseOfBase = phrase ? phrase[2] ?? phrase[4] : undefined;
    if (baseOfBase && !BUILTIN_EXCEPTIONS.has(base)) this.classes.push({ name: base, bases: [baseOfBase], line: index + 1, exception: true });
    for (const named of line.matchAll(/`([A-Z][A-Za-z0-9_]*)`/g)) {
      const own = named[1]!;
      // "`EventNotFound` (a `LookupError`) … `InvalidTimes` (a `ValueError`)": each name's own note wins.
      const ownBase = after ? BASE_AFTER_NAME.exec(line.slice((named.index ?? 0) + named[0].length))?.[1] : undefined;
      if (own !== base && !BUILTIN_EXCEPTIONS.has(own) && !/(?:Error|Exception)$/.test(own)) this.classes.push({ name: own, bases: [ownBase ?? base], line: index + 1, exception: true });
    }
  }
}
