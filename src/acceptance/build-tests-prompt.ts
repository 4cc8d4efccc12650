import type { AgentDefinition } from '../inputs/agents/agent-definition.js';
import type { StoriesSpec } from '../inputs/stories/story-types.js';
import { assemblePrompt } from '../prompt/build-generation-prompt.js';
import type { ModelPrompt, PromptDocument } from '../prompt/model-prompt.js';
import { formatChecklist, type SpecChecklist } from '../prompt/spec-checklist.js';
import { formatRepairFindings } from '../repair/build-repair-prompt.js';
import type { Finding } from '../verify/finding.js';

/** What a test-writing prompt is made of. */
export interface TestsPromptInput {
  agent: Pick<AgentDefinition, 'prompt'>;
  design: PromptDocument;
  stories: PromptDocument;
  storiesSpec: StoriesSpec;
  /** The module's checklist (its signatures and response shape are the API the tests may use). */
  checklist: SpecChecklist;
  /** The import name of the module under test, e.g. `plant_swap_registry`. */
  moduleName: string;
  /** The test file's name, e.g. `test_plant_swap_acceptance.py`. */
  fileName: string;
}

/** `US-004` + `AC2` → `test_us004_ac2_`: the prefix the checks read the criterion from. */
export function testNamePrefix(storyId: string, criterionId: string): string {
  const story = storyId.replace(/\D/g, '').padStart(3, '0') || '000';
  const criterion = criterionId.replace(/\D/g, '') || '0';
  return `test_us${story}_ac${criterion}_`;
}

function quoted(tag: string, document: PromptDocument): string {
  return `<${tag} file=${JSON.stringify(document.name)}>\n${document.text.trim()}\n</${tag}>`;
}

/** Every criterion with the test name it needs and the messages it quotes, verbatim. */
export function formatCriteria(stories: StoriesSpec): string {
  const lines: string[] = [];
  for (const story of stories.stories) {
    lines.push(`- ${story.id} ${story.title}`.trimEnd());
    for (const criterion of story.criteria) {
      lines.push(`  - ${criterion.id}: ${criterion.text.replace(/\s+/g, ' ').trim()} → \`${testNamePrefix(story.id, criterion.id)}<slug>\``);
      for (const message of story.messages.filter((entry) => entry.criterionId === criterion.id)) lines.push(`    - message: ${JSON.stringify(message.text)}`);
    }
    for (const message of story.messages.filter((entry) => entry.criterionId === null)) lines.push(`  - message (story-wide): ${JSON.stringify(message.text)}`);
  }
  return lines.length > 0 ? lines.join('\n') : '- (the stories document has no criteria backsmith could read: test each story\'s stated outcome)';
}

function taskSections(input: TestsPromptInput): { name: string; text: string }[] {
  return [
    {
      name: 'task',
      text: `Write \`${input.fileName}\`: the unittest acceptance tests for the module \`${input.moduleName}\` (imported as \`${input.moduleName}\`, file \`${input.checklist.deliverable}\`), which another engineer is writing from the technical design and user stories below. You do not write the module.`,
    },
    { name: 'design', text: `# Technical design (Engineering Lead)\n\n${quoted('technical_design', input.design)}` },
    { name: 'stories', text: `# User stories (Product Manager)\n\n${quoted('user_stories', input.stories)}` },
    { name: 'criteria', text: `# Criteria to test (one test method each)\n\n${formatCriteria(input.storiesSpec)}` },
    { name: 'api', text: `# The module's API (the only names the tests may use)\n\n${formatChecklist(input.checklist)}` },
    { name: 'contract', text: `# Your reply\n\n${testsContract(input.fileName, input.moduleName)}` },
  ];
}

function testsContract(fileName: string, moduleName: string): string {
  return [
    `Reply with the complete contents of \`${fileName}\` and nothing else.`,
    '- Python source only: no Markdown code fences, no introduction, no explanation after the code.',
    `- Import the module under test as \`${moduleName}\`; never define your own copy of anything it defines.`,
    '- unittest and the standard library only; every test deterministic.',
    '- backsmith checks the file (Python syntax, the import, the API and arities, the quoted messages, one test',
    '  per criterion) and sends back anything that fails.',
  ].join('\n');
}

/** The first request: the QA agent as the system prompt; task, documents, criteria, API, contract. */
export function buildTestsPrompt(input: TestsPromptInput): ModelPrompt {
  return assemblePrompt(input.agent.prompt, [{ role: 'user', sections: taskSections(input) }]);
}

/** A repair request: the task, the previous test file as the reply, then what is wrong with it. */
export function buildTestsRepairPrompt(input: TestsPromptInput, code: string, findings: readonly Finding[], uncovered: readonly string[]): ModelPrompt {
  const gaps = uncovered.length > 0 ? `\n\nCriteria without a test (add one each, named as in the criteria list): ${uncovered.join(', ')}.` : '';
  return assemblePrompt(input.agent.prompt, [
    { role: 'user', sections: taskSections(input) },
    { role: 'assistant', sections: [{ name: 'draft', text: code }] },
    {
      role: 'user',
      sections: [
        { name: 'findings', text: `${formatRepairFindings(findings, code, input.fileName)}${gaps}` },
        { name: 'contract', text: `Reply with the complete corrected \`${input.fileName}\` and nothing else: the whole file, Python source only,\nno code fences, no explanation. Fix every problem above; keep every test that already works unchanged.` },
      ],
    },
  ]);
}
