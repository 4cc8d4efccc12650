import { z } from 'zod';
import { DEFAULT_OUT_DIR } from '../deliver/deliverable-name.js';
import type { ProgressEvent } from '../generate/progress-events.js';
import { generateResultSchema } from './report-schema.js';
import { chooseModel, progressNotifier, withSamplingNote } from './client-model.js';
import { guarded, toolSuccess, workspaceConfig, type ToolContext } from './tool-context.js';
import { confinePath } from './workspace-roots.js';

const inputShape = {
  design: z.string().min(1).describe("The Engineering Lead's technical design (markdown file), relative to the workspace root."),
  stories: z.string().min(1).optional().describe("The Product Manager's user stories (markdown file); give these, requirements, or both."),
  requirements: z.string().min(1).optional().describe('Free-form requirements (plain text or markdown without story structure), in place of or beside the stories.'),
  tests: z.array(z.string().min(1)).max(50).optional().describe('Acceptance test files run against every draft in the sandbox.'),
  writeTests: z.boolean().optional().describe('Without tests, first write acceptance tests from the stories and hold drafts to them (default true).'),
  outDir: z.string().min(1).optional().describe('Where to deliver the module (default: outDir from the configuration, else src/copilot_genereated/engineering).'),
  feature: z.string().regex(/^[a-z][a-z0-9_]*$/).optional().describe('Feature name: the file is [feature]_[module].py (default: from the design).'),
  module: z.string().regex(/^[a-z][a-z0-9_]*$/).optional().describe('Module name (default: from the design).'),
  maxRounds: z.number().int().min(0).max(20).optional().describe('Repair rounds after the first draft (default 3).'),
  candidates: z.number().int().min(1).max(10).optional().describe('First drafts to draw; repair starts from the best (default 1).'),
  fromDraft: z.string().min(1).optional().describe("A module to start from instead of a first draft from the model (a run's best-draft.FAILING.py, or an existing module): verified, then repaired. Not with candidates above 1."),
  run: z.boolean().optional().describe('Run each draft in the sandbox (default true).'),
  types: z.boolean().optional().describe('Type-check each draft with pyright (default: unless typesMaxFiles in the configuration is 0).'),
  model: z.string().min(1).optional().describe("A configured provider's model (provider:model) instead of the client's own model."),
  maxRequests: z.number().int().min(1).max(1000).optional().describe('Most model requests the run may make, retries included (default: 4 per draft).'),
  maxTokens: z.number().int().min(1).optional().describe('Most input plus output tokens the run may spend.'),
  maxCost: z.number().positive().optional().describe('Most estimated US dollars the run may spend (list prices; unknown for the client\'s own model).'),
  select: z.array(z.string().min(1)).max(200).optional().describe("Judge drafts only by these checks (ids or categories); the model's own comments never waive a finding."),
  ignore: z.array(z.string().min(1)).max(200).optional().describe('Do not hold drafts to these checks (ids or categories).'),
};

function describeEvent(event: ProgressEvent): string | null {
  if (event.type === 'stage') return event.stage === 'preparing' || event.stage === 'delivering' ? event.stage : `${event.stage} (round ${event.round}, candidate ${event.candidate})`;
  if (event.type === 'draft') return `round ${event.round} draft ${event.candidate}: ${event.passed ? 'passed' : `${event.errors} error(s)`}, ${event.warnings} warning(s)`;
  if (event.type === 'retry') return `retrying in ${Math.round(event.delayMs / 1000)} s: ${event.reason}`;
  if (event.type === 'note') return event.message;
  return null;
}

/** Registers `implement_module`: design + stories → a verified, delivered module, the same loop as `backsmith generate`. */
export function registerImplementTool(context: ToolContext): void {
  context.server.registerTool('implement_module', {
    title: 'Implement a Python backend module from a design and stories',
    description:
      'Write the Python module a technical design and user stories describe: draft it with a model (the client\'s own model ' +
      'through sampling when the client supports it, otherwise the configured provider), verify every draft (static checks, ' +
      'design and story conformance, the acceptance tests in a sandbox), repair it in bounded rounds, and deliver it only when ' +
      'it passes. Reports progress and can be cancelled. Every run is recorded under .backsmith/runs/.',
    inputSchema: inputShape,
    outputSchema: generateResultSchema,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  }, (input, extra) => guarded(context, async () => {
    const workspace = await context.roots.current();
    const projectDir = workspace.roots[0]!;
    const config = await workspaceConfig(context, workspace, input);
    const design = await confinePath(workspace, input.design, 'Design document');
    const stories = input.stories ? await confinePath(workspace, input.stories, 'User stories document') : undefined;
    const requirements = input.requirements ? await confinePath(workspace, input.requirements, 'Requirements document') : undefined;
    const tests: string[] = [];
    for (const test of input.tests ?? []) tests.push(await confinePath(workspace, test, 'Test file'));
    const outDir = await confinePath(workspace, input.outDir ?? config.outDir ?? DEFAULT_OUT_DIR, 'Output folder');
    const fromDraft = input.fromDraft ? await confinePath(workspace, input.fromDraft, 'Draft') : undefined;
    // Loaded on the first call: the pipeline pulls in the provider SDKs, which verify_module never needs.
    const [{ generateModule }, { formatGenerateResult }] = await Promise.all([import('../generate/generate-module.js'), import('../generate/format-generate-result.js')]);
    const model = chooseModel(context, input.model);
    const notify = progressNotifier(context, extra);
    const result = await withSamplingNote(model, () => generateModule({
      design, projectDir, outDir, config, secrets: context.secrets, signal: extra.signal,
      // As the CLI, delivery replaces a link at the deliverable by rename and never writes through it; here a link leading out of the roots is refused before any model call.
      confineWrites: (file, label) => confinePath(workspace, file, label),
      noRun: !(input.run ?? true),
      ...(input.types !== undefined ? { types: input.types, typesOffReason: 'the implement_module call set types: false' } : {}),
      ...(stories ? { stories } : {}),
      ...(requirements ? { requirements } : {}),
      ...(input.writeTests === false ? { noTests: true } : {}),
      ...(input.maxRequests !== undefined ? { maxRequests: input.maxRequests } : {}),
      ...(input.maxTokens !== undefined ? { maxTokens: input.maxTokens } : {}),
      ...(input.maxCost !== undefined ? { maxCost: input.maxCost } : {}),
      onProgress: (event) => {
        const message = describeEvent(event);
        if (message !== null) notify(message);
      },
      ...(model !== undefined ? { model } : {}),
      ...(context.settings.baseUrl && typeof model !== 'object' ? { baseUrl: context.settings.baseUrl } : {}),
      ...(tests.length > 0 ? { tests } : {}),
      ...(input.feature ? { feature: input.feature } : {}),
      ...(input.module ? { module: input.module } : {}),
      ...(input.maxRounds !== undefined ? { maxRounds: input.maxRounds } : {}),
      ...(input.candidates !== undefined ? { candidates: input.candidates } : {}),
      ...(fromDraft ? { fromDraft } : {}),
      ...(context.settings.python ? { python: context.settings.python } : {}),
    }));
    return toolSuccess(context, formatGenerateResult(result), result);
  }));
}
