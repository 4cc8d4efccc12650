import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { BacksmithError, EXIT_FATAL, EXIT_FINDINGS, EXIT_PASSED } from '../errors.js';
import { formatGenerateResult } from '../generate/format-generate-result.js';
import { generateModule } from '../generate/generate-module.js';
import { createProgressReporter } from '../generate/progress-reporter.js';
import { redactSecrets } from '../model/redact-secrets.js';
import { environmentSecrets } from '../runs/environment-secrets.js';
import type { CliIo } from './cli-io.js';

interface GenerateFlags {
  design: string;
  stories: string;
  feature?: string;
  module?: string;
  outDir?: string;
  model?: string;
  baseUrl?: string;
  tests?: string[];
  agent?: string;
  maxRounds: number;
  candidates: number;
  maxOutputTokens?: number;
  json?: boolean;
  config?: string;
  python?: string;
  run: boolean;
}

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) throw new InvalidArgumentError('expected a whole number.');
  return number;
}

/** Ctrl-C aborts the run (it is recorded as cancelled); a second Ctrl-C quits at once. */
function interruptible(io: CliIo): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    io.stderr('\nCancelling… (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, release: () => process.off('SIGINT', onSigint) };
}

/** Registers `backsmith generate`. */
export function registerGenerateCommand(program: Command, io: CliIo): void {
  program
    .command('generate')
    .description('Generate the module from a technical design and user stories through a model; verify, repair and deliver only a passing module')
    .requiredOption('--design <file>', "the Engineering Lead's technical design (markdown)")
    .requiredOption('--stories <file>', "the Product Manager's user stories (markdown)")
    .option('--feature <name>', "feature name (the file is [feature]_[module].py; default: from the design)")
    .option('--module <name>', 'module name (default: from the design)')
    .option('--out-dir <dir>', 'where to deliver the module (default: src/copilot_genereated/engineering)')
    .option('--model <id>', 'model as provider:model, e.g. openai:gpt-4.1, anthropic:claude-sonnet-4-5, ollama:qwen2.5-coder:7b')
    .option('--base-url <url>', 'base URL of an OpenAI-compatible server (Ollama /v1, llama.cpp, vLLM, LM Studio)')
    .option('--tests <files...>', 'acceptance test files run against every draft in the sandbox')
    .option('--agent <file>', 'a Copilot .agent.md file (or a name from `backsmith agents`) instead of the built-in agent')
    .option('--max-rounds <n>', 'repair rounds after the first draft', wholeNumber, 3)
    .option('--candidates <n>', 'first drafts to draw; repair starts from the best', wholeNumber, 1)
    .option('--max-output-tokens <n>', 'tokens to allow for each reply', wholeNumber)
    .option('--json', 'print one JSON result instead of the summary')
    .option('--config <file>', 'configuration file (default: backsmith.config.json or package.json#backsmith)')
    .option('--python <path>', 'Python interpreter for the verifier and the sandbox (default: python3)')
    .option('--no-run', 'skip the sandboxed run of each draft')
    .action(async (flags: GenerateFlags) => {
      const secrets = environmentSecrets();
      const clean = (text: string) => redactSecrets(text, secrets);
      const progress = createProgressReporter({ write: (text) => io.stderr(clean(text)), isTTY: Boolean(process.stderr.isTTY) && process.env.TERM !== 'dumb' });
      const { signal, release } = interruptible(io);
      try {
        const config = await loadConfig(flags.config);
        const result = await generateModule({
          design: flags.design, stories: flags.stories, config, signal, secrets,
          maxRounds: flags.maxRounds, candidates: flags.candidates, noRun: !flags.run,
          onProgress: (event) => progress.onEvent(event),
          ...(flags.model ? { model: flags.model } : {}),
          ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
          ...(flags.feature ? { feature: flags.feature } : {}),
          ...(flags.module ? { module: flags.module } : {}),
          ...(flags.outDir ? { outDir: flags.outDir } : {}),
          ...(flags.tests ? { tests: flags.tests } : {}),
          ...(flags.agent ? { agent: flags.agent } : {}),
          ...(flags.python ? { python: flags.python } : {}),
          ...(flags.maxOutputTokens ? { maxOutputTokens: flags.maxOutputTokens } : {}),
        });
        progress.stop();
        io.stdout(clean(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatGenerateResult(result)));
        io.setExitCode(result.outcome === 'delivered' ? EXIT_PASSED : EXIT_FINDINGS);
      } catch (error) {
        progress.stop();
        const message = clean(error instanceof Error ? error.message : String(error));
        if (!(error instanceof BacksmithError)) throw new Error(message, { cause: error });
        if (flags.json) io.stdout(`${JSON.stringify({ outcome: 'error', exitCode: error.exitCode, message }, null, 2)}\n`);
        throw new BacksmithError(message, error.exitCode ?? EXIT_FATAL);
      } finally {
        release();
      }
    });
}
