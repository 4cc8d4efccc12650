import { MessageIndex, NEAR_MISS_SIMILARITY, type MessageCandidate, type MessageMatch } from '../conformance/match-message.js';
import { tokenize, WILDCARD, wildcardText } from '../conformance/message-pattern.js';

interface Entry {
  candidate: MessageCandidate;
  wild: string;
  /** Literal pieces between placeholders (for a placeholder match every piece must occur in the other text). */
  pieces: string[];
  counts: Map<string, number>;
  weight: number;
}

function tokenCounts(wild: string): { counts: Map<string, number>; weight: number } {
  const counts = new Map<string, number>();
  let weight = 0;
  for (const token of tokenize(wild)) {
    if (token === WILDCARD) continue;
    const key = token.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
    weight += token.length;
  }
  return { counts, weight };
}

function piecesOf(wild: string): string[] {
  return wild.split(WILDCARD).map((piece) => piece.trim()).filter((piece) => piece !== '');
}

function shared(a: Map<string, number>, b: Map<string, number>): number {
  let weight = 0;
  for (const [token, count] of a) weight += Math.min(count, b.get(token) ?? 0) * token.length;
  return weight;
}

/**
 * A `MessageIndex` that first narrows the candidates to those that could match a text: one whose
 * literal pieces all occur in the other (a placeholder match), or that shares enough words to be a
 * near miss. Token alignment, the costly part, then runs on a handful instead of every message.
 * The status is the one `MessageIndex` gives over all candidates (a verbatim candidate is preferred when several match).
 */
export class MessageShortlist {
  private readonly entries: Entry[];
  private readonly exact = new Map<string, MessageCandidate>();
  private readonly memo = new Map<string, MessageMatch>();

  constructor(candidates: MessageCandidate[]) {
    this.entries = candidates.map((candidate) => {
      const wild = wildcardText(candidate.text, candidate.style);
      return { candidate, wild, pieces: piecesOf(wild), ...tokenCounts(wild) };
    });
    for (const entry of this.entries) if (!entry.wild.includes(WILDCARD) && !this.exact.has(entry.wild)) this.exact.set(entry.wild, entry.candidate);
  }

  /** What `new MessageIndex(candidates).match(text)` would say for a `{name}`-placeholder text, computed on the shortlist (memoised by text). */
  match(text: string): MessageMatch {
    const known = this.memo.get(text);
    if (known) return known;
    const wanted = wildcardText(text, 'braces');
    // Most asserted texts are a message verbatim: found at once (the same status; the first verbatim candidate).
    const exact = this.exact.get(wanted);
    if (exact) return this.remember(text, { status: 'found', candidate: exact });
    const { counts, weight } = tokenCounts(wanted);
    const wantedPieces = piecesOf(wanted);
    const contains = (whole: string, pieces: string[]) => pieces.every((piece) => whole.includes(piece));
    // Bound: a near miss needs 2·matched ≥ 0.6·(own weights) and each own weight ≥ half its total, so matched ≥ 0.15·(totals).
    const needed = (NEAR_MISS_SIMILARITY / 4) * weight;
    const shortlist = this.entries.filter((entry) =>
      entry.wild === wanted
      || (entry.wild.includes(WILDCARD) && contains(wanted, entry.pieces))
      || (wanted.includes(WILDCARD) && contains(entry.wild, wantedPieces))
      || shared(counts, entry.counts) >= needed + (NEAR_MISS_SIMILARITY / 4) * entry.weight);
    return this.remember(text, shortlist.length === 0 ? { status: 'missing' } : new MessageIndex(shortlist.map((entry) => entry.candidate)).match(text));
  }

  private remember(text: string, result: MessageMatch): MessageMatch {
    this.memo.set(text, result);
    return result;
  }
}
