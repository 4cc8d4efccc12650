/** Stable ids of the `types/` checks, each owning a family of pyright rules. */
export const TYPE_CHECK_IDS = [
  'types/argument-type', 'types/return-type', 'types/undefined-name', 'types/optional-access', 'types/attribute-access', 'types/other',
] as const;

/** One of `TYPE_CHECK_IDS`. */
export type TypeCheckId = (typeof TYPE_CHECK_IDS)[number];

/** One diagnostic of pyright on one module, with the backsmith check that reports it. */
export interface TypeFinding {
  checkId: TypeCheckId;
  /** pyright's rule (`reportArgumentType`); null for a diagnostic without one (e.g. a syntax error). */
  rule: string | null;
  /** pyright's message, first line and details joined by ` — `. */
  message: string;
  /** 1-based line and column where pyright's range starts, and where it ends. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  /** The class member the finding is about, when a cause was found (`Portfolio.positions`). */
  symbol?: string;
  /** A hint specific to this finding's cause; the check's own hint otherwise. */
  hint?: string;
}

const RULE_IDS: Record<string, TypeCheckId> = {
  reportArgumentType: 'types/argument-type',
  reportCallIssue: 'types/argument-type',
  reportReturnType: 'types/return-type',
  reportUndefinedVariable: 'types/undefined-name',
  reportOptionalMemberAccess: 'types/optional-access',
  reportOptionalSubscript: 'types/optional-access',
  reportOptionalIterable: 'types/optional-access',
  reportOptionalCall: 'types/optional-access',
  reportOptionalOperand: 'types/optional-access',
  reportOptionalContextManager: 'types/optional-access',
  reportAttributeAccessIssue: 'types/attribute-access',
  reportFunctionMemberAccess: 'types/attribute-access',
};

/** The check that reports a pyright rule; rules without a check of their own go to `types/other`. */
export function typeCheckIdFor(rule: string | null): TypeCheckId {
  return (rule !== null ? RULE_IDS[rule] : undefined) ?? 'types/other';
}

/** A diagnostic as pyright's language server publishes it (LSP `Diagnostic`). */
export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** 1 error, 2 warning, 3 information, 4 hint. */
  severity?: number;
  code?: string | number;
  message: string;
}

const SEVERITIES = { 1: 'error', 2: 'warning', 3: 'info' } as const;

/** Maps pyright's diagnostics to type findings; hints (unused or unreachable code) are not findings. */
export function toTypeFindings(diagnostics: readonly LspDiagnostic[]): TypeFinding[] {
  const findings: TypeFinding[] = [];
  for (const diagnostic of diagnostics) {
    const severity = SEVERITIES[(diagnostic.severity ?? 1) as 1 | 2 | 3];
    if (!severity) continue;
    const rule = typeof diagnostic.code === 'string' ? diagnostic.code : null;
    const [first = '', ...details] = diagnostic.message.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    findings.push({
      checkId: typeCheckIdFor(rule),
      rule,
      message: details.length > 0 ? `${first} — ${details.slice(0, 3).join('; ')}` : first,
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
      severity,
    });
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
