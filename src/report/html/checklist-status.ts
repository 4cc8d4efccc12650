import type { SpecChecklist } from '../../prompt/spec-checklist.js';
import type { Finding } from '../../verify/finding.js';
import type { ModuleReport } from '../../verify/verify-module.js';

/** One line of the design checklist with its verdict on the module. */
export interface ChecklistItem {
  /** `Signatures`, `Constants`, `Exceptions`, `Messages`, `Response`, `Dependencies`. */
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
  Constants: ['design/missing-constant', 'design/constant-value'],
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

/** Adds `finding` to `index` under `key`. */
function file(index: Map<string, Finding[]>, key: string, finding: Finding): void {
  const entries = index.get(key);
  if (entries) entries.push(finding);
  else index.set(key, [finding]);
}

/**
 * The findings of the judging checks, indexed once so each item is looked up, not searched for:
 * by the first one and two parts of their symbol (`Shop.buy.x` under `Shop` and `Shop.buy`) and
 * by the message a stories/ finding quotes.
 */
function indexFindings(findings: Finding[]) {
  const bySymbol = new Map<string, Finding[]>();
  const byMessage = new Map<string, Finding[]>();
  const byGroup = new Map<string, Finding[]>();
  const groupOf = new Map(Object.entries(JUDGES).flatMap(([group, ids]) => ids.map((id) => [id, group] as const)));
  for (const finding of findings) {
    const group = groupOf.get(finding.checkId);
    if (!group) continue;
    file(byGroup, group, finding);
    if (finding.symbol !== undefined) {
      // Checklist items name at most `Owner.member`; deeper prefixes are never looked up.
      const parts = finding.symbol.split('.', 2);
      file(bySymbol, `${group}\u0000${parts[0]}`, finding);
      if (parts.length > 1) file(bySymbol, `${group}\u0000${parts[0]}.${parts[1]}`, finding);
    }
    const quoted = quotedExpectation(finding);
    if (quoted !== null) file(byMessage, `${group}\u0000${quoted}`, finding);
  }
  return {
    /** Findings about `symbol` or a member of it; a missing class also fails each of its methods. */
    about(group: string, symbol: string): Finding[] {
      const own = bySymbol.get(`${group}\u0000${symbol}`) ?? [];
      const owner = symbol.split('.')[0]!;
      const missingOwner = owner === symbol ? [] : (bySymbol.get(`${group}\u0000${owner}`) ?? []).filter((finding) => finding.checkId === 'design/missing-class' && finding.symbol === owner);
      return [...own, ...missingOwner];
    },
    quoting: (group: string, text: string) => byMessage.get(`${group}\u0000${text}`) ?? [],
    all: (group: string) => byGroup.get(group) ?? [],
  };
}

/**
 * The design checklist (`checklistFromSpec`) judged against a module's report: each item is met,
 * unmet (with the findings that say so) or unchecked (the checks that judge it did not run).
 */
export function checklistStatus(checklist: SpecChecklist, module: ModuleReport): ChecklistItem[] {
  const ran = new Set(module.checks.filter((check) => check.status !== 'skipped').map((check) => check.id));
  const index = indexFindings(module.findings);
  const items: ChecklistItem[] = [];
  const add = (group: string, text: string, findings: Finding[]) => {
    const status = findings.length > 0 ? 'unmet' : JUDGES[group]!.some((id) => ran.has(id)) ? 'met' : 'unchecked';
    items.push({ group, text, status, findings });
  };
  if (checklist.primaryClass) add('Signatures', `main class ${checklist.primaryClass}`, index.about('Signatures', checklist.primaryClass));
  for (const signature of checklist.signatures) add('Signatures', signature, index.about('Signatures', signatureSymbol(signature)));
  // The prompt lists these too: bare classes (design/missing-class) and constants (design/missing-constant, by name).
  for (const name of checklist.classes ?? []) add('Signatures', `class ${name}`, index.about('Signatures', name));
  for (const constant of checklist.constants ?? []) add('Constants', constant, index.about('Constants', constant.split(' = ', 1)[0]!));
  for (const exception of checklist.exceptions) {
    add('Exceptions', `${exception.name}${exception.base ? `(${exception.base})` : ''}${exception.codes.length > 0 ? ` codes ${exception.codes.join(', ')}` : ''}`, index.about('Exceptions', exception.name));
  }
  // Message findings quote the story's text; placeholders are compared by position, not by spelling.
  for (const message of checklist.messages) add('Messages', `"${message.text}"${message.context ? ` (${message.context})` : ''}`, index.quoting('Messages', placeholderShape(message.text)));
  if (checklist.response) add('Response', `public methods return exactly ${checklist.response.keys.join(', ')}`, index.all('Response'));
  if (checklist.standardLibraryOnly) add('Dependencies', 'standard library only', index.all('Dependencies'));
  else if (checklist.dependencies.length > 0) add('Dependencies', `third-party packages allowed: ${checklist.dependencies.join(', ')}`, index.all('Dependencies'));
  return items;
}
