import { loadConfig } from '../config/load-config.js';
import { cancelOnSignals } from '../cancel/cancel-on-signals.js';
import { BacksmithError, EXIT_FINDINGS, EXIT_PASSED } from '../errors.js';
import { dryRunGeneration, formatDryRun } from '../generate/dry-run.js';
import { formatGenerateResult } from '../generate/format-generate-result.js';
import { generateModule } from '../generate/generate-module.js';
import { createProgressReporter } from '../generate/progress-reporter.js';
import { redactSecrets } from '../model/redact-secrets.js';
import { environmentSecrets } from '../runs/environment-secrets.js';
import { applySelectionFlags } from '../verify/suppressions/selection-options.js';
import { checkPythonOption } from './check-python-option.js';
import type { CliIo } from './cli-io.js';
import { handleModelActionFailure } from './model-action-failure.js';
import type { GenerateFlags } from './generate-command.js';
import { givenFlags } from './generate-given-flags.js';

/** Flags the dry run and the real run pass on alike when given. */
const PREPARATION_FLAGS = ['stories', 'requirements', 'model', 'feature', 'module', 'outDir', 'agent', 'maxOutputTokens'] as const;

/** `generate --dry-run`: the first prompt and its size on stdout, exit 0; no model is resolved or called. */
async function printDryRun(flags: GenerateFlags, io: CliIo, clean: (text: string) => string): Promise<void> {
  const config = applySelectionFlags(await loadConfig(flags.config), flags);
  const result = await dryRunGeneration({
    design: flags.design, config,
    ...givenFlags(flags, PREPARATION_FLAGS),
    ...(flags.tests ? { tests: flags.tests } : {}),
    ...(flags.tests === false ? { noTests: true } : {}),
    ...(flags.run ? {} : { noRun: true }),
  });
  io.stdout(clean(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatDryRun(result)));
  io.setExitCode(EXIT_PASSED);
}

/** Runs `backsmith generate` with parsed flags (loaded only when the command runs: it pulls in the model SDKs). */
export async function runGenerateCommand(flags: GenerateFlags, io: CliIo): Promise<void> {
  const secrets = environmentSecrets();
  const clean = (text: string) => redactSecrets(text, secrets);
  if (flags.dryRun && flags.fromDraft !== undefined) {
    throw new BacksmithError('--dry-run prints the first prompt, which a run --from-draft never sends (its first draft is the file): drop one of them.');
  }
  if (flags.dryRun) return printDryRun(flags, io, clean);
  const progress = createProgressReporter({ write: (text) => io.stderr(clean(text)), isTTY: Boolean(process.stderr.isTTY) && process.env.TERM !== 'dumb' });
  // Ctrl-C or SIGTERM: the model stream and the sandbox stop, the run is recorded as cancelled, exit 130/143.
  const cancellation = cancelOnSignals({ notify: (name) => io.stderr(`\nCancelling (${name})… nothing will be delivered\n`) });
  const { signal } = cancellation;
  try {
    const config = applySelectionFlags(await loadConfig(flags.config), flags);
    checkPythonOption(flags.python);
    const result = await generateModule({
      design: flags.design, config, signal, secrets,
      ...givenFlags(flags, [...PREPARATION_FLAGS, 'baseUrl', 'python', 'fromDraft']),
      ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
      maxRounds: flags.maxRounds, candidates: flags.candidates, noRun: !flags.run,
      ...(flags.types !== undefined ? { types: flags.types } : {}),
      onProgress: (event) => progress.onEvent(event),
      ...(flags.tests ? { tests: flags.tests } : {}),
      ...(flags.tests === false ? { noTests: true } : {}),
      ...(flags.maxRequests !== undefined ? { maxRequests: flags.maxRequests } : {}),
      ...(flags.maxTokens !== undefined ? { maxTokens: flags.maxTokens } : {}),
      ...(flags.maxCost !== undefined ? { maxCost: flags.maxCost } : {}),
      ...(flags.temperature !== undefined ? { temperature: flags.temperature } : {}),
    });
    progress.stop();
    io.stdout(clean(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatGenerateResult(result)));
    io.setExitCode(cancellation.exitCode() ?? (result.outcome === 'delivered' ? EXIT_PASSED : EXIT_FINDINGS));
  } catch (error) {
    progress.stop();
    handleModelActionFailure({ error, io, cancellation, clean, json: flags.json, nothingDone: 'delivered' });
  } finally {
    cancellation.release();
    // The run is recorded and the summary printed: abandoned work (a check, the compile server) must not hold the exit.
    cancellation.exitIfCancelled();
  }
}
