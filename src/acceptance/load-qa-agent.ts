import { existsSync } from 'node:fs';
import path from 'node:path';
import { BacksmithError } from '../errors.js';
import type { AgentDefinition } from '../inputs/agents/agent-definition.js';
import { loadAgent } from '../inputs/agents/load-agent.js';
import { parseAgentFile } from '../inputs/agents/parse-agent-file.js';
import { readTextFile } from '../inputs/read-text-file.js';
import { PACKAGE_ROOT } from '../python/package-paths.js';

/** Name of the built-in agent that writes acceptance tests. */
export const QA_AGENT_NAME = 'qa-engineer';

/** Path of the built-in test-writing agent shipped in the package's `agents/` folder. */
export const QA_AGENT_PATH = path.join(PACKAGE_ROOT, 'agents', `${QA_AGENT_NAME}.agent.md`);

/** The test writer: the built-in QA agent, or the `.agent.md` file (or agent name) `choice` names. */
export async function loadQaAgent(choice?: string, directory: string = process.cwd()): Promise<AgentDefinition> {
  if (choice && choice !== QA_AGENT_NAME) return loadAgent(choice, directory);
  if (!existsSync(QA_AGENT_PATH)) {
    throw new BacksmithError(`The built-in test-writing agent is missing from the installation (${QA_AGENT_PATH}); reinstall backsmith.`);
  }
  const text = await readTextFile(QA_AGENT_PATH, { maxBytes: 256 * 1024, label: 'Built-in agent' });
  return { ...parseAgentFile(text, 'built-in', { builtIn: true }), name: QA_AGENT_NAME };
}
