import { assemblePrompt, taskSections, type GenerationPromptInput } from '../prompt/build-generation-prompt.js';
import type { ModelPrompt } from '../prompt/model-prompt.js';
import { repairContract } from '../prompt/output-contract.js';
import type { Finding } from '../verify/finding.js';
import { codeExcerpt } from './code-excerpt.js';
import type { Draft } from './draft.js';

/** Limits that keep a repair prompt compact however many findings a draft has. */
export interface RepairPromptLimits {
  /** Findings listed in full (the rest are counted). */
  maxFindings: number;
  /** Findings of one check listed in full (a flood of one kind is summarised). */
  maxPerCheck: number;
}

/** Default limits: enough for every distinct problem, short enough to keep the model focused. */
export const DEFAULT_REPAIR_LIMITS: RepairPromptLimits = { maxFindings: 30, maxPerCheck: 6 };

function indent(text: string): string {
  return text.split('\n').map((line) => `   ${line}`).join('\n');
}

function describeFinding(finding: Finding, index: number, lines: readonly string[]): string {
  const where = [finding.line > 0 ? `line ${finding.line}` : 'whole module', finding.symbol ? `\`${finding.symbol}\`` : null].filter(Boolean).join(', ');
  const parts = [`${index}. ${finding.checkId} (${where})`, indent(finding.message)];
  const excerpt = codeExcerpt(lines, finding.line);
  if (excerpt) parts.push(indent(excerpt));
  parts.push(indent(`Fix: ${finding.hint}`));
  return parts.join('\n');
}

/**
 * The findings part of a repair prompt: each error finding with its check id, line, symbol,
 * message, a short numbered excerpt of the code around the line and the fix hint.
 */
export function formatRepairFindings(findings: readonly Finding[], code: string, deliverable: string, limits: RepairPromptLimits = DEFAULT_REPAIR_LIMITS): string {
  const errors = findings.filter((finding) => finding.severity === 'error');
  const lines = code.split('\n');
  const perCheck = new Map<string, number>();
  const listed: string[] = [];
  const omitted = new Map<string, number[]>();
  for (const finding of errors) {
    const seen = perCheck.get(finding.checkId) ?? 0;
    perCheck.set(finding.checkId, seen + 1);
    if (seen < limits.maxPerCheck && listed.length < limits.maxFindings) listed.push(describeFinding(finding, listed.length + 1, lines));
    else omitted.set(finding.checkId, [...(omitted.get(finding.checkId) ?? []), finding.line]);
  }
  const header = `backsmith verified your \`${deliverable}\` above and found ${errors.length} problem${errors.length === 1 ? '' : 's'} that must be fixed:`;
  const rest = [...omitted].map(([checkId, at]) => `- ${at.length} more ${checkId} finding${at.length === 1 ? '' : 's'} (lines ${at.slice(0, 12).join(', ')}${at.length > 12 ? ', …' : ''}): fix them the same way.`);
  return ['# Problems to fix', '', header, '', listed.join('\n\n'), ...(rest.length > 0 ? ['', ...rest] : [])].join('\n');
}

/**
 * The request for a repair round: the original task (design, stories, checklist) as the user's
 * message, the current draft as the assistant's reply, then the findings and the repair contract.
 * Earlier rounds are not replayed: only the draft being repaired and what is wrong with it.
 */
export function buildRepairPrompt(task: GenerationPromptInput, draft: Pick<Draft, 'code' | 'report'>, limits?: RepairPromptLimits): ModelPrompt {
  const deliverable = task.checklist.deliverable;
  return assemblePrompt(task.agent.prompt, [
    { role: 'user', sections: taskSections(task) },
    { role: 'assistant', sections: [{ name: 'draft', text: draft.code }] },
    {
      role: 'user',
      sections: [
        { name: 'findings', text: formatRepairFindings(draft.report.findings, draft.code, deliverable, limits) },
        { name: 'contract', text: repairContract(deliverable) },
      ],
    },
  ]);
}
