import { existsSync } from 'node:fs';
import path from 'node:path';
import { BacksmithError } from '../../errors.js';
import { PACKAGE_ROOT } from '../../python/package-paths.js';
import { readTextFile } from '../read-text-file.js';
import type { AgentDefinition } from './agent-definition.js';
import { parseAgentFile } from './parse-agent-file.js';

/** Name of the agent backsmith uses when none is chosen. */
export const BUILT_IN_AGENT_NAME = 'python-backend-engineer';

/** Path of the built-in agent file shipped in the package's `agents/` folder. */
export const BUILT_IN_AGENT_PATH = path.join(PACKAGE_ROOT, 'agents', `${BUILT_IN_AGENT_NAME}.agent.md`);

/** Agent files are prompts, not documents: anything past this is surely the wrong file. */
const MAX_AGENT_BYTES = 256 * 1024;

/** Reads and parses one `.agent.md` file. Throws `BacksmithError` with an actionable message. */
export async function loadAgentFile(file: string): Promise<AgentDefinition> {
  const text = await readTextFile(file, { maxBytes: MAX_AGENT_BYTES, label: 'Agent file' });
  return parseAgentFile(text, file);
}

/** The built-in agent that states the whole brief. */
export async function loadBuiltInAgent(): Promise<AgentDefinition> {
  if (!existsSync(BUILT_IN_AGENT_PATH)) {
    throw new BacksmithError(`The built-in agent is missing from the installation (${BUILT_IN_AGENT_PATH}); reinstall backsmith or pass --agent FILE.`);
  }
  const text = await readTextFile(BUILT_IN_AGENT_PATH, { maxBytes: MAX_AGENT_BYTES, label: 'Built-in agent' });
  return { ...parseAgentFile(text, 'built-in', { builtIn: true }), name: BUILT_IN_AGENT_NAME };
}

/**
 * The agent for a run: the built-in one when `choice` is empty, else the file `choice`, else the
 * agent named `choice` among those `listAgents` finds in `directory`.
 */
export async function loadAgent(choice: string | undefined, directory: string = process.cwd()): Promise<AgentDefinition> {
  if (!choice || choice === BUILT_IN_AGENT_NAME || choice === 'built-in') return loadBuiltInAgent();
  const asPath = path.resolve(directory, choice);
  if (existsSync(asPath)) return loadAgentFile(asPath);
  const { listAgents } = await import('./list-agents.js');
  const listings = (await listAgents(directory)).filter((entry) => entry.name === choice);
  const usable = listings.find((entry) => entry.agent);
  if (usable?.agent) return usable.agent;
  // Listed by 'backsmith agents' but unusable: say which file and why, not "not found".
  const unusable = listings[0];
  if (unusable) throw new BacksmithError(`Agent ${choice} (${path.relative(directory, unusable.source) || unusable.source}) cannot be used: ${unusable.error ?? 'it could not be read'}`);
  throw new BacksmithError(`Agent not found: ${choice}. Pass the path of a .agent.md file, or a name from 'backsmith agents'.`);
}
