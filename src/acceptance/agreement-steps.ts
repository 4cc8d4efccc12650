import { scoreOf, type Draft } from '../repair/draft.js';
import type { DraftPosition, LoopSteps } from '../repair/loop-types.js';
import type { ExtractedModule } from '../sanitize/module-expectation.js';
import type { Finding } from '../verify/finding.js';
import type { ModuleReport } from '../verify/verify-module.js';
import { rankDrafts, type DraftEvidence, type DraftRanking } from './rank-drafts.js';

const TEST_OUTCOME_CHECKS = new Set(['tests/failed', 'tests/error']);
const RANK = { passed: 0, skipped: 1, failed: 2 } as const;

/** The test a runtime finding is about: `test_us001_ac1_add (subtest)` or `Case.test_x` → `test_x`. */
function testOf(finding: Finding): string | null {
  if (!TEST_OUTCOME_CHECKS.has(finding.checkId) || !finding.symbol) return null;
  return finding.symbol.split(/::|\./).pop()!.split(' ')[0] ?? null;
}

/** The method a reported test name is about: `test_x (bad=0)` (a subtest) or `test_x[1]` (pytest) → `test_x`. */
function methodOf(name: string): string {
  return name.split(/::|\./).pop()!.split(/[ [(]/)[0] ?? name;
}

/**
 * What a draft's report shows against the generated tests. A test counts as passed only when it
 * ran and every outcome reported under its name (subtests, parameters) is a pass: a skipped test,
 * one that never reported, or one the run never reached is not evidence for the draft.
 */
export function evidenceOf(id: string, report: ModuleReport, tests: readonly string[]): DraftEvidence {
  const known = new Set(tests);
  const errors = report.findings.filter((finding) => finding.severity === 'error');
  const failing = new Set(errors.map(testOf).filter((test): test is string => test !== null && known.has(test)));
  const run = report.sandbox?.tests;
  // A run that did not finish (or ran nothing) shows nothing passed.
  const ran = !!run && run.completed && run.ran > 0 && !errors.some((finding) => TEST_OUTCOME_CHECKS.has(finding.checkId) && testOf(finding) === null);
  // Per method, the worst outcome reported under its name: a failure or error, then a skip, then a pass.
  const outcomes = new Map<string, 'passed' | 'skipped' | 'failed'>();
  for (const outcome of report.testOutcomes ?? []) {
    const method = methodOf(outcome.name);
    const state = outcome.outcome === 'passed' ? 'passed' : outcome.outcome === 'skipped' ? 'skipped' : 'failed';
    const before = outcomes.get(method);
    if (before === undefined || RANK[state] > RANK[before]) outcomes.set(method, state);
  }
  const stateOf = (test: string) => (failing.has(test) ? 'failed' : ran ? outcomes.get(test) : undefined);
  return {
    id,
    passed: tests.filter((test) => stateOf(test) === 'passed'),
    failed: tests.filter((test) => stateOf(test) === 'failed'),
    unproven: tests.filter((test) => stateOf(test) === undefined || stateOf(test) === 'skipped'),
    otherErrors: errors.filter((finding) => !failing.has(testOf(finding) ?? '')).length,
  };
}

/** The report with the suspect tests' failures kept as warnings: reported, no longer blocking alone. */
export function regrade(report: ModuleReport, suspect: ReadonlySet<string>): ModuleReport {
  if (suspect.size === 0) return report;
  let changed = 0;
  const findings = report.findings.map((finding) => {
    const test = testOf(finding);
    if (finding.severity !== 'error' || !test || !suspect.has(test)) return finding;
    changed++;
    return {
      ...finding, severity: 'warning' as const,
      message: `Suspect generated test: every independently drawn draft fails it while meeting the design and the other tests. ${finding.message}`,
      hint: `Check the test against the stories: it may expect the wrong value. ${finding.hint}`,
    };
  });
  if (changed === 0) return report;
  const summary = { ...report.summary, errors: report.summary.errors - changed, warnings: report.summary.warnings + changed };
  return { ...report, findings, summary, passed: summary.errors === 0 };
}

/** The loop's steps judged by generated tests as evidence, and the ranking of the first drafts so far. */
export interface AgreementSteps {
  steps: LoopSteps;
  /** The independent first drafts ranked by agreement, with the suspect tests. */
  ranking(): DraftRanking;
  /** The first draft the first repair started from when the ranking chose it over the loop's pick, else null. */
  rankedBase(): string | null;
}

/**
 * Wraps the loop's steps so generated tests are evidence, not gospel: each first draft's results
 * on `tests` are kept; once two or more independent drafts agree against a test (rankDrafts), that
 * test's failures become warnings in every later report, so it cannot block delivery alone. When
 * no first draft passes, the first repair starts from the draft ranked first by agreement (the
 * loop alone would take the one with the fewest findings). Repair drafts are not independent
 * samples: they are regraded but never vote.
 */
export function withTestAgreement(inner: LoopSteps, tests: readonly string[], onNote: (message: string) => void = () => {}): AgreementSteps {
  const positions = new Map<string, DraftPosition>();
  const extractions = new Map<string, ExtractedModule>();
  const evidence = new Map<number, DraftEvidence>();
  const firstDrafts = new Map<number, Draft>();
  let suspect = new Set<string>();
  let chosenBase: string | null = null;
  const ranking = () => rankDrafts([...evidence.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry));
  const steps: LoopSteps = {
    ...inner,
    async reply(prompt, at) {
      const result = await inner.reply(prompt, at);
      if (result.ok) positions.set(`reply\u0000${result.value.text}`, at);
      return result;
    },
    async extract(reply) {
      const result = await inner.extract(reply);
      const at = positions.get(`reply\u0000${reply}`);
      if (result.ok && at) {
        positions.set(`code\u0000${result.value.code}`, at);
        extractions.set(result.value.code, result.value);
      }
      return result;
    },
    async verify(code) {
      const report = await inner.verify(code);
      const at = positions.get(`code\u0000${code}`);
      if (at?.round === 0) {
        evidence.set(at.candidate, evidenceOf(`draft ${at.candidate}`, report, tests));
        suspect = new Set(ranking().suspectTests);
      }
      const graded = regrade(report, suspect);
      const extraction = extractions.get(code);
      if (at?.round === 0 && extraction) firstDrafts.set(at.candidate, { ...at, code, extraction, report: graded, score: scoreOf(graded) });
      return graded;
    },
    repairPrompt(draft, rejected) {
      const order = draft.round === 0 && firstDrafts.size > 1 ? ranking().order : [];
      const top = order[0];
      const current = order.find((entry) => entry.id === `draft ${draft.candidate}`);
      // Only a strictly better agreement overrides the loop's pick (fewest findings).
      const ranked = top && current && top.score > current.score ? firstDrafts.get(Number(top.id.replace('draft ', ''))) : undefined;
      if (!ranked) return inner.repairPrompt(draft, rejected);
      chosenBase = top!.id;
      onNote(`repairing ${top!.id}, ranked first by agreement on the generated tests (${top!.agreeing} draft(s) pass the same ${top!.passed} test(s)), not draft ${draft.candidate}`);
      return inner.repairPrompt(ranked, rejected);
    },
  };
  return { steps, ranking, rankedBase: () => chosenBase };
}
