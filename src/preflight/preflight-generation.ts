import { BacksmithError } from '../errors.js';
import type { DesignSpec } from '../inputs/design/index.js';
import { outDirProblem } from './out-dir-problem.js';
import { testImportsProblem, type TestSource } from './test-imports-problem.js';

/** Where the design's deliverable name was stated outright (not guessed from its title or file name). */
const STATED_ORIGINS = new Set<DesignSpec['deliverableOrigin']>(['title', 'label', 'code-comment', 'prose', 'mention']);

/** What the preflight looks at: the prepared run, before any model call. */
export interface PreflightInput {
  outDir: string;
  deliverable: { fileName: string; nameSource: string };
  /** True when --feature/--module named the deliverable. */
  namedByFlags: boolean;
  design: DesignSpec;
  tests: TestSource[];
  /** Modules the configuration allows besides the standard library. */
  allowedImports: string[];
}

/** Why the flags' file name disagrees with the one the design states, or null. */
function designNameProblem(input: PreflightInput): string | null {
  const stated = input.design.deliverable;
  if (!input.namedByFlags || !stated || !STATED_ORIGINS.has(input.design.deliverableOrigin)) return null;
  if (stated === input.deliverable.fileName) return null;
  return (
    `--feature/--module name the deliverable ${input.deliverable.fileName}, but the design states ${stated}` +
    `${input.design.deliverableSource ? ` (${input.design.deliverableSource})` : ''}: drop the flags, or make them agree with the design`
  );
}

/**
 * The checks `generate` makes before it spends anything: the out-dir can take the module, the
 * deliverable's name agrees with the design's stated file name and with what the tests import.
 * Throws a one-line BacksmithError (exit 2) for the first problem. (The prompt's fit and the
 * provider's key are checked where the model is resolved, also before the first call.)
 */
export async function preflightGeneration(input: PreflightInput): Promise<void> {
  const problem =
    (await outDirProblem(input.outDir)) ??
    designNameProblem(input) ??
    (await testImportsProblem({
      moduleName: input.deliverable.fileName.replace(/\.py$/, ''),
      nameSource: input.deliverable.nameSource,
      tests: input.tests,
      dependencies: [...input.design.dependencies.map((dependency) => dependency.name), ...input.allowedImports],
    }));
  if (problem) throw new BacksmithError(`Preflight: ${problem}.`);
}
