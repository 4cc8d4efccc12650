import type { Command } from 'commander';
import { collectSelectors } from '../verify/suppressions/collect-selectors.js';
import type { CliIo } from './cli-io.js';
import { refuseBothForms } from './refuse-both-forms.js';
import { optionValues } from './option-values.js';

const { count, amount, temperature } = optionValues;

/** Flags of `backsmith generate` as commander parses them. */
export interface GenerateFlags {
  design: string;
  stories?: string;
  requirements?: string;
  dryRun?: boolean;
  jobs?: number;
  feature?: string;
  module?: string;
  outDir?: string;
  model?: string;
  baseUrl?: string;
  /** Test files, or false for `--no-tests`. */
  tests?: string[] | false;
  agent?: string;
  maxRounds: number;
  candidates: number;
  fromDraft?: string;
  maxOutputTokens?: number;
  maxRequests?: number;
  maxTokens?: number;
  maxCost?: number;
  temperature?: number;
  json?: boolean;
  config?: string;
  python?: string;
  run: boolean;
  /** `--types` / `--no-types`; undefined: as `typesMaxFiles` in the configuration says. */
  types?: boolean;
  select?: string[];
  ignore?: string[];
}

/** What a new user asks after the options: where keys go, what the exit codes mean, where runs are kept. */
const GENERATE_HELP_AFTER = `
Keys and servers come from the environment: OPENAI_API_KEY (openai:), ANTHROPIC_API_KEY (anthropic:),
AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT (azure:), OPENAI_COMPATIBLE_API_KEY if the server wants
one (openai-compatible:); ollama: needs none. Base URLs: --base-url, or OPENAI_BASE_URL, ANTHROPIC_BASE_URL,
OPENAI_COMPATIBLE_BASE_URL, OLLAMA_HOST. "model" and "baseUrl" can be set in backsmith.config.json
instead of --model and --base-url.

Exit codes: 0 delivered, 1 not delivered (the best draft is kept, FAILING, in the run's folder),
2 a fatal problem (bad input, no model configured, the provider down after retries).
Every run is recorded in .backsmith/runs/: backsmith runs, then backsmith runs show ID.
`;

/** Registers `backsmith generate`. */
export function registerGenerateCommand(program: Command, io: CliIo): void {
  const command = program.command('generate');
  const refuseConflicts = refuseBothForms(command, ['tests', 'types']);
  command
    .description('Generate the module from a technical design and user stories (or plain requirements) through a model; verify, repair and deliver only a passing module')
    .requiredOption('--design <file>', "the Engineering Lead's technical design (markdown)")
    .option('--stories <file>', "the Product Manager's user stories (markdown); this, --requirements, or both")
    .option('--requirements <file>', 'free-form requirements (plain text or markdown, no story structure); story messages then cannot be checked')
    .option('--dry-run', 'print the first prompt with its token estimate and exit 0: no model call, no API key needed')
    .option('--feature <name>', "feature name (the file is [feature]_[module].py; default: from the design)")
    .option('--module <name>', 'module name (default: from the design)')
    .option('--out-dir <dir>', 'where to deliver the module (default: src/copilot_genereated/engineering)')
    .option('--model <id>', 'model as provider:model, e.g. openai:gpt-4.1, anthropic:claude-sonnet-4-5, ollama:qwen2.5-coder:7b, azure:DEPLOYMENT')
    .option('--base-url <url>', "the provider's base URL: used as given for openai and openai-compatible (…/v1), /v1 added when missing for anthropic and ollama, /openai/v1 for a bare azure endpoint; a ?query is sent with every request; an Azure host gets its key as api-key")
    .option('--tests <files...>', 'acceptance test files run against every draft in the sandbox')
    .option('--no-tests', 'without --tests, do not write and check acceptance tests first (by default the QA agent writes them)')
    .option('--agent <file>', 'a Copilot .agent.md file (or a name from `backsmith agents`) instead of the built-in agent')
    .option('--max-rounds <n>', 'repair rounds after the first draft', count(0, 20), 3)
    .option('--candidates <n>', 'first drafts to draw; repair starts from the best', count(1, 10), 1)
    .option('--from-draft <file>', "start from this module instead of a first draft from the model (a run's best-draft.FAILING.py, or an existing module): verify it, then repair it")
    .option('--jobs <n>', 'first drafts requested at once (default: min(candidates, 2)); results keep their order', count(1, 10))
    .option('--max-output-tokens <n>', 'tokens to allow for each reply', count(1))
    .option('--max-requests <n>', 'stop after this many model requests, retries and continuations included (default: 4 per draft)', count(1, 1000))
    .option('--max-tokens <n>', 'stop once the tokens sent and received reach this: a request is sent only if its input still fits (default: no limit beyond --max-requests)', count(1))
    .option('--max-cost <usd>', 'stop before the estimated cost passes this many US dollars (where the price is known); a reply counts at its --max-output-tokens until its real usage is known', amount)
    .option('--temperature <t>', 'sampling temperature, 0 to 2, for providers that accept it', temperature)
    .option('--json', 'print one JSON result instead of the summary')
    .option('--config <file>', 'configuration file (default: backsmith.config.json or package.json#backsmith)')
    .option('--python <path>', 'Python interpreter for the verifier and the sandbox (default: python3)')
    .option('--no-run', 'skip the sandboxed run of each draft')
    .option('--types', 'type-check every draft with pyright even when the configuration sets typesMaxFiles to 0')
    .option('--no-types', 'skip the pyright type check of the drafts (the types/ checks are reported as skipped, with the reason)')
    .option('--select <ids>', "judge drafts only by these checks (ids or categories, comma-separated); the model's own comments never waive a finding", collectSelectors)
    .option('--ignore <ids>', 'do not hold drafts to these checks (ids or categories, comma-separated)', collectSelectors)
    .addHelpText('after', GENERATE_HELP_AFTER)
    .action(async (flags: GenerateFlags) => {
      refuseConflicts();
      const { runGenerateCommand } = await import('./generate-action.js');
      await runGenerateCommand(flags, io);
    });
}
