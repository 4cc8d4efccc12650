import { literalLetters, tokenize, WILDCARD, wildcardMatches, wildcardText, type PlaceholderStyle } from './message-pattern.js';

/** A text that may carry a message: a module string, a design table entry. */
export interface MessageCandidate {
  text: string;
  line: number;
  /** How its placeholders are written: `python` adds `%s` templates to `{}` fields. */
  style: PlaceholderStyle;
  /** False for texts that are names rather than messages (dict keys, identifiers): they may match exactly but are never a near miss. */
  nearMiss?: boolean;
}

/** One place where two texts differ: what the expected text says, what the candidate says. */
export interface TextDifference {
  expected: string;
  actual: string;
}

/** The verdict for one expected message. */
export type MessageMatch =
  | { status: 'found'; candidate: MessageCandidate }
  | { status: 'near'; candidate: MessageCandidate; similarity: number; differences: TextDifference[] }
  | { status: 'missing' };

/** Below this share of identical tokens a candidate is not a near miss but another message. */
export const NEAR_MISS_SIMILARITY = 0.6;
/**
 * A pattern must pin down some literal text, or `"{}: {}"` would match anything: this many letters,
 * or this share of the message's letters.
 */
const MIN_LITERAL_LETTERS = 10;
const MIN_LITERAL_SHARE = 0.4;

interface Prepared {
  candidate: MessageCandidate;
  wild: string;
  tokens: string[];
  letters: number;
}

/** Candidates compiled once, matched against many messages. */
export class MessageIndex {
  private readonly prepared: Prepared[];

  constructor(candidates: MessageCandidate[]) {
    this.prepared = candidates
      .map((candidate) => {
        const wild = wildcardText(candidate.text, candidate.style);
        return { candidate, wild, tokens: tokenize(wild), letters: literalLetters(wild) };
      })
      .filter((entry) => entry.letters > 0);
  }

  /**
   * Finds `template` (a `{name}`-placeholder text) among the candidates, or its nearest miss
   * among those not `excluded` from near misses.
   */
  match(template: string, excluded?: ReadonlySet<MessageCandidate>): MessageMatch {
    const wanted = wildcardText(template, 'braces');
    const wantedLetters = Math.max(literalLetters(wanted), 1);
    for (const entry of this.prepared) {
      if (entry.letters < MIN_LITERAL_LETTERS && entry.letters < MIN_LITERAL_SHARE * wantedLetters) continue;
      if (wildcardMatches(entry.wild, wanted) || wildcardMatches(wanted, entry.wild)) return { status: 'found', candidate: entry.candidate };
    }
    const wantedTokens = tokenize(wanted);
    let best: { entry: Prepared; similarity: number; differences: TextDifference[] } | null = null;
    for (const entry of this.prepared) {
      if (entry.candidate.nearMiss === false || excluded?.has(entry.candidate)) continue;
      const alignment = alignTokens(wantedTokens, entry.tokens);
      // Tokens a placeholder stands for are neither agreement nor difference; but a placeholder
      // may not stand for most of the message ("{detail}." is near to everything). Words weigh
      // by their length, so sharing "removed" counts for more than sharing "#" and ".".
      const ownWanted = literalWeight(wantedTokens) - alignment.absorbedExpected;
      const ownActual = literalWeight(entry.tokens) - alignment.absorbedActual;
      if (ownWanted < literalWeight(wantedTokens) / 2 || ownActual < literalWeight(entry.tokens) / 2) continue;
      // Between two templates a placeholder in the same place agrees as much as a word does.
      const placeholders = alignment.pairedPlaceholders === null ? 0 : PLACEHOLDER_WEIGHT;
      const pairs = alignment.pairedPlaceholders ?? 0;
      const similarity = (2 * (alignment.matched + pairs * placeholders))
        / Math.max(ownWanted + ownActual + placeholders * (countWildcards(wantedTokens) + countWildcards(entry.tokens)), 1);
      if (similarity >= NEAR_MISS_SIMILARITY && (!best || similarity > best.similarity)) best = { entry, similarity, differences: alignment.differences };
    }
    if (!best) return { status: 'missing' };
    return { status: 'near', candidate: best.entry.candidate, similarity: Math.round(best.similarity * 100) / 100, differences: best.differences };
  }
}

/** How much a token counts when comparing texts: a word its length, a punctuation mark 1. */
function weight(token: string): number {
  return token === WILDCARD ? 0 : token.length;
}

/** How much a placeholder paired with the other template's placeholder counts: a short word. */
const PLACEHOLDER_WEIGHT = 4;

function countWildcards(tokens: string[]): number {
  return tokens.reduce((count, token) => count + (token === WILDCARD ? 1 : 0), 0);
}

function literalWeight(tokens: string[]): number {
  return tokens.reduce((sum, token) => sum + weight(token), 0);
}

function tokenCost(a: string, b: string): number {
  if (a === b) return 0;
  return a.toLowerCase() === b.toLowerCase() ? 0.5 : 1;
}

function joinTokens(tokens: string[]): string {
  return tokens.map((token) => (token === WILDCARD ? '{…}' : token)).join(' ').replace(/ ([.,;:!?)'])/g, '$1').replace(/([('$]) /g, '$1');
}

/** Words of at least this many letters one edit apart are a typo of each other, not two words. */
const MIN_TYPO_LENGTH = 5;

/** Whether two words (of MIN_TYPO_LENGTH letters or more) differ by one inserted, deleted or replaced letter. */
function isOneEditApart(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < MIN_TYPO_LENGTH || Math.abs(a.length - b.length) > 1 || !/^\p{L}+$/u.test(a + b)) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return endA - start <= 1 && endB - start <= 1;
}

/** How two token sequences line up. */
export interface TokenAlignment {
  distance: number;
  differences: TextDifference[];
  /** Weight of the literal tokens equal on both sides (a case-only difference counts three quarters). */
  matched: number;
  /** Weight of the literal tokens of each side that the other side's wildcards stand for. */
  absorbedExpected: number;
  absorbedActual: number;
  /** When both sides are templates, how many placeholders pair with one of the other side; null otherwise. */
  pairedPlaceholders: number | null;
}

/**
 * Token edit distance in which a wildcard on either side absorbs any run of tokens for free, with
 * the differing stretches read back from the table. When both sides are templates, placeholders
 * stand for each other: a wildcard pairs with the other side's wildcard and absorbs nothing else
 * (as in `wildcardMatches`), so quotes or words around it are differences, not absorbed.
 */
export function alignTokens(expected: string[], actual: string[]): TokenAlignment {
  const rows = expected.length + 1;
  const columns = actual.length + 1;
  const table = new Float64Array(rows * columns);
  const at = (i: number, j: number) => table[i * columns + j]!;
  const paired = expected.includes(WILDCARD) && actual.includes(WILDCARD);
  const free = (token: string) => (token === WILDCARD && !paired ? 0 : 1);
  for (let i = 1; i < rows; i++) table[i * columns] = at(i - 1, 0) + free(expected[i - 1]!);
  for (let j = 1; j < columns; j++) table[j] = at(0, j - 1) + free(actual[j - 1]!);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const a = expected[i - 1]!;
      const b = actual[j - 1]!;
      const value = paired
        ? Math.min(at(i - 1, j - 1) + (a === b ? 0 : tokenCost(a, b)), at(i - 1, j) + 1, at(i, j - 1) + 1)
        : a === WILDCARD || b === WILDCARD
        ? Math.min(at(i - 1, j - 1), at(i - 1, j), at(i, j - 1))
        : Math.min(at(i - 1, j - 1) + tokenCost(a, b), at(i - 1, j) + 1, at(i, j - 1) + 1);
      table[i * columns + j] = value;
    }
  }
  // Walk back, collecting stretches where the two sides disagree.
  const differences: TextDifference[] = [];
  let pending: { expected: string[]; actual: string[] } = { expected: [], actual: [] };
  const flush = () => {
    if (pending.expected.length > 0 || pending.actual.length > 0) {
      differences.unshift({ expected: joinTokens(pending.expected), actual: joinTokens(pending.actual) });
    }
    pending = { expected: [], actual: [] };
  };
  let i = expected.length;
  let j = actual.length;
  let matched = 0;
  let pairedPlaceholders = 0;
  let absorbedExpected = 0;
  let absorbedActual = 0;
  // Prefer, on ties: exact matches, then a wildcard absorbing tokens, then insertions and
  // deletions, then substitutions; that reads best ("added "was"" rather than "1" → "was").
  // Paired, placeholders meet only each other: everything but a match is an ordinary edit.
  while (i > 0 || j > 0) {
    const a = i > 0 ? expected[i - 1]! : null;
    const b = j > 0 ? actual[j - 1]! : null;
    const here = at(i, j);
    if (a !== null && b !== null && (a !== WILDCARD || paired) && a === b && here === at(i - 1, j - 1)) {
      flush();
      matched += weight(a);
      if (a === WILDCARD) pairedPlaceholders++;
      i--;
      j--;
    } else if (!paired && b === WILDCARD && a !== null && here === at(i - 1, j)) {
      flush();
      absorbedExpected += weight(a);
      i--;
    } else if (!paired && a === WILDCARD && b !== null && here === at(i, j - 1)) {
      flush();
      absorbedActual += weight(b);
      j--;
    } else if (!paired && (a === WILDCARD || b === WILDCARD) && a !== null && b !== null && here === at(i - 1, j - 1)) {
      flush();
      if (b === WILDCARD) absorbedExpected += weight(a);
      if (a === WILDCARD) absorbedActual += weight(b);
      i--;
      j--;
    } else if (!paired && (a === WILDCARD || b === WILDCARD)) {
      flush();
      if (a === WILDCARD) i--;
      else j--;
    } else if (a !== null && here === at(i - 1, j) + 1) {
      pending.expected.unshift(a);
      i--;
    } else if (b !== null && here === at(i, j - 1) + 1) {
      pending.actual.unshift(b);
      j--;
    } else {
      if (a!.toLowerCase() === b!.toLowerCase()) matched += 0.75 * weight(a!);
      // A typo ("requiredx" for "required") is still mostly the word.
      else if (isOneEditApart(a!.toLowerCase(), b!.toLowerCase())) matched += 0.5 * Math.min(weight(a!), weight(b!));
      pending.expected.unshift(a!);
      pending.actual.unshift(b!);
      i--;
      j--;
    }
  }
  flush();
  return { distance: at(expected.length, actual.length), differences, matched, absorbedExpected, absorbedActual, pairedPlaceholders: paired ? pairedPlaceholders : null };
}
