import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { lookupModelInfo } from '../model/model-catalog.js';
import { parseModelId } from '../model/parse-model-id.js';
import { checkPromptFits, replyTokenBudget } from '../prompt/fit-context.js';
import type { ModelPrompt } from '../prompt/model-prompt.js';
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
}

function thousands(count: number): string {
  return count.toLocaleString('en-US');
}

function modelFit(modelId: string | undefined, prompt: ModelPrompt, maxOutputTokens: number | undefined): DryRunResult['fits'] {
  if (!modelId) return null;
  let parts: { provider: string; modelId: string };
  try {
    parts = parseModelId(modelId);
  } catch {
    return null;
  }
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
 * (no API key needed) and without calling any model.
 */
export async function dryRunGeneration(options: GenerateModuleOptions): Promise<DryRunResult> {
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  const config = options.config ?? (await loadConfig(undefined, projectDir));
  const prepared = await prepareGeneration({ ...options, projectDir }, config);
  const modelId = typeof options.model === 'object' ? `${options.model.provider}:${options.model.modelId}` : options.model ?? config.model;
  return {
    deliverable: prepared.deliverable,
    prompt: prepared.firstPrompt,
    model: modelId ?? null,
    fits: modelFit(modelId, prepared.firstPrompt, options.maxOutputTokens),
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
  ];
  const body = [`=== system ===\n${prompt.system}`, ...prompt.messages.map((message) => `=== ${message.role} ===\n${message.content}`)];
  return `${header.join('\n')}\n\n${body.join('\n\n')}\n`;
}
