import { createHash } from 'node:crypto';
import type { BacksmithConfig } from '../config/config-schema.js';
import { defaultConfig } from '../config/default-config.js';
import { readTextFile } from '../inputs/read-text-file.js';
import type { SyntaxVerdict } from '../python/python-syntax.js';
import { designAllowedImports } from '../inputs/design/allowed-imports.js';
import type { DesignSpec } from '../inputs/design/design-types.js';
import type { StoriesSpec } from '../inputs/stories/story-types.js';
import type { ProbeExamples, RuntimeResults, SandboxReport, TestCaseResult } from '../sandbox/runtime-types.js';
import { runtimeForVerify, runtimeRequirementGaps } from '../sandbox/verify-runtime.js';
import { applyLintOutcome, buildCheckContextEarly, CHECKS_READING_LINT, type LintOutcome } from './build-context.js';
import type { Check, CheckRequirement } from './check.js';
import type { CheckContext } from './check-context.js';
import { SEVERITY_ORDER, type Finding, type Severity } from './finding.js';
import { ALL_CHECKS } from './registry.js';
import { applySuppressions, type SuppressedFinding } from './suppressions/apply-suppressions.js';
import { prepareTestFiles } from '../test-file/prepare-test-files.js';
import { testFileCoverage } from '../test-file/criterion-coverage.js';
import { buildTraceability, type TraceabilityRow } from '../report/traceability.js';
import type { TypeChecker } from '../types/type-checker.js';
import { mergeRuffDuplicates } from '../types/merge-ruff-duplicates.js';
import { typeResults } from './checks/types/support/type-results.js';

/** Largest module backsmith verifies; generated backend modules are far smaller. */
export const MAX_MODULE_BYTES = 1024 * 1024;

/** Outcome of one check on one module. */
export interface CheckOutcome {
  id: string;
  status: 'passed' | 'failed' | 'skipped';
  reason?: string;
  durationMs: number;
}

/** Counts of findings by severity. */
export interface FindingSummary {
  errors: number;
  warnings: number;
  infos: number;
}

/** The verdict on one module. */
export interface ModuleReport {
  path: string;
  sha256: string;
  /** True when there is no finding at `error` severity. */
  passed: boolean;
  summary: FindingSummary;
  findings: Finding[];
  /** Findings waived by `select`/`ignore` or by suppression comments, each with what waived it (always set by `verifyModule`). */
  suppressed?: SuppressedFinding[];
  checks: CheckOutcome[];
  syntax: { authority: SyntaxVerdict['authority']; pythonVersion: string | null; fallbackReason: string | null };
  /** The runtime stage's sandbox: protections active, interpreter, limits, run figures; absent when it did not run. */
  sandbox?: SandboxReport;
  /** Story → criterion → tests → outcome, when stories and test files were given. */
  traceability?: TraceabilityRow[];
  /** Each acceptance test's outcome (`name` is the method, with a subtest's description), when tests ran. */
  testOutcomes?: Array<{ id: string; name: string; outcome: TestCaseResult['outcome'] }>;
  durationMs: number;
}

/** What to verify and how. */
export interface VerifyModuleOptions {
  /** Path of the module; used for reading (unless `source` is given) and in the report. */
  path: string;
  /** The module's text, when the caller already has it (e.g. a generated draft). */
  source?: string;
  config?: BacksmithConfig;
  /** Python interpreter for the syntax authority; null forces the tree-sitter fallback. */
  python?: string | null;
  /** Skip the sandboxed run of the module. */
  noRun?: boolean;
  /** Acceptance test files to run against the module. */
  tests?: string[];
  /** Run runtime checks even when required sandbox protections are missing (the report says so). */
  allowUnsandboxed?: boolean;
  /** Extra valid arguments for contract probing, keyed `Class.method`. */
  probeExamples?: ProbeExamples;
  /** The parsed technical design (`readDesignFile`); enables the `design/` checks. */
  design?: DesignSpec;
  /** The parsed user stories (`readStoriesFile`); enables the `stories/` checks. */
  stories?: StoriesSpec;
  /** The module is a model's draft (`generate`): its suppression comments waive nothing. */
  draft?: boolean;
  /** pyright (`startTypeChecker()`, or the verify CLI's) for the `types/` checks; without it they are skipped. */
  typeChecker?: Pick<TypeChecker, 'check'>;
  /** Why types are not checked, shown on the skipped `types/` checks (e.g. `--no-types given`). */
  typesSkipReason?: string;
  /** A module longer than this (in UTF-8 bytes) is not type-checked: the `types/` checks are skipped, saying why. No limit when absent. */
  typesMaxBytes?: number;
  /** Cancels the sandboxed runs (Ctrl-C in `generate`). */
  signal?: AbortSignal;
  /** Why there are no stories, when not simply "no --stories given" (e.g. `--requirements` given instead). */
  storiesAbsentReason?: string;
}

/** Why a requirement is not met for this run, or undefined when it is. */
export type RequirementGaps = Partial<Record<CheckRequirement, string>>;

function requirementGaps(options: VerifyModuleOptions, runtime: RuntimeResults | null = null): RequirementGaps {
  return {
    ...(options.design ? {} : { design: 'no --design given' }),
    ...(options.stories ? {} : { stories: options.storiesAbsentReason ?? 'no --stories given' }),
    ...(options.tests?.length ? {} : { 'test-files': 'no --tests given' }),
    ...(options.typeChecker ? {} : { types: options.typesSkipReason ?? 'no type checker given (verify and generate start pyright; library callers pass startTypeChecker())' }),
    ...runtimeRequirementGaps(options, runtime),
  };
}

/**
 * Why a check does not run on this module, or null when it runs. The configuration's
 * `checks.include`/`checks.exclude` do not skip checks: like select/ignore they waive findings,
 * which are counted (see applySuppressions).
 */
function skipReason(check: Check, config: BacksmithConfig, gaps: RequirementGaps, syntaxOk: boolean): string | null {
  if (config.severity[check.id] === 'off') return 'turned off in configuration';
  for (const requirement of check.requires ?? []) {
    const gap = gaps[requirement];
    if (gap) return gap;
  }
  if (!syntaxOk && check.category !== 'format' && check.category !== 'syntax') return 'the module is not valid Python';
  return null;
}

function summarize(findings: Finding[]): FindingSummary {
  return {
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
    infos: findings.filter((finding) => finding.severity === 'info').length,
  };
}

async function runCheck(check: Check, context: CheckContext, config: BacksmithConfig): Promise<Finding[]> {
  const override = config.severity[check.id];
  const reports = await check.run(context);
  return reports.map((report) => ({
    checkId: check.id,
    category: check.category,
    severity: (override && override !== 'off' ? override : report.severity ?? check.severity) as Severity,
    message: report.message,
    line: report.line,
    ...(report.column !== undefined ? { column: report.column } : {}),
    ...(report.symbol !== undefined ? { symbol: report.symbol } : {}),
    hint: report.hint ?? check.fixHint,
    ...(report.file !== undefined ? { file: report.file } : {}),
  }));
}

/** Runs one check on the module (or its code alone, see `codeOnly`): its outcome and findings. */
async function runOneCheck(check: Check, context: CheckContext, gaps: RequirementGaps): Promise<{ outcome: CheckOutcome; findings: Finding[] }> {
  // A module wrapped in fences or prose: format/ and syntax/ judge the file, the rest its code.
  const subject = context.codeOnly && check.category !== 'format' && check.category !== 'syntax' ? context.codeOnly : context;
  const reason = skipReason(check, context.config, gaps, subject.syntax.ok);
  if (reason) return { outcome: { id: check.id, status: 'skipped', reason, durationMs: 0 }, findings: [] };
  const started = performance.now();
  let findings: Finding[];
  try {
    findings = await runCheck(check, subject, context.config);
  } catch (error) {
    // A crashing check is backsmith's bug, not the module's: say so, and do not pass what it did not check.
    const reason = `check crashed: ${(error as Error).message}`;
    const crash: Finding = {
      checkId: 'verify/internal-error', category: 'verify', severity: 'error', line: 0, message: `${check.id} could not check this module (${reason.slice(0, 200)})`,
      hint: 'Simplify the code the check reads; if the module is ordinary, report the message as a backsmith bug.',
    };
    return { outcome: { id: check.id, status: 'failed', reason, durationMs: performance.now() - started }, findings: [crash] };
  }
  return { outcome: { id: check.id, status: findings.length > 0 ? 'failed' : 'passed', durationMs: Math.round((performance.now() - started) * 100) / 100 }, findings };
}

/**
 * Runs the given checks over a prepared context and assembles the module report. With `lint`
 * (Ruff's outcome still coming, see buildCheckContextEarly), the checks that do not read it run
 * first; the report lists every check and finding in registry order all the same.
 */
export async function runChecks(
  context: CheckContext,
  checks: readonly Check[],
  gaps: RequirementGaps,
  lint?: Promise<LintOutcome>,
): Promise<Pick<ModuleReport, 'findings' | 'suppressed' | 'checks' | 'summary' | 'passed'>> {
  const results: Array<{ outcome: CheckOutcome; findings: Finding[] }> = [];
  const readingLint: number[] = [];
  for (const [index, check] of checks.entries()) {
    if (lint && CHECKS_READING_LINT.has(check.id)) readingLint.push(index);
    else results[index] = await runOneCheck(check, context, gaps);
  }
  if (lint) applyLintOutcome(context, await lint);
  for (const index of readingLint) results[index] = await runOneCheck(checks[index]!, context, gaps);
  const found: Finding[] = [];
  const outcomes: CheckOutcome[] = [];
  for (const { outcome, findings } of results) {
    outcomes.push(outcome);
    // Not push(...): a check may report more findings than the stack holds arguments.
    for (const finding of findings) found.push(finding);
  }
  const typesChecked = outcomes.some((outcome) => outcome.id.startsWith('types/') && outcome.id !== 'types/not-checked' && outcome.status !== 'skipped');
  const { findings, suppressed } = applySuppressions(mergeRuffDuplicates(found), context.module, context.config, !context.draft, typesChecked);
  // A check whose every finding was waived passed as far as the verdict goes (its findings are in `suppressed`).
  const failing = new Set(findings.map((finding) => finding.checkId));
  for (const outcome of outcomes) if (outcome.status === 'failed' && !failing.has(outcome.id)) outcome.status = 'passed';
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line);
  const summary = summarize(findings);
  return { passed: summary.errors === 0, summary, findings, suppressed, checks: outcomes };
}

/** Why a module of `bytes` is not type-checked when at most `maxBytes` are (see `typesMaxBytes`). */
export function typesTooLargeReason(bytes: number, maxBytes: number): string {
  const kb = (count: number) => `${Math.ceil(count / 1024)} KB`;
  return `types not checked: the module is ${kb(bytes)}, more than the ${kb(maxBytes)} type-checked by default (typesMaxKb in the configuration; pass --types to check it anyway)`;
}

function typesSizeReason(source: string, options: Pick<VerifyModuleOptions, 'typeChecker' | 'typesMaxBytes'>): string | null {
  if (!options.typeChecker || options.typesMaxBytes === undefined) return null;
  const bytes = Buffer.byteLength(source);
  return bytes > options.typesMaxBytes ? typesTooLargeReason(bytes, options.typesMaxBytes) : null;
}

/** Verifies one Python module and returns its report. Throws `BacksmithError` only for unreadable input. */
export async function verifyModule(options: VerifyModuleOptions): Promise<ModuleReport> {
  const started = performance.now();
  const config = options.config ?? defaultConfig();
  const source = options.source ?? (await readTextFile(options.path, { maxBytes: MAX_MODULE_BYTES, label: 'Python module' }));
  const tooLargeForTypes = typesSizeReason(source, options);
  if (tooLargeForTypes) options = { ...options, typeChecker: undefined, typesSkipReason: tooLargeForTypes };
  // pyright (its own process) starts on the text now, alongside the parse, Ruff and the interpreter.
  if (options.typeChecker) void typeResults(options.typeChecker, source, options.path);
  // Ruff may still be linting: the checks that do not read its outcome run meanwhile (see runChecks).
  const { context, lint } = await buildCheckContextEarly({ source, path: options.path, config, ...(options.python !== undefined ? { python: options.python } : {}) });
  if (options.design) {
    context.design = options.design;
    context.extraAllowedImports = [...(context.extraAllowedImports ?? []), ...designAllowedImports(options.design)];
  }
  if (options.stories) context.stories = options.stories;
  if (options.draft) context.draft = true;
  if (options.typeChecker) context.typeChecker = options.typeChecker;
  // The test files are read and checked before anything runs (an unreadable one is a usage error).
  if (options.tests?.length) context.testFiles = await prepareTestFiles(options.tests, context, options.python === undefined ? config.python ?? 'python3' : options.python);
  const { syntax } = context;
  const runtime = await runtimeForVerify(context, options);
  if (runtime) context.runtime = runtime;
  if (context.codeOnly) context.codeOnly = { ...context, ...context.codeOnly, config: context.config, codeOnly: undefined };
  const result = await runChecks(context, ALL_CHECKS, requirementGaps(options, runtime), lint);
  const traceability = context.stories && context.testFiles?.length ? buildTraceability(context.stories, testFileCoverage(context.testFiles), runtime?.tests ?? null) : undefined;
  return {
    path: options.path,
    sha256: createHash('sha256').update(source).digest('hex'),
    ...result,
    syntax: { authority: syntax.authority, pythonVersion: syntax.pythonVersion, fallbackReason: syntax.fallbackReason },
    ...(runtime ? { sandbox: runtime.sandbox } : {}),
    ...(traceability ? { traceability } : {}),
    ...(runtime?.tests ? { testOutcomes: runtime.tests.tests.map(({ id, name, outcome }) => ({ id, name, outcome })) } : {}),
    durationMs: Math.round(performance.now() - started),
  };
}
