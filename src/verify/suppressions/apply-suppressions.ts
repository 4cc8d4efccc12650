import type { BacksmithConfig } from '../../config/config-schema.js';
import type { PythonModule } from '../../python/python-model.js';
import type { Finding } from '../finding.js';
import { matchesSelector } from './check-selectors.js';
import { readSuppressionDirectives, type SuppressionDirective } from './suppression-comments.js';
import { isNeverWaived, isWaivableByComment } from './waivable.js';

/** What waived a finding. */
export interface SuppressionReason {
  /** `select`/`ignore`: the configuration or command line; `line`/`file`: a `# backsmith:` comment; `noqa`: Ruff's comment; `type-ignore`: pyright's. */
  kind: 'select' | 'ignore' | 'line' | 'file' | 'noqa' | 'type-ignore';
  /** The selector or comment that waived it, e.g. `ignore safety/`, `# backsmith: ignore[safety/eval]`. */
  text: string;
  /** Line of the comment, for comment suppressions. */
  line?: number;
}

/** A finding that was found and then waived, with what waived it. */
export interface SuppressedFinding extends Finding {
  suppressedBy: SuppressionReason;
}

/** Findings split into those reported and those waived. */
export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/** The code of a `quality/lint` finding (its message starts with it: `F401 ...`). */
function lintCode(finding: Finding): string | null {
  return finding.checkId === 'quality/lint' ? finding.message.split(' ', 1)[0] ?? null : null;
}

function commentReason(finding: Finding, directives: SuppressionDirective[]): SuppressionReason | null {
  if (!isWaivableByComment(finding.checkId)) return null;
  for (const directive of directives) {
    // pyright drops what it waives before backsmith sees it: nothing of backsmith's to match.
    if (directive.kind === 'type-ignore') continue;
    if (directive.kind === 'noqa') {
      const code = lintCode(finding);
      if (code !== null && directive.line === finding.line && (directive.ids.length === 0 || directive.ids.includes(code))) return { kind: 'noqa', text: directive.text, line: directive.line };
      continue;
    }
    if (directive.kind === 'line' && directive.line !== finding.line) continue;
    if (directive.ids.some((selector) => matchesSelector(finding.checkId, selector))) return { kind: directive.kind, text: directive.text, line: directive.line };
  }
  return null;
}

function selectionReason(finding: Finding, config: BacksmithConfig): SuppressionReason | null {
  const { select, ignore } = config;
  const { include, exclude } = config.checks;
  if (select.length > 0 && !select.some((selector) => matchesSelector(finding.checkId, selector))) return { kind: 'select', text: `not in select [${select.join(', ')}]` };
  // The configuration's `checks.include`/`checks.exclude` waive like select/ignore, so what they hide is counted too.
  if (include.length > 0 && !include.some((selector) => matchesSelector(finding.checkId, selector))) return { kind: 'select', text: `not in checks.include [${include.join(', ')}]` };
  const ignored = ignore.find((selector) => matchesSelector(finding.checkId, selector));
  if (ignored) return { kind: 'ignore', text: `ignore ${ignored}` };
  const excluded = exclude.find((selector) => matchesSelector(finding.checkId, selector));
  return excluded ? { kind: 'ignore', text: `checks.exclude ${excluded}` } : null;
}

/**
 * Waives findings by the configuration's `select`/`ignore` (and `checks.include`/`checks.exclude`) and, unless `honourComments` is false
 * (a model's draft may not waive its own errors), by the module's suppression comments. The comments by which Ruff or
 * pyright (`typesChecked`) drop diagnostics before backsmith sees them are listed as waivers too.
 */
export function applySuppressions(findings: Finding[], module: PythonModule, config: BacksmithConfig, honourComments = true, typesChecked = false): SuppressionOutcome {
  const directives = honourComments ? readSuppressionDirectives(module) : [];
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    if (isNeverWaived(finding.checkId)) {
      kept.push(finding);
      continue;
    }
    const reason = selectionReason(finding, config) ?? (directives.length > 0 ? commentReason(finding, directives) : null);
    if (reason) suppressed.push({ ...finding, suppressedBy: reason });
    else kept.push(finding);
  }
  // Ruff drops the diagnostics a `# noqa` waives before backsmith sees them: the comment itself is listed.
  for (const directive of directives) {
    if (directive.kind !== 'noqa') continue;
    suppressed.push({
      checkId: 'quality/lint', category: 'quality', severity: 'warning', line: directive.line, hint: 'Remove the `# noqa` comment to see what it hides.',
      message: `Ruff diagnostics ${directive.ids.length > 0 ? directive.ids.join(', ') : '(every code)'} on this line are waived by \`${directive.text}\``,
      suppressedBy: { kind: 'noqa', text: directive.text, line: directive.line },
    });
  }
  // pyright drops the type errors of a `# type: ignore` / `# pyright: ignore` line, when types were checked at all.
  for (const directive of typesChecked ? directives : []) {
    if (directive.kind !== 'type-ignore') continue;
    suppressed.push({
      checkId: 'types/other', category: 'types', severity: 'warning', line: directive.line, hint: 'Remove the comment to see what it hides.',
      message: `pyright's type errors ${directive.ids.length > 0 ? `(${directive.ids.join(', ')}) ` : ''}on this line are waived by \`${directive.text}\``,
      suppressedBy: { kind: 'type-ignore', text: directive.text, line: directive.line },
    });
  }
  suppressed.sort((a, b) => a.line - b.line);
  return { findings: kept, suppressed };
}
