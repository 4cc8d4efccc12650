import type { SpecChecklist } from '../../prompt/spec-checklist.js';
import type { Finding } from '../../verify/finding.js';
import type { ModuleReport } from '../../verify/verify-module.js';

/** One line of the design checklist with its verdict on the module. */
export interface ChecklistItem {
  /** `Signatures`, `Exceptions`, `Messages`, `Response`, `Dependencies`. */
  group: string;
  text: string;
  /** `met` when the checks that judge it ran and found nothing; `unchecked` when they did not run. */
  status: 'met' | 'unmet' | 'unchecked';
  /** The findings that make it unmet. */
  findings: Finding[];
}

/** Checks that judge each group; an item is unchecked when none of them ran. */
const JUDGES: Record<string, string[]> = {
  Signatures: ['design/missing-class', 'design/missing-method', 'design/missing-function', 'design/signature-mismatch', 'design/return-type-mismatch', 'design/missing-model-field'],
  Exceptions: ['design/missing-exception', 'design/exception-base-mismatch'],
  Messages: ['stories/message-missing', 'stories/message-mismatch'],
  Response: ['contract/response-format', 'contract/response-shape'],
  Dependencies: ['deps/third-party-import'],
};

/** `Class.method` (or `function`, or a model's name) from a checklist signature line. */
function signatureSymbol(signature: string): string {
  const head = signature.replace(/^async\s+/, '');
  const model = /^([A-Za-z_]\w*) \(/.exec(head);
  if (model) return model[1]!;
  return head.split('(', 1)[0]!.trim();
}

/** Placeholders `{name}`, `<name>` and `[name]` all as `{}`, so a story's text meets its template. */
function placeholderShape(text: string): string {
  return text.replace(/\{[^{}]*\}|<[^<>]*>|\[[^[\]]*\]/g, '{}');
}

/** The text a stories/ finding says the story expects (`... expects "TEXT" (stories line N`). */
function quotedExpectation(finding: Finding): string | null {
  const start = finding.message.indexOf(' expects "');
  const end = finding.message.indexOf('" (stories line ', start);
  return start < 0 || end < 0 ? null : placeholderShape(finding.message.slice(start + ' expects "'.length, end));
}

function about(symbol: string): (finding: Finding) => boolean {
  const owner = symbol.split('.')[0]!;
  return (finding) => finding.symbol !== undefined && (finding.symbol === symbol || finding.symbol.startsWith(`${symbol}.`) || (finding.checkId === 'design/missing-class' && finding.symbol === owner));
}

/**
 * The design checklist (`checklistFromSpec`) judged against a module's report: each item is met,
 * unmet (with the findings that say so) or unchecked (the checks that judge it did not run).
 */
export function checklistStatus(checklist: SpecChecklist, module: ModuleReport): ChecklistItem[] {
  const ran = new Set(module.checks.filter((check) => check.status !== 'skipped').map((check) => check.id));
  const items: ChecklistItem[] = [];
  const add = (group: string, text: string, matches: (finding: Finding) => boolean) => {
    const judges = JUDGES[group]!;
    const findings = module.findings.filter((finding) => judges.includes(finding.checkId) && matches(finding));
    const status = findings.length > 0 ? 'unmet' : judges.some((id) => ran.has(id)) ? 'met' : 'unchecked';
    items.push({ group, text, status, findings });
  };
  if (checklist.primaryClass) add('Signatures', `main class ${checklist.primaryClass}`, about(checklist.primaryClass));
  for (const signature of checklist.signatures) add('Signatures', signature, about(signatureSymbol(signature)));
  for (const exception of checklist.exceptions) {
    add('Exceptions', `${exception.name}${exception.base ? `(${exception.base})` : ''}${exception.codes.length > 0 ? ` codes ${exception.codes.join(', ')}` : ''}`, about(exception.name));
  }
  // Message findings quote the story's text; placeholders are compared by position, not by spelling.
  for (const message of checklist.messages) {
    const expected = placeholderShape(message.text);
    add('Messages', `"${message.text}"${message.context ? ` (${message.context})` : ''}`, (finding) => quotedExpectation(finding) === expected);
  }
  if (checklist.response) add('Response', `public methods return exactly ${checklist.response.keys.join(', ')}`, () => true);
  if (checklist.standardLibraryOnly) add('Dependencies', 'standard library only', () => true);
  else if (checklist.dependencies.length > 0) add('Dependencies', `third-party packages allowed: ${checklist.dependencies.join(', ')}`, () => true);
  return items;
}
