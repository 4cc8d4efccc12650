/** What one independently drawn draft showed against the generated tests. */
export interface DraftEvidence {
  /** How people know the draft, e.g. `draft 2`. */
  id: string;
  /** Generated tests the draft passed. */
  passed: readonly string[];
  /** Generated tests it failed or errored on. */
  failed: readonly string[];
  /** Generated tests with no outcome to count: skipped, never reported, or the run did not complete. */
  unproven?: readonly string[];
  /** Error findings about anything but the generated tests: design, stories, static and runtime checks. */
  otherErrors: number;
}

/** One draft's place in the ranking. */
export interface RankedDraft {
  id: string;
  /** Drafts (itself included) that passed exactly the same tests. */
  agreeing: number;
  passed: number;
  /** CodeT's dual agreement: `agreeing × passed`. */
  score: number;
  otherErrors: number;
}

/** The drafts best first, and the tests the drafts' agreement casts doubt on. */
export interface DraftRanking {
  order: RankedDraft[];
  /**
   * Tests every draft fails while each draft meets the design and passes every other test: the
   * independent drafts agree against them, so they are reported, not allowed to block delivery alone.
   */
  suspectTests: string[];
}

function key(tests: readonly string[]): string {
  return [...new Set(tests)].sort().join('\u0000');
}

/** Tests failed by all of at least two drafts that are otherwise clean (every other test ran and passed) and agree on everything else. */
function suspectTests(drafts: readonly DraftEvidence[]): string[] {
  if (drafts.length < 2) return [];
  const [first, ...rest] = drafts;
  const common = new Set(first!.failed);
  for (const draft of rest) {
    const failed = new Set(draft.failed);
    for (const test of common) if (!failed.has(test)) common.delete(test);
  }
  if (common.size === 0) return [];
  const otherwiseClean = drafts.every((draft) => draft.otherErrors === 0 && (draft.unproven ?? []).length === 0 && draft.failed.every((test) => common.has(test)) && draft.passed.length >= common.size);
  return otherwiseClean ? [...common].sort() : [];
}

/**
 * Ranks independent drafts by dual execution agreement (CodeT, Chen et al. 2022): drafts that pass
 * the same set of generated tests form a consensus set, scored by its size times the number of
 * tests it passes, so a draft passing the tests the others pass ranks first; ties go to fewer other
 * errors, then to the earlier draft. Also names the suspect tests (see `DraftRanking`).
 */
export function rankDrafts(drafts: readonly DraftEvidence[]): DraftRanking {
  const agreeing = new Map<string, number>();
  for (const draft of drafts) agreeing.set(key(draft.passed), (agreeing.get(key(draft.passed)) ?? 0) + 1);
  const ranked = drafts.map((draft, index) => {
    const count = agreeing.get(key(draft.passed))!;
    const passed = new Set(draft.passed).size;
    return { index, entry: { id: draft.id, agreeing: count, passed, score: count * passed, otherErrors: draft.otherErrors } };
  });
  ranked.sort((a, b) => b.entry.score - a.entry.score || a.entry.otherErrors - b.entry.otherErrors || a.index - b.index);
  return { order: ranked.map((item) => item.entry), suspectTests: suspectTests(drafts) };
}
