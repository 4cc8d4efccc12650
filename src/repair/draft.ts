import type { ExtractedModule } from '../sanitize/module-expectation.js';
import type { ModuleReport } from '../verify/verify-module.js';

/** How good a draft is: fewer is better, unverified checks first, then errors, warnings, infos. */
export interface DraftScore {
  errors: number;
  warnings: number;
  infos: number;
  /**
   * Checks that could not run because the draft is not valid Python. A diff, a snippet or a module
   * with a syntax error has few findings only because most checks never saw it: it ranks below
   * every draft they could check.
   */
  unverified?: number;
}

/** The reason the verifier gives a check it skipped because the module does not parse. */
const NOT_VALID_PYTHON = 'the module is not valid Python';

/** A verified draft of the module. */
export interface Draft {
  /** 0 for first drafts, 1… for repair rounds. */
  round: number;
  /** 1… among the first drafts (`--candidates`); 1 in repair rounds. */
  candidate: number;
  code: string;
  extraction: ExtractedModule;
  report: ModuleReport;
  score: DraftScore;
}

/** The score of a verification report. */
export function scoreOf(report: ModuleReport): DraftScore {
  const unverified = report.checks.filter((check) => check.status === 'skipped' && check.reason === NOT_VALID_PYTHON).length;
  return { errors: report.summary.errors, warnings: report.summary.warnings, infos: report.summary.infos, ...(unverified > 0 ? { unverified } : {}) };
}

/** Negative when `a` is better than `b`, positive when worse, 0 when equal. */
export function compareScores(a: DraftScore, b: DraftScore): number {
  return (a.unverified ?? 0) - (b.unverified ?? 0) || a.errors - b.errors || a.warnings - b.warnings || a.infos - b.infos;
}

/** The better of two drafts; the earlier one on a tie (it was verified first and is no worse). */
export function betterDraft(current: Draft | null, next: Draft): Draft {
  return current && compareScores(current.score, next.score) <= 0 ? current : next;
}

/** Identifies an error finding across drafts, where line numbers move. */
export function findingKey(finding: { checkId: string; symbol?: string; message: string }): string {
  return `${finding.checkId}\u0000${finding.symbol ?? ''}\u0000${finding.message.replace(/\bline \d+/g, 'line N')}`;
}

/** True when `next` fixed none of `base`'s errors (every one of them is still reported). */
export function fixedNothing(base: Draft, next: Draft): boolean {
  if (next.report.passed) return false;
  const remaining = new Set(next.report.findings.filter((finding) => finding.severity === 'error').map(findingKey));
  return base.report.findings.filter((finding) => finding.severity === 'error').every((finding) => remaining.has(findingKey(finding)));
}
