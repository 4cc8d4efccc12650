import { assemblePrompt, taskSections, type GenerationPromptInput } from '../prompt/build-generation-prompt.js';
import type { ModelPrompt } from '../prompt/model-prompt.js';
import { repairContract } from '../prompt/output-contract.js';
import type { Finding } from '../verify/finding.js';
import { codeExcerpt } from './code-excerpt.js';
import type { Draft } from './draft.js';
import { CAUSE_ORDER, causeKind, criterionOf, type CauseKind } from './finding-cause.js';
import { modelHint } from './model-hint.js';

/** Limits that keep a repair prompt compact however many findings a draft has. */
export interface RepairPromptLimits {
  /** Findings listed in full (the rest are counted). */
  maxFindings: number;
  /** Findings of one check listed in full (a flood of one kind is summarised). */
  maxPerCheck: number;
  /**
   * Characters of the findings text (header and headings included) beyond which further findings are
   * only counted; the first finding of each kind is always listed.
   */
  maxChars: number;
}

/** Default limits: every kind of problem shown; findings and the repair contract within about 2 KB. */
export const DEFAULT_REPAIR_LIMITS: RepairPromptLimits = { maxFindings: 30, maxPerCheck: 6, maxChars: 1800 };

/** Longest message shown for one finding (assertion messages can run long). */
const MAX_MESSAGE_CHARS = 240;
/** Lines listed for findings only counted. */
const MAX_LISTED_LINES = 8;

function clip(text: string, length: number): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > length ? `${single.slice(0, length - 1)}…` : single;
}

/** The assertion part of a tests/* message (`Acceptance test NAME (…) failed: MESSAGE` → MESSAGE). */
function testMessage(finding: Finding): string {
  const label = `Acceptance test ${finding.symbol ?? ''}`;
  if (!finding.symbol || !finding.message.startsWith(label)) return finding.message;
  const rest = finding.message.slice(label.length);
  const failed = rest.indexOf(' failed: ');
  if (failed >= 0) return rest.slice(failed + ' failed: '.length);
  const raised = rest.indexOf(' raised an error: ');
  return raised >= 0 ? rest.slice(raised + 1) : finding.message;
}

function describeTest(finding: Finding, same: readonly Finding[]): string {
  const criterion = criterionOf(finding.symbol);
  if (same.length > 0) {
    // Tests failing with one and the same message share a cause: one line, their criteria listed.
    const all = [finding, ...same];
    const criteria = [...new Set(all.map((test) => criterionOf(test.symbol) ?? test.symbol ?? '?'))];
    const shown = `${criteria.slice(0, MAX_LISTED_LINES).join(', ')}${criteria.length > MAX_LISTED_LINES ? ', …' : ''}`;
    return `- ${all.length} tests (${shown}), each: ${clip(testMessage(finding), MAX_MESSAGE_CHARS)}`;
  }
  const name = finding.symbol ? `\`${finding.symbol}\`` : 'a test';
  return `- ${criterion ? `${criterion} ` : ''}${name}: ${clip(testMessage(finding), MAX_MESSAGE_CHARS)}`;
}

/** Failing tests with the same message, keyed by the first of them (the others are not listed apart). */
function mergeSameTestMessages(findings: Finding[]): { findings: Finding[]; same: Map<Finding, Finding[]> } {
  const first = new Map<string, Finding>();
  const same = new Map<Finding, Finding[]>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const key = finding.symbol ? testMessage(finding) : null;
    const leader = key === null ? undefined : first.get(key);
    if (leader) same.get(leader)!.push(finding);
    else {
      if (key !== null) first.set(key, finding);
      same.set(finding, []);
      kept.push(finding);
    }
  }
  return { findings: kept, same };
}

function describeFinding(finding: Finding, lines: readonly string[], same: readonly Finding[] = []): string {
  if (causeKind(finding) === 'tests' && finding.symbol) return describeTest(finding, same);
  const where = [finding.line > 0 ? `line ${finding.line}` : null, finding.symbol ? `\`${finding.symbol}\`` : null].filter(Boolean).join(', ');
  const parts = [`- ${finding.checkId}${where ? ` (${where})` : ''}: ${clip(finding.message, MAX_MESSAGE_CHARS)}`];
  const excerpt = codeExcerpt(lines, finding.line, 0);
  if (excerpt) parts.push(`  ${excerpt}`);
  return parts.join('\n');
}

function omittedLine(kind: CauseKind, omitted: Finding[]): string {
  if (kind === 'tests') {
    const criteria = [...new Set(omitted.map((finding) => criterionOf(finding.symbol)).filter((id): id is string => id !== null))];
    const shown = criteria.slice(0, MAX_LISTED_LINES).join(', ');
    return `- and ${omitted.length} more failing test${omitted.length === 1 ? '' : 's'}${shown ? ` (${shown}${criteria.length > MAX_LISTED_LINES ? ', …' : ''})` : ''}.`;
  }
  const lines = [...new Set(omitted.map((finding) => finding.line).filter((line) => line > 0))];
  const where = lines.length > 0 ? ` (line${lines.length === 1 ? '' : 's'} ${lines.slice(0, MAX_LISTED_LINES).join(', ')}${lines.length > MAX_LISTED_LINES ? ', …' : ''})` : '';
  return `- and ${omitted.length} more of the same kind${where}: fix them the same way.`;
}

/** Failing tests sort by criterion (US-001 AC1 before US-001 AC2); tests without one come last. */
function criterionRank(finding: Finding): string {
  const criterion = criterionOf(finding.symbol);
  return criterion ? criterion.replace(/AC(\d+)/, (_, number: string) => `AC${number.padStart(3, '0')}`) : '\uffff';
}

/** Error findings grouped by cause kind, in cause order; each group's findings by check, then line. */
function groupByCause(findings: readonly Finding[]): { kind: CauseKind; heading: string; findings: Finding[] }[] {
  const errors = findings.filter((finding) => finding.severity === 'error');
  const checkOrder = new Map<string, number>();
  for (const finding of errors) if (!checkOrder.has(finding.checkId)) checkOrder.set(finding.checkId, checkOrder.size);
  return CAUSE_ORDER.map(({ kind, heading }) => ({
    kind,
    heading,
    findings: errors
      .filter((finding) => causeKind(finding) === kind)
      .sort((a, b) => checkOrder.get(a.checkId)! - checkOrder.get(b.checkId)! || (a.line || Infinity) - (b.line || Infinity) || criterionRank(a).localeCompare(criterionRank(b))),
  })).filter((group) => group.findings.length > 0);
}

/**
 * The findings part of a repair prompt: error findings grouped by cause, causes first (syntax and
 * imports, undefined names, design, contract and stories, others) and failing acceptance tests last,
 * each test with its criterion id and assertion message. Each finding shows its line (when known) and
 * code; each fix hint, written for the model, once. Beyond `maxChars` further findings of a group are
 * counted ("and N more of the same kind"); the first of every group is always listed.
 */
export function formatRepairFindings(findings: readonly Finding[], code: string, deliverable: string, limits: RepairPromptLimits = DEFAULT_REPAIR_LIMITS): string {
  const lines = code.split('\n');
  const groups = groupByCause(findings);
  const total = groups.reduce((sum, group) => sum + group.findings.length, 0);
  const hintsGiven = new Set<string>();
  const render = (finding: Finding, same: readonly Finding[]): { text: string; hint: string } => {
    const hint = modelHint(finding);
    return { text: describeFinding(finding, lines, same), hint: hint && !hintsGiven.has(hint) ? `  Fix: ${hint}` : '' };
  };
  // The first finding of every group is listed whatever the size: reserve room for those first.
  let reserved = groups.reduce((sum, group) => sum + describeFinding(group.findings[0]!, lines).length + 1, 0);
  // The header and the group headings count against the limit too: it bounds the whole text.
  let used = 160 + groups.reduce((sum, group, index) => sum + `## ${index + 1}. ${group.heading}`.length + 2, 0);
  let listed = 0;
  const sections: string[] = [];
  groups.forEach((group, index) => {
    const out: string[] = [`## ${index + 1}. ${group.heading}`];
    const perCheck = new Map<string, number>();
    const omitted: Finding[] = [];
    const merged = group.kind === 'tests' ? mergeSameTestMessages(group.findings) : { findings: group.findings, same: new Map<Finding, Finding[]>() };
    merged.findings.forEach((finding, position) => {
      const seen = perCheck.get(finding.checkId) ?? 0;
      const same = merged.same.get(finding) ?? [];
      const { text, hint } = render(finding, same);
      const size = text.length + hint.length + 2;
      const first = position === 0;
      if (first) reserved -= describeFinding(finding, lines).length + 1;
      const fits = first || (seen < limits.maxPerCheck && listed < limits.maxFindings && used + reserved + size <= limits.maxChars);
      if (!fits) return void omitted.push(finding, ...same);
      perCheck.set(finding.checkId, seen + 1);
      listed++;
      used += size;
      out.push(hint ? `${text}\n${hint}` : text);
      if (hint) hintsGiven.add(hint.slice('  Fix: '.length));
    });
    if (omitted.length > 0) out.push(omittedLine(group.kind, omitted));
    sections.push(out.join('\n'));
  });
  const header = `backsmith verified your \`${deliverable}\` above and found ${total} problem${total === 1 ? '' : 's'} that must be fixed, listed causes first:`;
  return ['# Problems to fix', '', header, '', sections.join('\n\n')].join('\n');
}

/** Lines of a module's text, a trailing newline not counted. */
function lineCount(code: string): number {
  return code.split('\n').length - (code.endsWith('\n') ? 1 : 0);
}

/**
 * Why the model sees its older draft again: its last reply was verified and came out worse. A reply
 * much shorter than the draft is most likely a fragment (only the changed part): say so.
 */
function rejectedNote(draft: Pick<Draft, 'code' | 'report'>, rejected: Pick<Draft, 'code' | 'report' | 'round'>, deliverable: string): string {
  const [was, now] = [lineCount(rejected.code), lineCount(draft.code)];
  const fragment = was * 2 < now ? ` It had ${was} lines against this draft's ${now}: send the whole file, every class and method, not only what changed.` : '';
  const unparsable = rejected.report.findings.some((finding) => finding.checkId === 'syntax/invalid-python' && finding.severity === 'error');
  const worse = unparsable
    ? `was not valid Python (a diff, a snippet or a syntax error), so most checks could not run on it`
    : `had ${rejected.report.summary.errors} error(s), more than the ${draft.report.summary.errors} of the \`${deliverable}\` above`;
  return `# Your last reply was not used

Your reply in repair round ${rejected.round} ${worse}, so this draft is repaired again.${fragment}`;
}

/**
 * The request for a repair round: the original task (design, stories, checklist) as the user's
 * message, the current draft as the assistant's reply, then the findings and the repair contract.
 * Earlier rounds are not replayed: only the draft being repaired and what is wrong with it, and
 * (`rejected`) that the last reply came out worse and was not used.
 */
export function buildRepairPrompt(task: GenerationPromptInput, draft: Pick<Draft, 'code' | 'report'>, limits?: RepairPromptLimits, rejected?: Pick<Draft, 'code' | 'report' | 'round'>): ModelPrompt {
  const deliverable = task.checklist.deliverable;
  const findings = formatRepairFindings(draft.report.findings, draft.code, deliverable, limits);
  return assemblePrompt(task.agent.prompt, [
    { role: 'user', sections: taskSections(task) },
    { role: 'assistant', sections: [{ name: 'draft', text: draft.code }] },
    {
      role: 'user',
      sections: [
        { name: 'findings', text: rejected ? `${rejectedNote(draft, rejected, deliverable)}\n\n${findings}` : findings },
        { name: 'contract', text: repairContract(deliverable) },
      ],
    },
  ]);
}
