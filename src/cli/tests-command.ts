import path from 'node:path';
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { DEFAULT_OUT_DIR } from '../deliver/deliverable-name.js';
import { BacksmithError, EXIT_FINDINGS, EXIT_PASSED } from '../errors.js';
import { outDirProblem } from '../preflight/out-dir-problem.js';
import type { AcceptanceTestsResult } from '../acceptance/generate-tests.js';
import type { CliIo } from './cli-io.js';
import { givenFlags } from './generate-given-flags.js';
import { handleModelActionFailure } from './model-action-failure.js';
import { optionValues } from './option-values.js';
import { describeCost, isFreeModel } from '../model/estimate-cost.js';

const { count, temperature } = optionValues;

/** Flags of `backsmith tests` as commander parses them. */
interface TestsFlags {
  design: string;
  stories: string;
  model?: string;
  baseUrl?: string;
  out?: string;
  outDir?: string;
  feature?: string;
  module?: string;
  agent?: string;
  maxRounds: number;
  maxOutputTokens?: number;
  temperature?: number;
  config?: string;
  json?: boolean;
}

function relative(file: string): string {
  const shown = path.relative(process.cwd(), file);
  return shown && !shown.startsWith('..') ? shown : file;
}

/** The human summary `backsmith tests` prints on stdout. */
export function formatTestsResult(result: AcceptanceTestsResult, escape: (text: string) => string = (text) => text): string {
  const lines: string[] = [];
  if (result.outcome === 'delivered') lines.push(`✔ Wrote ${relative(result.path)} (${escape(result.reason)})`);
  else if (result.outcome === 'cancelled') lines.push(`✘ Cancelled: nothing was written (${escape(result.reason)})`);
  else lines.push(`✘ Not written: ${escape(result.reason)}`);
  if (result.backupPath) lines.push(`  previous file kept as ${relative(result.backupPath)}`);
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  for (const finding of (result.outcome === 'delivered' ? result.findings : errors).slice(0, 10)) {
    lines.push(`    ${finding.severity} ${finding.checkId}${finding.line > 0 ? ` line ${finding.line}` : ''}: ${escape(finding.message)}`);
  }
  const covered = result.coverage.filter((entry) => entry.tests.length > 0).length;
  lines.push(`  ${covered}/${result.coverage.length} criteria have a test${result.uncovered.length > 0 ? `; none for ${result.uncovered.join(', ')}` : ''}; imports ${result.moduleName}`);
  lines.push(`  attempts: ${result.attempts.map((attempt) => `${attempt.round === 0 ? 'first' : `round ${attempt.round}`} ${attempt.usable ? 'usable' : `${attempt.errors} error(s)`}`).join(' → ') || 'none'}`);
  const { inputTokens, outputTokens, costUsd } = result.usage;
  lines.push(`  ${result.model.provider}:${result.model.modelId}, agent ${result.agent}; ${inputTokens?.toLocaleString('en-US') ?? '?'} tokens in / ${outputTokens?.toLocaleString('en-US') ?? '?'} out; ${describeCost(costUsd, isFreeModel(result.model.provider, result.model.modelId))}; ${(result.durationMs / 1000).toFixed(1)} s`);
  lines.push(`  run record: ${relative(result.runDir)} (backsmith runs show ${result.runId})`);
  return `${lines.join('\n')}\n`;
}

async function runTestsCommand(flags: TestsFlags, io: CliIo): Promise<void> {
  const [{ generateAcceptanceTests }, { loadConfig }, { environmentSecrets }, { redactSecrets }, { escapeTerminal }, { cancelOnSignals }] = await Promise.all([
    import('../acceptance/generate-tests.js'), import('../config/load-config.js'), import('../runs/environment-secrets.js'),
    import('../model/redact-secrets.js'), import('../report/escape-terminal.js'), import('../cancel/cancel-on-signals.js'),
  ]);
  // Where the file goes is checked first: a folder at --out, or a folder that cannot take files, would refuse it only after the model was paid for.
  const atOut = flags.out ? await stat(flags.out).catch(() => null) : null;
  if (atOut && !atOut.isFile()) throw new BacksmithError(`--out ${flags.out} is ${atOut.isDirectory() ? `a folder: give the test file's name, e.g. ${path.join(flags.out ?? '', 'test_feature_acceptance.py')}` : 'not a regular file: give a .py file to write'}.`);
  const config = await loadConfig(flags.config);
  const folder = path.resolve(flags.out ? path.dirname(flags.out) : (flags.outDir ?? config.outDir ?? DEFAULT_OUT_DIR));
  const problem = await outDirProblem(folder);
  if (problem) throw new BacksmithError(`Preflight: ${flags.out ? problem.replace(`--out-dir ${folder}`, `the folder of --out ${flags.out}`).replace('another --out-dir', 'another --out') : problem}.`);
  const secrets = environmentSecrets();
  const clean = (text: string) => redactSecrets(text, secrets);
  // Ctrl-C or SIGTERM: the model stream stops, the run is recorded as cancelled, exit 130/143 (as generate).
  const cancellation = cancelOnSignals({ notify: (name) => io.stderr(`\nCancelling (${name})… nothing will be written\n`) });
  try {
    const result = await generateAcceptanceTests({
      design: flags.design, stories: flags.stories, maxRounds: flags.maxRounds, config, signal: cancellation.signal, secrets,
      onProgress: (line) => io.stderr(clean(`${escapeTerminal(line)}\n`)),
      ...givenFlags(flags, ['model', 'baseUrl', 'out', 'outDir', 'feature', 'module', 'agent', 'maxOutputTokens']),
      // Not through givenFlags: --temperature 0 is a choice, not an absent flag.
      ...(flags.temperature !== undefined ? { temperature: flags.temperature } : {}),
    });
    io.stdout(clean(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatTestsResult(result, escapeTerminal)));
    io.setExitCode(cancellation.exitCode() ?? (result.outcome === 'delivered' ? EXIT_PASSED : EXIT_FINDINGS));
  } catch (error) {
    handleModelActionFailure({ error, io, cancellation, clean, json: flags.json, nothingDone: 'written' });
  } finally {
    cancellation.release();
    cancellation.exitIfCancelled();
  }
}

/** Registers `backsmith tests`. */
export function registerTestsCommand(program: Command, io: CliIo): void {
  program
    .command('tests')
    .description('Write acceptance tests (unittest, one per story criterion) from a design and user stories through a model; check and repair them; write only a usable file')
    .requiredOption('--design <file>', "the Engineering Lead's technical design (markdown)")
    .requiredOption('--stories <file>', "the Product Manager's user stories (markdown)")
    .option('--model <id>', 'model as provider:model, e.g. openai:gpt-4.1, anthropic:claude-sonnet-4-5, ollama:qwen2.5-coder:7b')
    .option('--base-url <url>', "the provider's base URL: used as given for openai and openai-compatible (…/v1), /v1 added when missing for anthropic and ollama; a ?query is sent with every request")
    .option('--out <file>', 'write the tests here (default: test_[feature]_acceptance.py next to where generate puts the module)')
    .option('--out-dir <dir>', 'where the module goes (default: src/copilot_genereated/engineering)')
    .option('--feature <name>', 'feature name (default: from the design)')
    .option('--module <name>', 'module name (default: from the design)')
    .option('--agent <file>', 'a Copilot .agent.md file (or a name from `backsmith agents`) instead of the built-in QA agent')
    .option('--max-rounds <n>', 'repair rounds after the first test file', count(0, 20), 2)
    .option('--max-output-tokens <n>', 'tokens to allow for each reply', count(1))
    .option('--temperature <t>', 'sampling temperature, 0 to 2, for providers that accept it (default: the configuration\'s, else the provider\'s)', temperature)
    .option('--config <file>', 'configuration file (default: backsmith.config.json or package.json#backsmith)')
    .option('--json', 'print one JSON result instead of the summary')
    .action(async (flags: TestsFlags) => runTestsCommand(flags, io));
}
