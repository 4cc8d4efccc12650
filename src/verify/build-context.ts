import path from 'node:path';
import type { BacksmithConfig } from '../config/config-schema.js';
import { defaultConfig } from '../config/default-config.js';
import { checkSyntax } from '../python/python-syntax.js';
import { startCompileServer } from '../python/compile-server.js';
import { ruffRunsEagerly, ruffShapeSkip } from '../python/ruff-budget.js';
import { lintPython, ruffRefusal, RuffSkipped, warmUpRuff, type RuffVerdict } from '../python/ruff-lint.js';
import { loadPythonParser } from '../python/tree-sitter-parser.js';
import { readPythonModule } from '../python/read-module.js';
import { extractModule } from '../sanitize/extract-module.js';
import type { CheckContext } from './check-context.js';

/** Options for building a check context from source text. */
export interface BuildContextOptions {
  source: string;
  path?: string;
  config?: BacksmithConfig;
  /** Interpreter for the syntax authority; null forces the tree-sitter fallback. */
  python?: string | null;
}

/**
 * Starts the slow parts of verification (Ruff's wasm, the interpreter, the grammar) at once,
 * so that they load side by side instead of one after another. `ruff: false` leaves Ruff to start
 * when a module is first linted.
 */
export function warmUpVerifier(config: BacksmithConfig, python: string | null = config.python ?? 'python3', options: { ruff?: boolean } = {}): void {
  if (python) startCompileServer(python);
  if (options.ruff !== false) warmUpRuff(config.lineLength);
  void loadPythonParser().catch(() => undefined);
}

/**
 * The module's lines with the fences and prose a chat reply wraps around it blanked out (same line
 * numbers), as the sanitizer `generate` uses takes it; null when nothing was wrapped around it.
 */
async function codeLinesOnly(source: string): Promise<string | null> {
  const extracted = await extractModule(source);
  if (!extracted.ok || extracted.value.stripped.length === 0) return null;
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  for (const part of extracted.value.stripped) for (let line = part.startLine; line <= part.endLine; line++) lines[line - 1] = '';
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const blanked = `${lines.join('\n')}\n`;
  // Only when what is left is exactly the extracted code (not re-indented or joined differently).
  const meaningful = (text: string) => text.split('\n').filter((line) => line.trim() !== '').join('\n');
  return meaningful(blanked) === meaningful(extracted.value.code) ? blanked : null;
}

/** What Ruff said about a module, as a context holds it. */
type LintFacts = Pick<CheckContext, 'lint' | 'lintFailure' | 'lintSkipped'>;

/** Ruff's outcome for a module, and for its code alone when it was wrapped (see `buildCheckContextEarly`). */
export interface LintOutcome {
  file: LintFacts;
  codeOnly?: LintFacts;
}

/** A context handed out before Ruff has answered: its lint facts are empty until `applyLintOutcome` puts them in. */
export interface EarlyCheckContext {
  context: CheckContext;
  lint: Promise<LintOutcome>;
}

/**
 * The checks that read Ruff's outcome (`lint`, `lintFailure`, `lintSkipped`): the others run on a
 * context from `buildCheckContextEarly` while Ruff is still linting. A sweeping test runs every
 * other check on a context whose lint facts cannot be read.
 */
export const CHECKS_READING_LINT: ReadonlySet<string> = new Set(['quality/lint', 'quality/too-complex']);

/**
 * Puts Ruff's outcome into a context from `buildCheckContextEarly`. Its `codeOnly`, as verifyModule
 * makes it (the file's context spread under the code's), takes the file's failure or skip reason
 * where the code has none of its own, as a spread of finished contexts would.
 */
export function applyLintOutcome(context: CheckContext, outcome: LintOutcome): void {
  Object.assign(context, outcome.file);
  if (!context.codeOnly || !outcome.codeOnly) return;
  const { lintFailure, lintSkipped } = outcome.file;
  Object.assign(context.codeOnly, { ...(lintFailure !== undefined ? { lintFailure } : {}), ...(lintSkipped !== undefined ? { lintSkipped } : {}) }, outcome.codeOnly);
}

/**
 * Parses, compiles and lints a module: the static facts every check reads. When the file is a
 * module wrapped in fences or prose, `codeOnly` holds the same facts for the code alone.
 */
export async function buildCheckContext(options: BuildContextOptions): Promise<CheckContext> {
  const { context, lint } = await buildCheckContextEarly(options);
  const outcome = await lint;
  Object.assign(context, outcome.file);
  if (context.codeOnly && outcome.codeOnly) Object.assign(context.codeOnly, outcome.codeOnly);
  return context;
}

/** As `buildCheckContext`, handed out once the parse and the interpreter are done, before Ruff has answered. */
export async function buildCheckContextEarly(options: BuildContextOptions): Promise<EarlyCheckContext> {
  const built = await buildSourceContext(options);
  const fileOnly = (): EarlyCheckContext => ({ context: built.context, lint: built.lint.then((file) => ({ file })) });
  // Fences and prose always leave tree-sitter errors: valid modules (and ones only CPython
  // rejects, e.g. for depth) pay nothing for this.
  if (built.context.module.parseErrors.length === 0 || built.context.module.tooDeep) return fileOnly();
  // The sanitizer's view is a bonus: if it fails on odd text, the file is judged as it is.
  const code = await codeLinesOnly(options.source).catch(() => null);
  if (code === null) return fileOnly();
  const codeOnly = await buildSourceContext({ ...options, source: code });
  if (!codeOnly.context.syntax.ok) return fileOnly();
  return {
    context: { ...built.context, codeOnly: codeOnly.context },
    lint: Promise.all([built.lint, codeOnly.lint]).then(([file, code]) => ({ file, codeOnly: code })),
  };
}

async function buildSourceContext(options: BuildContextOptions): Promise<{ context: CheckContext; lint: Promise<LintFacts> }> {
  const config = options.config ?? defaultConfig();
  const modulePath = options.path ?? 'module.py';
  const fileName = path.basename(modulePath);
  const python = options.python === undefined ? config.python ?? 'python3' : options.python;
  // Ruff and the interpreter (each in its own process) get their requests before the
  // parse starts on this thread, so the three run side by side; the parse then says whether Ruff
  // may go on (see ruff-budget.ts). A larger module goes to Ruff only once the parse has weighed
  // it, so that one with too much lint work never does.
  let resolveVerdict: (verdict: RuffVerdict) => void = () => undefined;
  const verdict = new Promise<RuffVerdict>((resolve) => (resolveVerdict = resolve));
  const linting = ruffRunsEagerly(options.source)
    ? lintPython(options.source, config.lineLength, undefined, verdict)
    : verdict.then((answer) => {
      const refused = ruffRefusal(answer);
      return refused ? Promise.reject(refused) : lintPython(options.source, config.lineLength);
    });
  const lintPromise = linting.then(
    (diagnostics) => ({ diagnostics, failure: undefined, skipped: undefined }),
    (error: Error) => ({ diagnostics: [], failure: error instanceof RuffSkipped ? undefined : error.message, skipped: error instanceof RuffSkipped ? error.message : undefined }),
  );
  const modulePromise = readPythonModule(options.source);
  modulePromise.then((module) => resolveVerdict(module.tooDeep ? false : ruffShapeSkip(module) ?? true), () => resolveVerdict(false));
  const syntaxPromise = checkSyntax(options.source, modulePromise, fileName, python);
  const [module, syntax] = await Promise.all([modulePromise, syntaxPromise]);
  const lint = lintPromise.then((linted): LintFacts => ({
    lint: syntax.ok ? linted.diagnostics : [],
    ...(syntax.ok && linted.failure !== undefined ? { lintFailure: linted.failure } : {}),
    ...(syntax.ok && linted.skipped !== undefined ? { lintSkipped: linted.skipped } : {}),
  }));
  return { context: { path: modulePath, fileName, source: options.source, module, syntax, lint: [], config }, lint };
}
