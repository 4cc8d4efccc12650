import type { AgentDefinition } from '../inputs/agents/agent-definition.js';
import { estimateTokens, MESSAGE_OVERHEAD_TOKENS } from './estimate-tokens.js';
import type { ModelPrompt, PromptDocument, PromptSection } from './model-prompt.js';
import { outputContract } from './output-contract.js';
import { formatChecklist, type SpecChecklist } from './spec-checklist.js';

/** What a first-draft prompt is made of. */
export interface GenerationPromptInput {
  agent: Pick<AgentDefinition, 'prompt'>;
  design: PromptDocument;
  /** The user stories; null when only free-form requirements were given. */
  stories: PromptDocument | null;
  /** Free-form requirements (no story structure), in place of or beside the stories. */
  requirements?: PromptDocument | null;
  checklist: SpecChecklist;
}

function quoted(tag: string, document: PromptDocument): string {
  return `<${tag} file=${JSON.stringify(document.name)}>\n${document.text.trim()}\n</${tag}>`;
}

/** The first-draft request's user message, section by section (the repair prompt reuses it). */
export function taskSections(input: GenerationPromptInput): { name: string; text: string }[] {
  const { checklist, stories } = input;
  const requirements = input.requirements ?? null;
  const goals = [stories ? 'every acceptance criterion of the user stories' : null, requirements ? 'every requirement' : null].filter(Boolean).join(' and ');
  return [
    {
      name: 'task',
      text: `Write \`${checklist.deliverable}\`: the one Python module that implements the technical design below${goals ? ` and meets ${goals} below` : ''}.`,
    },
    { name: 'design', text: `# Technical design (Engineering Lead)\n\n${quoted('technical_design', input.design)}` },
    ...(stories ? [{ name: 'stories', text: `# User stories (Product Manager)\n\n${quoted('user_stories', stories)}` }] : []),
    ...(requirements ? [{ name: 'requirements', text: `# Requirements\n\n${quoted('requirements', requirements)}` }] : []),
    { name: 'checklist', text: `# Checklist\n\nRead from the documents above; the module is checked against every item.\n\n${formatChecklist(checklist)}` },
    { name: 'contract', text: `# Your reply\n\n${outputContract(checklist.deliverable)}` },
  ];
}

/** Builds a prompt from a system text and the user message's named sections, with size estimates. */
export function assemblePrompt(system: string, turns: { role: 'user' | 'assistant'; sections: { name: string; text: string }[] }[]): ModelPrompt {
  const sections: PromptSection[] = [{ name: 'agent', tokens: estimateTokens(system) }];
  const messages = turns.map((turn) => {
    for (const section of turn.sections) sections.push({ name: section.name, tokens: estimateTokens(section.text) + 1 });
    return { role: turn.role, content: turn.sections.map((section) => section.text).join('\n\n') };
  });
  const estimatedTokens = sections.reduce((total, section) => total + section.tokens, 0) + MESSAGE_OVERHEAD_TOKENS * (messages.length + 1);
  return { system, messages, sections, estimatedTokens };
}

/**
 * The first-draft prompt: the agent's instructions as the system prompt; one user message with
 * the task, the design and the stories verbatim, the extracted checklist and the output contract.
 */
export function buildGenerationPrompt(input: GenerationPromptInput): ModelPrompt {
  return assemblePrompt(input.agent.prompt, [{ role: 'user', sections: taskSections(input) }]);
}
