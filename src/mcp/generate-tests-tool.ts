import { z } from 'zod';
import type { AcceptanceTestsResult } from '../acceptance/generate-tests.js';
import { DEFAULT_OUT_DIR } from '../deliver/deliverable-name.js';
import { chooseModel, progressNotifier, withSamplingNote } from './client-model.js';
import { acceptanceTestsResultSchema } from './report-schema.js';
import { guarded, toolSuccess, workspaceConfig, type ToolContext } from './tool-context.js';
import { confinePath } from './workspace-roots.js';

const inputShape = {
  design: z.string().min(1).describe("The Engineering Lead's technical design (markdown file), relative to the workspace root."),
  stories: z.string().min(1).describe("The Product Manager's user stories (markdown file): one test is written per acceptance criterion."),
  outDir: z.string().min(1).optional().describe('Where the module will go; the tests are written next to it (default: as implement_module).'),
  out: z.string().regex(/\.py$/, 'a Python file (.py)').optional().describe('Write the tests to this file instead of <outDir>/test_[feature]_acceptance.py.'),
  feature: z.string().regex(/^[a-z][a-z0-9_]*$/).optional().describe('Feature name (default: from the design).'),
  module: z.string().regex(/^[a-z][a-z0-9_]*$/).optional().describe('Module name (default: from the design).'),
  maxRounds: z.number().int().min(0).max(20).optional().describe('Repair rounds after the first reply (default 2).'),
  model: z.string().min(1).optional().describe("A configured provider's model (provider:model) instead of the client's own model."),
};

function summarize(result: AcceptanceTestsResult): string {
  const head = result.outcome === 'delivered' ? `✔ Wrote ${result.path} (${result.reason})`
    : result.outcome === 'cancelled' ? `✘ Cancelled: nothing was written (${result.reason})` : `✘ Not written: ${result.reason}`;
  const lines = [head, `  tests import ${result.moduleName}; ${result.attempts.length} attempt(s); ${result.model.provider}:${result.model.modelId}`];
  if (result.uncovered.length > 0) lines.push(`  criteria without a test: ${result.uncovered.join(', ')}`);
  lines.push(`  run record: ${result.runDir}`);
  return lines.join('\n');
}

/** Registers `generate_tests`: acceptance tests written from the stories before the module exists (`generateAcceptanceTests`). */
export function registerGenerateTestsTool(context: ToolContext): void {
  context.server.registerTool('generate_tests', {
    title: 'Write acceptance tests from user stories',
    description:
      'Write the acceptance tests (unittest, one test per acceptance criterion of the user stories) for the module a technical ' +
      'design describes, before the module exists: drafted with a model (the client\'s own model through sampling when the client ' +
      'supports it, otherwise the configured provider), checked and repaired in bounded rounds, written only when usable. Pass the ' +
      'file to implement_module and verify_module as tests.',
    inputSchema: inputShape,
    outputSchema: acceptanceTestsResultSchema,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  }, (input, extra) => guarded(context, async () => {
    const workspace = await context.roots.current();
    const config = await workspaceConfig(context, workspace);
    const design = await confinePath(workspace, input.design, 'Design document');
    const stories = await confinePath(workspace, input.stories, 'User stories document');
    const outDir = await confinePath(workspace, input.outDir ?? config.outDir ?? DEFAULT_OUT_DIR, 'Output folder');
    const out = input.out ? await confinePath(workspace, input.out, 'Test file') : undefined;
    // Loaded on the first call: the test writer pulls in the provider SDKs, which verify_module never needs.
    const { generateAcceptanceTests } = await import('../acceptance/generate-tests.js');
    const model = chooseModel(context, input.model);
    const notify = progressNotifier(context, extra);
    const result = await withSamplingNote(model, () => generateAcceptanceTests({
      design, stories, projectDir: workspace.roots[0]!, outDir, config, secrets: context.secrets, signal: extra.signal, onProgress: notify,
      confineWrites: (file, label) => confinePath(workspace, file, label),
      ...(model !== undefined ? { model } : {}),
      ...(context.settings.baseUrl && typeof model !== 'object' ? { baseUrl: context.settings.baseUrl } : {}),
      ...(out ? { out } : {}),
      ...(input.feature ? { feature: input.feature } : {}),
      ...(input.module ? { module: input.module } : {}),
      ...(input.maxRounds !== undefined ? { maxRounds: input.maxRounds } : {}),
    }));
    return toolSuccess(context, summarize(result), result);
  }));
}
