import type { BacksmithConfig } from '../config/config-schema.js';
import type { CheckContext } from '../verify/check-context.js';
import type { ProbeExamples, RuntimeResults } from './runtime-types.js';
import { resolveSandboxInterpreter } from './resolve-interpreter.js';
import { notRunResults, runRuntimeStage } from './runtime-stage.js';

/** The verify options the runtime stage depends on. */
export interface RuntimeVerifyOptions {
  noRun?: boolean;
  tests?: string[];
  /** Interpreter; null means none (no runtime stage). */
  python?: string | null;
  allowUnsandboxed?: boolean;
  probeExamples?: ProbeExamples;
  config?: BacksmithConfig;
  /** Cancels the sandboxed runs (Ctrl-C). */
  signal?: AbortSignal;
}

/**
 * Runs the runtime stage for `verifyModule`, or returns null when it must not run (`--no-run`,
 * the module does not compile). Without an interpreter (`python: null`) the stage was asked
 * for and cannot run: the results say so, and the fail-closed checks make it an error.
 */
export async function runtimeForVerify(context: CheckContext, options: RuntimeVerifyOptions): Promise<RuntimeResults | null> {
  if (options.noRun || !context.syntax.ok) return null;
  if (options.python === null) return notRunResults('no Python interpreter configured', (options.tests ?? []).length > 0);
  const explicit = typeof options.python === 'string' || context.config.python !== undefined;
  return runRuntimeStage(context, {
    python: options.python ?? context.config.python ?? 'python3',
    pythonExplicit: explicit,
    allowUnsandboxed: options.allowUnsandboxed ?? false,
    tests: options.tests ?? [],
    ...(options.probeExamples ? { examples: options.probeExamples } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/**
 * Starts resolving the sandbox's interpreter (a pyenv shim alone can take a second, then one
 * sandboxed run checks the interpreter) while the static checks run; `runtimeForVerify` then
 * finds it cached under the same key. Errors surface there, not here.
 */
export function warmUpRuntime(python: string | null | undefined, config: BacksmithConfig, allowUnsandboxed: boolean): void {
  if (python === null || config.python === null) return;
  const explicit = typeof python === 'string' || config.python !== undefined;
  void resolveSandboxInterpreter(python ?? config.python ?? 'python3', explicit, allowUnsandboxed).catch(() => undefined);
}

/** Why the `runtime` and `tests` requirements are not met, for the engine's skip reasons. */
export function runtimeRequirementGaps(options: RuntimeVerifyOptions, runtime: RuntimeResults | null): { runtime?: string; tests?: string } {
  const noTests = !options.tests?.length;
  let why: string | undefined;
  if (options.noRun) why = '--no-run given';
  else if (options.python === null) why = 'no Python interpreter configured';
  else if (!runtime) why = 'the module is not valid Python';
  else if (runtime.sandbox.status !== 'ran') why = runtime.sandbox.reason ?? 'the sandbox did not run';
  return {
    ...(why ? { runtime: why } : {}),
    ...(noTests ? { tests: 'no --tests given' } : why ? { tests: why } : {}),
  };
}
