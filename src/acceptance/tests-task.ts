import path from 'node:path';
import type { AgentDefinition } from '../inputs/agents/agent-definition.js';
import type { PreparedGeneration } from '../generate/prepare-generation.js';
import type { TestsPromptInput } from './build-tests-prompt.js';

/** `test_[feature]_acceptance.py`: the feature from the flag, else the design, else the module's file name. */
export function acceptanceTestFileName(prepared: Pick<PreparedGeneration, 'deliverable' | 'design'>, feature?: string): string {
  const stem = feature?.trim() || prepared.design.spec.featureName || prepared.deliverable.fileName.replace(/\.py$/, '');
  return `test_${stem}_acceptance.py`;
}

/** The test writer's task for a prepared generation: same documents, same API checklist, the module's import name. */
export function testsTask(prepared: Pick<PreparedGeneration, 'deliverable' | 'design' | 'stories' | 'task'>, agent: Pick<AgentDefinition, 'prompt'>, fileName: string): TestsPromptInput {
  return {
    agent,
    design: { name: path.basename(prepared.design.path), text: prepared.design.text },
    stories: { name: path.basename(prepared.stories.path), text: prepared.stories.text },
    storiesSpec: prepared.stories.spec,
    checklist: prepared.task.checklist,
    moduleName: prepared.deliverable.fileName.replace(/\.py$/, ''),
    fileName,
  };
}
