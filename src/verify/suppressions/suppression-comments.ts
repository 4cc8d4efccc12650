import type { PythonModule } from '../../python/python-model.js';

/** One `# backsmith: ignore[...]` / `ignore-file[...]` / `# noqa[: CODES]` / `# type: ignore[...]` / `# pyright: ignore[...]` directive in a comment. */
export interface SuppressionDirective {
  kind: 'line' | 'file' | 'noqa' | 'type-ignore';
  line: number;
  /** Check ids or categories for `line`/`file`; Ruff codes for `noqa`, pyright rules for `type-ignore` (empty: every code). */
  ids: string[];
  /** The directive as written, e.g. `# backsmith: ignore[safety/eval]`. */
  text: string;
}

/** `ignore-file[...]` counts only near the top: before the first statement after the docstring, or in the first lines. */
const FILE_DIRECTIVE_LINES = 10;
const BACKSMITH = /backsmith:\s*(ignore|ignore-file)\[([^\]]*)\]/g;
const NOQA = /(?:^|#)\s*noqa(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/gi;
/** pyright's own waivers; it drops the type errors of the line before backsmith sees them. */
const TYPE_IGNORE = /(?:^|#)\s*(type|pyright):\s*ignore\b(?:\[([^\]]*)\])?/g;

function splitIds(list: string): string[] {
  return list.split(',').map((id) => id.trim()).filter((id) => id.length > 0);
}

/** The last line a file-wide directive may sit on. */
function fileDirectiveLimit(module: PythonModule): number {
  const docstringEnd = module.docstring?.endLine ?? 0;
  const firstCode = module.statements.find((statement) => statement.line > docstringEnd && !(statement.expression === 'string' && statement.line === module.docstring?.line));
  return Math.max(FILE_DIRECTIVE_LINES, (firstCode?.line ?? module.lineCount + 1) - 1);
}

/** Reads the suppression directives out of the module's comments (the parser gives the comments; their text is ours to read). */
export function readSuppressionDirectives(module: PythonModule): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  const fileLimit = fileDirectiveLimit(module);
  for (const comment of module.comments) {
    for (const match of comment.text.matchAll(BACKSMITH)) {
      const kind = match[1] === 'ignore-file' ? 'file' : 'line';
      // A file-wide directive further down is read as a line directive would be: only for its line.
      directives.push({ kind: kind === 'file' && comment.line > fileLimit ? 'line' : kind, line: comment.line, ids: splitIds(match[2] ?? ''), text: `# backsmith: ${match[1]}[${match[2] ?? ''}]` });
    }
    for (const match of comment.text.matchAll(NOQA)) {
      const codes = match[1] ? match[1].split(/[\s,]+/).filter(Boolean).map((code) => code.toUpperCase()) : [];
      directives.push({ kind: 'noqa', line: comment.line, ids: codes, text: `# noqa${codes.length > 0 ? `: ${codes.join(', ')}` : ''}` });
    }
    for (const match of comment.text.matchAll(TYPE_IGNORE)) {
      const rules = splitIds(match[2] ?? '');
      directives.push({ kind: 'type-ignore', line: comment.line, ids: rules, text: `# ${match[1]}: ignore${rules.length > 0 ? `[${rules.join(', ')}]` : ''}` });
    }
  }
  return directives;
}
