import { collapseWhitespace } from '../messages/message-template.js';
import type { AcceptanceCriterion } from './story-types.js';

/** `**AC1**`, `AC-2:`, `AC-1.2`, `Scenario 3 -`, `Criterion 4.` at the start of an item. */
const CRITERION_ID = /^\s*(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?(?:\*\*|__)?\s*(AC[-\s]?\d+(?:\.\d+)*[a-z]?|Scenario\s*\d+|Criterion\s*\d+)\s*(?:\*\*|__)?\s*[:.)\-–—]?\s*(?:\*\*|__)?/i;
// English, Spanish, Portuguese, French and Italian Gherkin keywords; letters around them are any script's.
const KEYWORDS = /(?<![\p{L}\p{N}_])(given|when|then|and|but|dad[oa]s?|étant donnée?s?|cuando|quando|quand|lorsque|entonces|então|alors|allora)(?![\p{L}\p{N}_])/giu;
const CLAUSE: Record<string, 'given' | 'when' | 'then'> = {
  given: 'given', dado: 'given', dada: 'given', dados: 'given', dadas: 'given', when: 'when', cuando: 'when', quando: 'when', quand: 'when', lorsque: 'when',
  then: 'then', entonces: 'then', então: 'then', alors: 'then', allora: 'then',
};
const GIVEN = /(?<![\p{L}\p{N}_])(?:given|dad[oa]s?|étant donnée?s?)(?![\p{L}\p{N}_])/iu;
const WHEN = /(?<![\p{L}\p{N}_])(?:when|cuando|quando|quand|lorsque)(?![\p{L}\p{N}_])/iu;
const THEN = /(?<![\p{L}\p{N}_])(?:then|entonces|então|alors|allora)(?![\p{L}\p{N}_])/iu;

/** The criterion id an item starts with, if any. */
export function criterionId(markdown: string): string | null {
  const match = CRITERION_ID.exec(markdown);
  return match ? match[1]!.replace(/\s+/g, ' ') : null;
}

/** Whether a text reads as Given/When/Then. */
export function hasGivenWhenThen(text: string): boolean {
  return GIVEN.test(text) || (WHEN.test(text) && THEN.test(text));
}

/** Splits a criterion into Given / When / Then; quoted text is never split. */
export function splitGivenWhenThen(text: string): Pick<AcceptanceCriterion, 'given' | 'when' | 'then'> {
  const quoted: string[] = [];
  const masked = text.replace(/["“][^"“”]*["”]/g, (quote) => {
    quoted.push(quote);
    return `\u0001${quoted.length - 1}\u0001`;
  });
  const restore = (part: string) => part.replace(/\u0001(\d+)\u0001/g, (_match, index: string) => quoted[Number(index)] ?? '');
  const clauses: Record<'given' | 'when' | 'then', string[]> = { given: [], when: [], then: [] };
  let current: 'given' | 'when' | 'then' | null = null;
  let start = 0;
  const close = (end: number) => {
    const part = restore(masked.slice(start, end)).replace(/^[\s,;:]+|[\s,;]+$/g, '');
    if (current && part) clauses[current].push(part);
  };
  for (const match of masked.matchAll(KEYWORDS)) {
    const keyword = CLAUSE[match[1]!.toLowerCase()] ?? (/^étant/i.test(match[1]!) ? 'given' : null);
    if (keyword === null) continue;
    close(match.index ?? 0);
    current = keyword;
    start = (match.index ?? 0) + match[0].length;
  }
  close(masked.length);
  const join = (parts: string[]) => (parts.length > 0 ? parts.join('; ') : null);
  return { given: join(clauses.given), when: join(clauses.when), then: join(clauses.then) };
}

/** Reads one criterion from an item's markdown and plain text. */
export function readCriterion(markdown: string, plain: string, fallbackId: string, line: number): AcceptanceCriterion {
  const id = criterionId(markdown) ?? fallbackId;
  const text = collapseWhitespace(plain).replace(new RegExp(`^${id.replace(/[-\s]/g, '[-\\s]?')}\\s*[:.)\\-–—]?\\s*`, 'i'), '');
  return { id, text, ...splitGivenWhenThen(text), line };
}
