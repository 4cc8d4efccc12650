import { createHash } from 'node:crypto';
import path from 'node:path';
import type { BacksmithConfig } from '../config/config-schema.js';
import { DEFAULT_OUT_DIR, deliverableName } from '../deliver/deliverable-name.js';
import { BacksmithError } from '../errors.js';
import type { AgentDefinition } from '../inputs/agents/agent-definition.js';
import { loadAgent } from '../inputs/agents/load-agent.js';
import { MAX_DOCUMENT_BYTES, readDesign, type DesignSpec } from '../inputs/design/index.js';
import { readTextFile } from '../inputs/read-text-file.js';
import { readStories, type StoriesSpec } from '../inputs/stories/index.js';
import { buildGenerationPrompt, type GenerationPromptInput } from '../prompt/build-generation-prompt.js';
import { checklistFromSpec, expectationFromDesign } from '../prompt/checklist-from-spec.js';
import type { ModelPrompt } from '../prompt/model-prompt.js';
import { preflightGeneration } from '../preflight/preflight-generation.js';
import type { TestSource } from '../preflight/test-imports-problem.js';
import type { InputFingerprint } from '../runs/run-record.js';
import type { ModuleExpectation } from '../sanitize/module-expectation.js';
import type { GenerateModuleOptions } from './generate-types.js';

/** An input document: where it is, its text and what the reader made of it. */
interface ReadDocument<T> {
  path: string;
  text: string;
  spec: T;
  fingerprint: InputFingerprint;
}

/** Everything a generation needs before the first model call. */
export interface PreparedGeneration {
  projectDir: string;
  outDir: string;
  deliverable: { fileName: string; path: string; nameSource: string };
  agent: AgentDefinition;
  agentSha256: string;
  design: ReadDocument<DesignSpec>;
  /**
   * The user stories. Without --stories, the requirements stand in with no stories parsed from
   * them (so test writers still get their text); `storiesGiven` then is false.
   */
  stories: ReadDocument<StoriesSpec>;
  /** False when no --stories was given: the `stories/` checks are skipped, and the result says so. */
  storiesGiven: boolean;
  /** Free-form requirements (--requirements), or null. */
  requirements: ReadDocument<null> | null;
  tests: InputFingerprint[];
  /** The draft the run starts from instead of asking for first drafts (`--from-draft`), or null. */
  fromDraft: ReadDocument<null> | null;
  task: GenerationPromptInput;
  firstPrompt: ModelPrompt;
  expectation: ModuleExpectation;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function readDocument<T>(file: string, label: string, read: (text: string, sourceName: string) => T | Promise<T>): Promise<ReadDocument<T>> {
  const text = await readTextFile(file, { maxBytes: MAX_DOCUMENT_BYTES, label });
  const spec = await read(text, path.basename(file));
  return { path: file, text, spec, fingerprint: { path: file, sha256: sha256(text), bytes: Buffer.byteLength(text) } };
}

/**
 * Reads the design, the stories and/or requirements, the tests and the agent; names the deliverable;
 * runs the preflight (out-dir, names); builds the first prompt. Throws BacksmithError (exit 2) for
 * unreadable inputs, an unnamed deliverable or a failed preflight, before any model call.
 */
export async function prepareGeneration(options: GenerateModuleOptions, config: BacksmithConfig): Promise<PreparedGeneration> {
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  const resolve = (file: string) => path.resolve(projectDir, file);
  const design = await readDocument(resolve(options.design), 'Design document', (text, sourceName) => readDesign(text, { sourceName }));
  if (!options.stories && !options.requirements) {
    throw new BacksmithError('Pass --stories FILE (the user stories) or --requirements FILE (plain requirements without story structure), or both.');
  }
  const requirements = options.requirements ? await readDocument(resolve(options.requirements), 'Requirements document', () => null) : null;
  const stories = options.stories
    ? await readDocument(resolve(options.stories), 'User stories document', (text, sourceName) => readStories(text, { sourceName }))
    : { ...requirements!, spec: { sourceName: path.basename(requirements!.path), stories: [], warnings: [] } satisfies StoriesSpec };
  const tests: InputFingerprint[] = [];
  const testSources: TestSource[] = [];
  for (const test of options.tests ?? []) {
    const document = await readDocument(resolve(test), 'Acceptance test file', () => null);
    tests.push(document.fingerprint);
    testSources.push({ path: document.path, text: document.text });
  }
  const fromDraft = options.fromDraft ? await readDocument(resolve(options.fromDraft), 'Draft (--from-draft)', () => null) : null;
  const agent = typeof options.agent === 'object' ? options.agent : await loadAgent(options.agent, projectDir);
  const name = deliverableName({ feature: options.feature ?? null, module: options.module ?? null, design: design.spec });
  const outDir = resolve(options.outDir ?? config.outDir ?? DEFAULT_OUT_DIR);
  const nameSource = name.source === 'design' ? (design.spec.deliverableSource ? `the design, ${design.spec.deliverableSource}` : 'the design') : `--feature/--module (${name.source})`;
  // Before any money is spent: the out-dir takes the module, and the name agrees with the design and the tests.
  await preflightGeneration({
    outDir, deliverable: { fileName: name.fileName, nameSource }, namedByFlags: name.source !== 'design', design: design.spec, tests: testSources, allowedImports: config.allowedImports,
  });
  const task: GenerationPromptInput = {
    agent,
    design: { name: path.basename(design.path), text: design.text },
    stories: options.stories ? { name: path.basename(stories.path), text: stories.text } : null,
    requirements: requirements ? { name: path.basename(requirements.path), text: requirements.text } : null,
    checklist: checklistFromSpec(name.fileName, design.spec, options.stories ? stories.spec : null),
  };
  return {
    projectDir,
    outDir,
    deliverable: { fileName: name.fileName, path: path.join(outDir, name.fileName), nameSource },
    agent,
    agentSha256: sha256(agent.prompt),
    design,
    stories,
    storiesGiven: Boolean(options.stories),
    requirements,
    tests,
    fromDraft,
    task,
    firstPrompt: buildGenerationPrompt(task),
    expectation: expectationFromDesign(design.spec),
  };
}
