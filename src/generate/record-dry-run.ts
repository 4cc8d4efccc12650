import { lookupModelInfo } from '../model/model-catalog.js';
import { parseModelId } from '../model/parse-model-id.js';
import { environmentSecrets } from '../runs/environment-secrets.js';
import type { DryRunRecord, RunRecord } from '../runs/run-record.js';
import { createRunRecorder, promptText } from '../runs/run-recorder.js';
import type { PreparedGeneration } from './prepare-generation.js';

/** File of the run folder holding the prompt a dry run did not send. */
export const DRY_RUN_PROMPT_FILE = 'dry-run.prompt.md';

function modelOf(modelId: string | undefined): RunRecord['model'] {
  if (!modelId) return null;
  try {
    const parts = parseModelId(modelId);
    return { ...parts, contextWindow: lookupModelInfo(parts.provider, parts.modelId)?.contextWindow ?? null };
  } catch {
    return null;
  }
}

/**
 * Records `generate --dry-run` in `.backsmith/runs/<id>/` as every run is recorded: `run.json`
 * (outcome `dry-run`, the inputs' hashes, the estimate) and the prompt that was not sent, secrets
 * removed. A folder that cannot be written does not fail the dry run: it says why instead.
 */
export async function recordDryRun(
  prepared: PreparedGeneration,
  options: { modelId: string | undefined; fits: DryRunRecord['fits']; secrets?: string[] | undefined },
): Promise<{ runId: string | null; runDir: string | null; notRecorded?: string }> {
  const prompt = prepared.firstPrompt;
  try {
    const recorder = await createRunRecorder(prepared.projectDir, {
      model: modelOf(options.modelId),
      agent: { name: prepared.agent.name, source: prepared.agent.source, sha256: prepared.agentSha256 },
      inputs: { design: prepared.design.fingerprint, stories: prepared.storiesGiven ? prepared.stories.fingerprint : null, tests: prepared.tests, ...(prepared.requirements ? { requirements: prepared.requirements.fingerprint } : {}) },
      settings: { maxRounds: 0, candidates: 0, outDir: prepared.outDir, deliverable: prepared.deliverable.fileName },
    }, { secrets: options.secrets ?? environmentSecrets() });
    await recorder.saveText(DRY_RUN_PROMPT_FILE, `${promptText(prompt)}\n`);
    const dryRun: DryRunRecord = {
      promptFile: DRY_RUN_PROMPT_FILE, estimatedTokens: prompt.estimatedTokens,
      sections: prompt.sections.map((section) => ({ name: section.name, tokens: section.tokens })), fits: options.fits,
    };
    const reason = `dry run: the first prompt (about ${prompt.estimatedTokens.toLocaleString('en-US')} tokens) was saved, not sent; no model was called`;
    await recorder.finish({ outcome: 'dry-run', reason, dryRun });
    return { runId: recorder.id, runDir: recorder.dir };
  } catch (error) {
    return { runId: null, runDir: null, notRecorded: error instanceof Error ? error.message : String(error) };
  }
}
