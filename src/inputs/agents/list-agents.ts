import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { BacksmithError } from '../../errors.js';
import { AGENT_FILE_SUFFIX, type AgentDefinition } from './agent-definition.js';
import { loadAgentFile, loadBuiltInAgent } from './load-agent.js';

/** One agent found by `listAgents`: loaded, or the reason it could not be. */
export interface AgentListing {
  name: string;
  /** `built-in` or the file's path. */
  source: string;
  agent: AgentDefinition | null;
  /** Why the file could not be used, when `agent` is null. */
  error: string | null;
}

async function agentFilesIn(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith(AGENT_FILE_SUFFIX))
      .map((entry) => path.join(folder, entry.name))
      .sort();
  } catch {
    return [];
  }
}

async function listingOf(file: string): Promise<AgentListing> {
  const name = path.basename(file).slice(0, -AGENT_FILE_SUFFIX.length);
  try {
    const agent = await loadAgentFile(file);
    return { name: agent.name, source: file, agent, error: null };
  } catch (error) {
    if (!(error instanceof BacksmithError)) throw error;
    return { name, source: file, agent: null, error: error.message };
  }
}

/** The built-in agent, then every `.agent.md` in `<directory>/.github/agents/` and in `directory`. */
export async function listAgents(directory: string = process.cwd()): Promise<AgentListing[]> {
  const builtIn = await loadBuiltInAgent();
  const listings: AgentListing[] = [{ name: builtIn.name, source: 'built-in', agent: builtIn, error: null }];
  const files = [...(await agentFilesIn(path.join(directory, '.github', 'agents'))), ...(await agentFilesIn(directory))];
  for (const file of files) listings.push(await listingOf(file));
  return listings;
}
