import path from 'node:path';
import { escapeTerminal } from '../report/escape-terminal.js';
import { formatAcceptanceLine } from '../acceptance/format-acceptance.js';
import { describeCost, isFreeModel } from '../model/estimate-cost.js';
import type { GenerateResult } from './generate-types.js';

/** Error findings shown in the summary; the run record holds them all. */
const SHOWN_ERRORS = 10;

function relative(file: string): string {
  const shown = path.relative(process.cwd(), file);
  return shown && !shown.startsWith('..') ? shown : file;
}

function usage(result: GenerateResult): string {
  const { inputTokens, outputTokens, costUsd } = result.usage;
  // A run stopped before its first request (a budget, --from-draft's first draft) spent nothing: not "? tokens, cost unknown".
  if (result.spent?.requests === 0) return 'no model request made, nothing spent';
  const tokens = `${inputTokens?.toLocaleString('en-US') ?? '?'} tokens in / ${outputTokens?.toLocaleString('en-US') ?? '?'} out`;
  return `${tokens}; ${describeCost(costUsd, isFreeModel(result.model.provider, result.model.modelId))}`;
}

/** The human summary `backsmith generate` prints on stdout. */
export function formatGenerateResult(result: GenerateResult): string {
  const lines: string[] = [];
  if (result.outcome === 'delivered') {
    lines.push(`✔ Delivered ${relative(result.deliverable.path)} (${result.reason})`);
    if (result.backupPath) lines.push(`  previous file kept as ${relative(result.backupPath)}`);
  } else if (result.outcome === 'cancelled') {
    lines.push(`✘ Cancelled: nothing was delivered (${result.reason})`);
  } else {
    lines.push(`✘ Not delivered: ${escapeTerminal(result.reason)}`);
    if (result.failingDraftPath) {
      lines.push(`  best draft (FAILING verification, not at the deliverable path): ${relative(result.failingDraftPath)}`);
      for (const finding of result.remainingErrors.slice(0, SHOWN_ERRORS)) {
        lines.push(`    ${finding.checkId}${finding.line > 0 ? ` line ${finding.line}` : ''}: ${escapeTerminal(finding.message)}`);
      }
      if (result.remainingErrors.length > SHOWN_ERRORS) lines.push(`    … and ${result.remainingErrors.length - SHOWN_ERRORS} more`);
      lines.push(`  to go on from it rather than start over: the same command with --from-draft ${relative(result.failingDraftPath)}`);
    }
  }
  for (const gap of result.notChecked ?? []) lines.push(`  not checked: ${gap}`);
  const drafts = result.drafts.map((draft) => `${draft.round === 0 ? `draft ${draft.candidate}` : `round ${draft.round}`} ${draft.passed ? 'passed' : `${draft.errors} error(s)`}`);
  if (drafts.length > 0) lines.push(`  drafts: ${drafts.join(' → ')}`);
  if (result.acceptanceTests) lines.push(`  ${formatAcceptanceLine(result.acceptanceTests)}`);
  lines.push(`  ${result.model.provider}:${result.model.modelId}, agent ${result.agent}; ${usage(result)}; ${(result.durationMs / 1000).toFixed(1)} s`);
  lines.push(`  run record: ${relative(result.runDir)} (backsmith runs show ${result.runId})${result.reportPage ? `; report page ${relative(result.reportPage)}` : ''}`);
  return `${lines.join('\n')}\n`;
}
