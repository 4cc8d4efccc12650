/**
 * Exception hierarchies stated in running sentences, however the sentence is built: "`QueueFull` and
 * `UnknownJob`, both subclasses of `PrintQueueError` (an `Exception`)", "`spend` may raise `A` or `B` —
 * all four are subclasses of `CreditError`, which in turn extends `ValueError`", "`ShopError` is the base
 * (`Exception`). `PartShortage` and `DayFull` inherit from it.", "Errors: `AlertError(Exception)`,
 * `UnknownRoute(AlertError)`", "`LockerError` is the base of `A` and `B`", "`X` is the root (it subclasses
 * `Exception`); `A` and `B` subclass it". A relation counts only when its base is an exception: a built-in one, a
 * name ending in Error or Exception, or a name this paragraph already made an exception. Each pattern is
 * run once over each sentence, so a paragraph costs time linear in its length.
 */

/** A custom exception and the base a sentence gives it (null when the sentence names it without one). */
export interface ExceptionRelation {
  name: string;
  base: string;
}

const NAME = '`([A-Z][A-Za-z0-9_]*)`';
/** `AlertError(Exception)` as a whole inline code. */
const CALL_FORM = /`([A-Z][A-Za-z0-9_]*)\(\s*([A-Z][A-Za-z0-9_.]*)\s*\)`/g;
/** "`CreditError`, which in turn extends `ValueError`", "`ShedError` subclasses `Exception`", "`A` is a subclass of `B`". */
const VERB_FORM = new RegExp(`${NAME},?\\s+(?:(?:which|that)\\s+)?(?:in turn\\s+|itself\\s+|also\\s+)?(?:subclasses|extends|derives\\s+(?:directly\\s+)?from|inherits\\s+(?:directly\\s+)?from|is\\s+an?\\s+(?:subclass|child)\\s+of)\\s+${NAME}`, 'g');
/** "`PrintQueueError` (an `Exception`)", "`AlreadyRegistered` (a `CreditError` as well)", "`A` is an `Exception`", "`A` is the base (`Exception`)". */
const APPOSITION = new RegExp(`${NAME}\\s*(?:\\(\\s*(?:itself\\s+)?an?\\s+|,\\s*(?:itself\\s+)?an?\\s+|\\s+is\\s+an?\\s+|\\s+is\\s+the\\s+base\\s*\\(\\s*|\\s+is\\s+the\\s+base\\s+class\\s*\\(\\s*)${NAME}`, 'g');
/** "both subclasses of `B`", "derive from `B`", "inherit from it", "are both `B` subclasses", "(both `B`; …)": a base for the names before it. */
/** "Both are defined as `class X(SocietyError)`": a one-letter placeholder class gives the base too. */
const GROUP_FORM = new RegExp(`(?:subclass(?:es)?(?:\\s+of)?|derive[sd]?\\s+(?:directly\\s+)?from|inherit(?:s|ing)?\\s+(?:directly\\s+)?from|extends?)\\s+(?:${NAME}|(it)\\b)|${NAME}\\s+subclasses\\b|\\(\\s*(?:both|all|each)\\s+${NAME}|\`class\\s+[A-Z]\\(\\s*([A-Z][A-Za-z0-9_]*)\\s*\\)\``, 'gi');
/** A sentence that opens by pointing back at the names of the one before ("Both are …", "They derive …"). */
const POINTS_BACK = /^\W*(?:both|all|each|they|these|those)\b/i;
/** "`X` is the base", "`X(Exception)` is their base": what "inherit from it" points at. */
const IS_THE_BASE = new RegExp(`${NAME.slice(0, -1)}(?:\\([^\`]*\\))?\`\\s+is\\s+(?:the|their)\\s+(?:base|root|parent)\\b`);
/** "`LockerError(Exception)` is the base of `NoFreeLocker` and `WrongCode`": the names after it take it as their base. */
const BASE_OF = new RegExp(`${NAME.slice(0, -1)}(?:\\([^\`]*\\))?\`\\s+is\\s+(?:the\\s+)?(?:common\\s+)?(?:base|root|parent)(?:\\s+class)?\\s+(?:of|for)\\s`);
const CALL_FORM_ONE = /`([A-Z][A-Za-z0-9_]*)\(\s*([A-Z][A-Za-z0-9_.]*)\s*\)`/;
const INLINE_NAME = /`([A-Z][A-Za-z0-9_]*)(?:\([^`]*\))?`/g;
const EXCEPTION_SUFFIX = /(?:Error|Exception)$/;

/** "`LockerError(Exception)` is the base of `A` and `B`" in one sentence or bullet: each name after it, with it as base (and its own base when given). */
export function readBaseOf(sentence: string): ExceptionRelation[] {
  const baseOf = BASE_OF.exec(sentence);
  if (!baseOf) return [];
  const own = CALL_FORM_ONE.exec(sentence.slice(baseOf.index, baseOf.index + baseOf[0].length));
  const names = [...sentence.slice(baseOf.index + baseOf[0].length).matchAll(INLINE_NAME)].map((name) => ({ name: name[1]!, base: baseOf[1]! }));
  return own ? [{ name: own[1]!, base: own[2]! }, ...names] : names;
}

/** Reads the exception relations of a paragraph of running text. */
export function readExceptionRelations(paragraph: string, builtins: ReadonlySet<string>): ExceptionRelation[] {
  const found: Array<{ name: string; base: string }> = [];
  let previousNames: string[] = [];
  let statedBase: string | null = null;
  for (const sentence of paragraph.split(/(?<=[.!?])\s+(?=[A-Z`*])/)) {
    const taken = new Set<string>();
    const relate = (name: string, base: string) => {
      if (name === base || builtins.has(name)) return;
      found.push({ name, base });
      taken.add(name);
    };
    for (const match of sentence.matchAll(CALL_FORM)) relate(match[1]!, match[2]!);
    for (const match of sentence.matchAll(VERB_FORM)) relate(match[1]!, match[2]!);
    for (const match of sentence.matchAll(APPOSITION)) relate(match[1]!, match[2]!);
    statedBase = IS_THE_BASE.exec(sentence)?.[1] ?? statedBase;
    for (const relation of readBaseOf(sentence)) relate(relation.name, relation.base);
    let from = 0;
    for (const match of sentence.matchAll(GROUP_FORM)) {
      const base = match[1] ?? (match[2] ? statedBase : null) ?? match[3] ?? match[4] ?? match[5];
      const before = [...sentence.slice(from, match.index).matchAll(INLINE_NAME)].map((name) => name[1]!);
      from = match.index! + match[0].length;
      if (!base || !/^[A-Z]/.test(base)) continue;
      const subjects = before.filter((name) => name !== base && !taken.has(name));
      // "All errors derive from `B`, which derives from `Exception`: `A`, `C` and `D`": the names after the colon.
      const colon = subjects.length === 0 ? sentence.indexOf(':', from) : -1;
      const listed = colon < 0 ? [] : [...sentence.slice(colon).matchAll(INLINE_NAME)].map((name) => name[1]!);
      const names = subjects.length > 0 ? subjects : listed.length > 0 ? listed : POINTS_BACK.test(sentence) || match[2] ? previousNames : [];
      for (const name of names) if (name !== base && !taken.has(name)) relate(name, base);
    }
    previousNames = [...sentence.matchAll(INLINE_NAME)].map((name) => name[1]!).filter((name) => !builtins.has(name));
  }
  // Only relations whose base is an exception: a built-in, an Error/Exception name, or one made an exception here.
  const exceptions = new Set<string>();
  const accepted: ExceptionRelation[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const relation of found) {
      if (exceptions.has(relation.name)) continue;
      if (builtins.has(relation.base) || EXCEPTION_SUFFIX.test(relation.base) || exceptions.has(relation.base)) {
        exceptions.add(relation.name);
        accepted.push(relation);
        changed = true;
      }
    }
  }
  return accepted;
}
