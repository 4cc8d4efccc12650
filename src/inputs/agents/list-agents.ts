import type { Dirent } from 'node:fs';
import { readdir, readlink, stat } from 'node:fs/promises';
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

/** An entry named `*.agent.md` that is not a file to read: a folder, a broken link, a loop of links, a FIFO. */
interface Unreadable {
  file: string;
  error: string;
}

/** Why a non-file entry cannot be an agent, following a link once to say where it leads. */
async function whyNotAFile(file: string): Promise<string | null> {
  try {
    const info = await stat(file);
    if (info.isFile()) return null;
    return info.isDirectory() ? 'it is a folder, not a file (an agent is one .agent.md file)' : 'it is not a regular file (a device, FIFO or socket)';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const target = await readlink(file).catch(() => null);
      return `it is a broken link${target === null ? '' : ` (to ${target}, which does not exist)`}`;
    }
    if (code === 'ELOOP') return 'it is a loop of links';
    return `it cannot be read (${code ?? String(error)})`;
  }
}

/** The `*.agent.md` entries of `folder`, sorted: files and links to files, and what cannot be read, with why. */
async function agentFilesIn(folder: string): Promise<{ files: string[]; unreadable: Unreadable[] }> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No such folder is the usual case; one that exists but cannot be listed is said.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { files: [], unreadable: [] };
    return { files: [], unreadable: [{ file: folder, error: `the folder cannot be listed (${code ?? String(error)}), so its agents are not shown` }] };
  }
  const files: string[] = [];
  const unreadable: Unreadable[] = [];
  for (const entry of entries.filter((candidate) => candidate.name.endsWith(AGENT_FILE_SUFFIX)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(folder, entry.name);
    const why = entry.isFile() ? null : await whyNotAFile(file);
    if (why) unreadable.push({ file, error: why });
    else files.push(file);
  }
  return { files, unreadable };
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

/**
 * The built-in agent, then every `.agent.md` in `<directory>/.github/agents/` and in `directory` (links
 * followed), each folder's unusable entries (a folder, a broken link) after its files, with the reason.
 */
export async function listAgents(directory: string = process.cwd()): Promise<AgentListing[]> {
  const builtIn = await loadBuiltInAgent();
  const listings: AgentListing[] = [{ name: builtIn.name, source: 'built-in', agent: builtIn, error: null }];
  for (const folder of [path.join(directory, '.github', 'agents'), directory]) {
    const { files, unreadable } = await agentFilesIn(folder);
    for (const file of files) listings.push(await listingOf(file));
    // Never a silent skip: what looks like an agent but cannot be one is listed with the reason.
    for (const { file, error } of unreadable) {
      const name = file.endsWith(AGENT_FILE_SUFFIX) ? path.basename(file).slice(0, -AGENT_FILE_SUFFIX.length) : path.basename(file);
      listings.push({ name, source: file, agent: null, error });
    }
  }
  return listings;
}
