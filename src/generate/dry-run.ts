import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { lookupModelInfo } from '../model/model-catalog.js';
import { checkModelId } from '../model/check-model-id.js';
import { parseModelId } from '../model/parse-model-id.js';
import { checkPromptFits, replyTokenBudget } from '../prompt/fit-context.js';
import type { ModelPrompt } from '../prompt/model-prompt.js';
import { testWriterDrafts } from '../acceptance/tests-for-generate.js';
import { promptText } from '../runs/run-recorder.js';
import { recordDryRun } from './record-dry-run.js';
import type { GenerateModuleOptions } from './generate-types.js';
import { prepareGeneration } from './prepare-generation.js';

/** What `generate --dry-run` shows: the first prompt as it would be sent, and whether it fits the model. */
export interface DryRunResult {
  deliverable: { fileName: string; path: string; nameSource: string };
  prompt: ModelPrompt;
  /** The model id, when one is given or configured. */
  model: string | null;
  /** Whether the prompt fits the model's context window: null when no model or window is known. */
  fits: { ok: true; contextWindow: number; replyTokens: number } | { ok: false; reason: string } | null;
  /** The run that records the dry run (`.backsmith/runs/<id>/`, outcome `dry-run`), or null when it could not be written. */
  runId: string | null;
  runDir: string | null;
  /** Why the dry run was not recorded (e.g. the project folder is read-only); the prompt is still shown. */
  notRecorded?: string;
  /** True when the real run would first ask the QA agent for acceptance tests (no tests given, no `--no-tests`/`--no-run`): a request before this prompt. */
  testsFirst: boolean;
}

function thousands(count: number): string {
  return count.toLocaleString('en-US');
}

function modelFit(modelId: string | undefined, prompt: ModelPrompt, maxOutputTokens: number | undefined): DryRunResult['fits'] {
  if (!modelId) return null;
  const parts = parseModelId(modelId);
  const info = lookupModelInfo(parts.provider, parts.modelId);
  if (!info) return null;
  const model = { ...parts, contextWindow: info.contextWindow, maxOutputTokens: info.maxOutputTokens };
  const replyTokens = replyTokenBudget(model, maxOutputTokens);
  const fits = checkPromptFits(prompt, model, replyTokens);
  return fits.ok ? { ok: true, contextWindow: info.contextWindow, replyTokens } : { ok: false, reason: fits.error };
}

/**
 * Prepares a generation as `generateModule` would (reading the inputs, naming the deliverable, the
 * preflight) and returns the first prompt with its token estimate, without resolving a provider
 * (no API key needed) and without calling any model. Recorded like any run, as outcome `dry-run`
 * with the prompt and its estimate, so `runs show` can show it later.
 */
export async function dryRunGeneration(options: GenerateModuleOptions): Promise<DryRunResult> {
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  const config = options.config ?? (await loadConfig(undefined, projectDir));
  const modelId = typeof options.model === 'object' ? `${options.model.provider}:${options.model.modelId}` : options.model ?? config.model;
  // An id the real run would refuse (no provider, an unknown one) is refused here too, before anything is read or recorded.
  if (modelId) checkModelId(modelId);
  const prepared = await prepareGeneration({ ...options, projectDir }, config);
  const fits = modelFit(modelId, prepared.firstPrompt, options.maxOutputTokens);
  const recorded = await recordDryRun(prepared, { modelId, fits, secrets: options.secrets });
  return {
    deliverable: prepared.deliverable,
    prompt: prepared.firstPrompt,
    model: modelId ?? null,
    fits,
    ...recorded,
    testsFirst: testWriterDrafts(options) > 0,
  };
}

/** The dry run for people: what would be sent, its size by section, and whether it fits; then the prompt itself. */
export function formatDryRun(result: DryRunResult): string {
  const { prompt } = result;
  const sections = prompt.sections.map((section) => `${section.name} ${thousands(section.tokens)}`).join(', ');
  const fit = result.fits === null
    ? result.model ? `model ${result.model}: its context window is not known, so the fit was not checked` : 'no model given: the fit to a context window was not checked'
    : result.fits.ok
      ? `fits ${result.model}'s ${thousands(result.fits.contextWindow)}-token context window with ${thousands(result.fits.replyTokens)} kept for the reply`
      : `does NOT fit: ${result.fits.reason}`;
  const header = [
    '# backsmith generate --dry-run: nothing was sent; no model was called',
    `# deliverable: ${result.deliverable.path} (named by ${result.deliverable.nameSource})`,
    `# first prompt: about ${thousands(prompt.estimatedTokens)} tokens (estimate: ${sections})`,
    `# ${fit}`,
    ...(result.testsFirst ? ['# before it, the QA agent is asked for the acceptance tests (no --tests given): at least one more request, about the size of the design and stories; --no-tests skips it'] : []),
    result.runDir ? `# recorded in ${result.runDir} (backsmith runs show ${result.runId})` : `# not recorded: ${result.notRecorded ?? 'no run folder'}`,
  ];
  return `${header.join('\n')}\n\n${promptText(prompt)}\n`;
}
