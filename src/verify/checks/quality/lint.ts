import type { LintDiagnostic } from '../../../python/ruff-lint.js';
import { defineCheck, type CheckReport } from '../../check.js';

/**
 * Ruff codes that are bugs, not style: reported at `error`. Undefined or redefined names, literal
 * identity comparisons, repeated dict keys, statements outside their construct, mutable defaults,
 * and syntax Ruff rejects for the target Python version (`invalid-syntax`, formerly E999).
 */
const BUG_CODES = new Set([
  'F821', 'F822', 'F823', 'F811', 'F632', 'F601', 'F602', 'F631', 'F701', 'F702', 'F704', 'F706', 'F707',
  'B006', 'E999', 'invalid-syntax',
]);

/**
 * Ruff codes not reported, and why:
 * - D100–D107 (missing docstrings): `quality/missing-docstring` reports them, with its own rules for `__init__`.
 * - D417 (undocumented arguments): `quality/docstring-sections` reports them.
 * - D212: the brief's own module docstring puts the summary on the line after the opening quotes.
 * - D200, D202, D209, D210, D211: where the quotes and blank lines sit around a docstring; layout only.
 * - D403, D415: capitalisation and final punctuation of the summary line; wording only.
 * - D410, D411, D412: blank lines around section headers; the brief's template spaces them its own way.
 * Kept: D205 (summary separated from the body), D206–D208 (indentation that breaks section parsing),
 * D300/D301 (quotes, backslashes), D405/D414/D416 (malformed section headers), D418, D419 (empty docstring).
 * Section-header codes on a NumPy-style header (underlined with dashes) are dropped: the Google
 * convention Ruff is run with reads `Returns` + `-------` as a header missing its colon.
 */
export const EXCLUDED_LINT_CODES: ReadonlySet<string> = new Set([
  'D100', 'D101', 'D102', 'D103', 'D104', 'D105', 'D106', 'D107', 'D417', 'D212',
  'D200', 'D202', 'D209', 'D210', 'D211', 'D403', 'D415', 'D410', 'D411', 'D412',
]);

/** Ruff's section-header codes under the Google convention: a NumPy header (underlined with dashes) is well-formed as it is. */
const SECTION_HEADER_CODES: ReadonlySet<string> = new Set(['D405', 'D406', 'D407', 'D414', 'D416']);

/** Whether the diagnostic points at a NumPy-style section header: the next line of the file is a dashed underline. */
function isNumpyHeader(diagnostic: LintDiagnostic, lines: readonly string[]): boolean {
  if (!SECTION_HEADER_CODES.has(diagnostic.code ?? '')) return false;
  const next = lines[diagnostic.line] ?? '';
  return /^\s*-{3,}\s*$/.test(next);
}

function toReport(diagnostic: LintDiagnostic): CheckReport {
  const code = diagnostic.code ?? 'invalid-syntax';
  const isBug = BUG_CODES.has(code);
  return {
    message: `${code} ${diagnostic.message}`,
    line: diagnostic.line,
    column: diagnostic.column,
    ...(isBug ? { severity: 'error' as const } : {}),
    ...(diagnostic.fixable ? { hint: `Ruff can fix this automatically (\`ruff check --fix --select ${code}\`).` } : {}),
  };
}

const SKIPPED_HINT = 'Split the module into smaller ones, or build long literal data from a file or a loop, so that Ruff can lint it. To accept it unlinted, say so: `--ignore quality/lint`, or `"severity": {"quality/lint": "warning"}` in the configuration.';

/**
 * `quality/lint`: Ruff's diagnostics (pycodestyle, pyflakes, pep8-naming, bugbear, pyupgrade,
 * pydocstyle with the Google convention), with the line length from `config.lineLength`. Warnings,
 * except the codes that mean real bugs (undefined names, redefinitions, mutable defaults, ...),
 * which are errors. Docstring codes other checks own, and layout-only docstring codes, are skipped.
 * A module Ruff is not run on (see ruff-budget.ts) is an error: it would otherwise pass unlinted.
 */
export const lint = defineCheck({
  id: 'quality/lint',
  category: 'quality',
  severity: 'warning',
  description: 'The brief asks for PEP 8 code: Ruff\'s pycodestyle, pyflakes, naming, bugbear, pyupgrade and pydocstyle findings, with real bugs (undefined names, mutable defaults, ...) as errors.',
  fixHint: 'Fix the code Ruff names in the message; `ruff rule <code>` explains it.',
  run({ lint: diagnostics, lintSkipped, source }) {
    // Fail closed: an unlinted module could hide any of the errors above, so it cannot pass
    // unless the user waives this check (or lowers its severity) on purpose.
    if (lintSkipped !== undefined) return [{ message: `lint skipped: ${lintSkipped}; Ruff's findings are missing, so the module cannot pass`, line: 0, severity: 'error', hint: SKIPPED_HINT }];
    const kept = diagnostics.filter((diagnostic) => !EXCLUDED_LINT_CODES.has(diagnostic.code ?? ''));
    // Only split the text when a section-header code needs a look at the next line.
    const lines = kept.some((diagnostic) => SECTION_HEADER_CODES.has(diagnostic.code ?? '')) ? source.split(/\r\n?|\n/) : [];
    return kept.filter((diagnostic) => !isNumpyHeader(diagnostic, lines)).map(toReport);
  },
});
