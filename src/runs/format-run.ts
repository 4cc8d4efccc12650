import path from 'node:path';
import { describeSpending } from '../budget/spend-budget.js';
import { describeCost, isFreeModel } from '../model/estimate-cost.js';
import { escapeTerminal } from '../report/escape-terminal.js';
import type { RunRecord } from './run-record.js';

/** Where a run that wrote acceptance tests keeps each attempt and its findings (src/acceptance/record-tests-run.ts). */
const ACCEPTANCE_RECORD_FILE = 'acceptance-tests.json';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function tokens(record: RunRecord): string {
  const { inputTokens, outputTokens } = record.usage;
  return `${inputTokens?.toLocaleString('en-US') ?? '?'} in / ${outputTokens?.toLocaleString('en-US') ?? '?'} out`;
}

/** What the run spent against which limits, and the budget that stopped it; empty for records without a budget. */
function budgetLines(record: RunRecord): string[] {
  if (!record.spent) return [];
  const limits = record.settings.budget;
  const of = limits
    ? ` (limits: ${limits.maxRequests} requests, ${limits.maxRequestsPerDraft} per draft${limits.maxTokens === null ? '' : `, ${limits.maxTokens.toLocaleString('en-US')} tokens`}${limits.maxCostUsd === null ? '' : `, $${limits.maxCostUsd}`})`
    : '';
  return [`  spent ${describeSpending(record.spent)}${of}${record.stoppedBy ? `; stopped by ${record.stoppedBy}` : ''}`];
}

function cost(record: RunRecord): string {
  const free = record.model ? isFreeModel(record.model.provider, record.model.modelId) : false;
  return describeCost(record.usage.costUsd, free || (record.usage.costBasis?.startsWith('local') ?? false));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A record's outcome as it stands: one still 'running' whose process is gone was interrupted (the
 * CLI was killed or crashed mid-run); without its process id (older records), either.
 */
function outcomeNow(record: RunRecord): string {
  if (record.outcome !== 'running' || record.finishedAt !== null) return record.outcome;
  if (record.pid === undefined) return 'running/interrupted';
  return processAlive(record.pid) ? 'running' : 'interrupted';
}

/** One line per run, newest first: id, outcome, deliverable, model, drafts, duration. */
export function formatRunList(records: readonly RunRecord[]): string {
  if (records.length === 0) return 'No runs recorded yet.\n';
  const rows = records.map((record) => {
    const model = record.model ? `${record.model.provider}:${record.model.modelId}` : '-';
    const outcome = outcomeNow(record);
    return [record.id, outcome.padEnd(19), (record.settings.deliverable ?? '-').padEnd(32), model.padEnd(28), `${record.drafts.length} draft(s)`, seconds(record.timings.totalMs)].join('  ');
  });
  return `${rows.map(escapeTerminal).join('\n')}\n`;
}

function callLine(call: RunRecord['calls'][number]): string {
  return `  ${call.index}. ${call.role === 'test-writer' ? 'test writer, ' : ''}round ${call.round} ${call.kind} ${call.candidate}${call.request > 1 ? ` (request ${call.request})` : ''}: ${call.finishReason}, ${call.inputTokens?.toLocaleString('en-US') ?? '?'} in / ${call.outputTokens?.toLocaleString('en-US') ?? '?'} out, ${seconds(call.durationMs)}${call.continuations ? `, ${call.continuations} continuation(s)` : ''}`;
}

function draftLines(draft: RunRecord['drafts'][number]): string[] {
  return [
    `  round ${draft.round} candidate ${draft.candidate}: ${draft.passed ? 'passed' : 'failed'} (${draft.errors} error(s), ${draft.warnings} warning(s)), ${draft.lines} lines${draft.stripped ? `; ${draft.stripped}` : ''}`,
    ...draft.findings.filter((finding) => finding.severity === 'error').slice(0, 10).map((finding) => `    ${finding.checkId}${finding.line > 0 ? ` line ${finding.line}` : ''}: ${finding.message}`),
  ];
}

/** A path as one shell word. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that repairs on from a run that was not delivered: its inputs, and `--from-draft` its
 * best draft (the saved failing draft, or for a cancelled run the recorded draft with fewest errors).
 */
function resumeCommand(record: RunRecord, dir: string): string | null {
  if (record.outcome === 'delivered' || record.outcome === 'dry-run' || !record.inputs.design) return null;
  const best = record.failingDraftFile ?? [...record.drafts].sort((a, b) => a.errors - b.errors || a.warnings - b.warnings)[0]?.file;
  if (!best) return null;
  const words = ['backsmith', 'generate', '--design', record.inputs.design.path];
  if (record.inputs.stories) words.push('--stories', record.inputs.stories.path);
  if (record.inputs.requirements) words.push('--requirements', record.inputs.requirements.path);
  if (record.inputs.tests.length > 0) words.push('--tests', ...record.inputs.tests.map((test) => test.path));
  if (record.model) words.push('--model', `${record.model.provider}:${record.model.modelId}`);
  words.push('--from-draft', path.join(dir, best));
  return words.map(shellWord).join(' ');
}

function headline(record: RunRecord): string {
  const outcome = outcomeNow(record);
  if (outcome === 'interrupted') return `interrupted (its backsmith process, pid ${record.pid}, ended before the run did: killed or crashed)`;
  return `${outcome}${record.reason ? ` (${record.reason})` : ''}`;
}

/**
 * A run's story for people: outcome and why, inputs, each call and draft, totals, files. A dry
 * run shows its prompt estimate instead of the loop's settings, spend, calls and drafts, none of
 * which it had.
 */
export function formatRun(record: RunRecord, dir: string): string {
  const dry = record.dryRun !== undefined && record.dryRun !== null;
  const took = record.finishedAt && !dry ? `, took ${seconds(record.timings.totalMs)} (model ${seconds(record.timings.modelMs)}, verify ${seconds(record.timings.verifyMs)}, other ${seconds(record.timings.backsmithMs)})` : '';
  const lines = [
    `Run ${record.id}: ${headline(record)}`,
    `  started ${record.startedAt}${took}`,
    `  model ${record.model ? `${record.model.provider}:${record.model.modelId}` : '-'}; agent ${record.agent?.name ?? '-'}${dry ? '' : `; ${record.settings.maxRounds} repair round(s) max, ${record.settings.candidates} candidate(s)`}`,
    `  design ${record.inputs.design?.path ?? '-'}; stories ${record.inputs.stories?.path ?? '-'}${record.inputs.requirements ? `; requirements ${record.inputs.requirements.path}` : ''}${record.inputs.tests.length > 0 ? `; tests ${record.inputs.tests.map((test) => test.path).join(', ')}` : ''}${record.inputs.fromDraft ? `; from draft ${record.inputs.fromDraft.path}` : ''}`,
    ...(dry ? [] : [`  tokens ${tokens(record)}; ${cost(record)}`, ...budgetLines(record)]),
  ];
  if (!dry) {
    lines.push('', record.calls.length > 0 ? 'Calls:' : 'Calls: none', ...record.calls.map(callLine));
    // A `backsmith tests` run has no module drafts: its attempts are test files, recorded apart.
    const testWriterOnly = record.calls.length > 0 && record.calls.every((call) => call.role === 'test-writer');
    const none = testWriterOnly ? `Drafts: none (the test files written: ${path.join(dir, ACCEPTANCE_RECORD_FILE)})` : 'Drafts: none';
    lines.push('', record.drafts.length > 0 ? 'Drafts:' : none, ...record.drafts.flatMap(draftLines));
  }
  if (record.dryRun) {
    const { dryRun } = record;
    const fit = dryRun.fits === null ? 'fit to a context window not checked' : dryRun.fits.ok ? `fits the ${dryRun.fits.contextWindow.toLocaleString('en-US')}-token context window` : `does NOT fit: ${dryRun.fits.reason}`;
    lines.push('', `Dry run: nothing was sent; first prompt about ${dryRun.estimatedTokens.toLocaleString('en-US')} tokens (${dryRun.sections.map((section) => `${section.name} ${section.tokens.toLocaleString('en-US')}`).join(', ')}); ${fit}`, `Prompt: ${path.join(dir, dryRun.promptFile)}`);
  }
  if (record.delivered) lines.push('', `Delivered: ${record.delivered.path}${record.delivered.unchanged ? ' (it already held this module: left untouched, no backup)' : record.delivered.backupPath ? ` (previous file kept as ${record.delivered.backupPath})` : ''}`);
  if (record.failingDraftFile) lines.push('', `Best draft (FAILING, not delivered): ${path.join(dir, record.failingDraftFile)}`);
  const resume = resumeCommand(record, dir);
  if (resume) lines.push(`To go on from it: ${resume}`);
  lines.push(`Record: ${path.join(dir, 'run.json')}`);
  // Reasons and findings quote providers' replies and the module's strings: terminal controls in them are shown, not obeyed.
  return `${lines.map(escapeTerminal).join('\n')}\n`;
}
