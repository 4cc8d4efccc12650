import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { BacksmithError } from '../errors.js';
import { copilotAgentText } from './copilot-agent-text.js';
import { MCP_SERVER_NAME, type InitHost } from './init-host.js';
import { mcpRegistration, mcpRegistrationText, type McpRegistrationFile } from './mcp-registration.js';
import { readJsonc } from './read-jsonc.js';
import { setJsoncMember } from './set-jsonc-member.js';

/** Path of the Copilot custom agent `init` writes, relative to the project root. */
export const AGENT_FILE = '.github/agents/python-backend-engineer.agent.md';

/** The line `init` adds to `.gitignore`: run records hold prompts and drafts, not source. */
export const GITIGNORE_ENTRY = '.backsmith/';

/** What `init` will do to one file. */
export interface PlannedFile {
  /** Relative to the project root, forward slashes. */
  path: string;
  /** The file as it is now, or null when it does not exist. */
  current: string | null;
  /** The file as `init` leaves it. */
  next: string;
  /**
   * `create`, `unchanged`, `update` (backsmith's part added, nothing of the user's changed) or
   * `conflict` (the user's content would be replaced: needs `--force`, which keeps a backup).
   */
  action: 'create' | 'unchanged' | 'update' | 'conflict';
  /** Why a conflict is one. */
  reason?: string;
}

async function readCurrent(root: string, relative: string): Promise<string | null> {
  try {
    return await readFile(path.join(root, relative), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BacksmithError(`Cannot read ${relative}: ${(error as Error).message}`);
  }
}

function whole(relative: string, current: string | null, next: string): PlannedFile {
  if (current === null) return { path: relative, current, next, action: 'create' };
  if (current === next) return { path: relative, current, next, action: 'unchanged' };
  return { path: relative, current, next, action: 'conflict', reason: 'it exists with different content' };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds backsmith's server to an existing registration file (JSON with comments and trailing
 * commas, as the hosts read it), editing only that entry: the user's other servers, comments and
 * layout are kept, with or without --force.
 */
function mcpPlan(host: InitHost, current: string | null): PlannedFile {
  const registration = mcpRegistration(host);
  const fresh = mcpRegistrationText(registration);
  if (current === null || current === fresh) return whole(registration.path, current, fresh);
  let parsed: unknown;
  try {
    parsed = readJsonc(current).value;
  } catch (error) {
    return { path: registration.path, current, next: fresh, action: 'conflict', reason: `it is not valid JSON, even with comments: ${(error as Error).message}` };
  }
  const servers = isObject(parsed) ? parsed[registration.key] ?? {} : null;
  if (!isObject(parsed) || !isObject(servers)) {
    return { path: registration.path, current, next: fresh, action: 'conflict', reason: `it has no "${registration.key}" object` };
  }
  const existing = servers[MCP_SERVER_NAME];
  if (JSON.stringify(existing) === JSON.stringify(registration.entry)) return { path: registration.path, current, next: current, action: 'unchanged' };
  const merged = mergedRegistration(current, parsed, registration);
  if (existing === undefined) return { path: registration.path, current, next: merged, action: 'update' };
  return { path: registration.path, current, next: merged, action: 'conflict', reason: `its "${MCP_SERVER_NAME}" server is registered differently` };
}

/** The registration text with backsmith's entry set in place; rewritten whole (comments lost, servers kept) if the in-place edit does not read back as expected. */
function mergedRegistration(current: string, parsed: Record<string, unknown>, registration: McpRegistrationFile): string {
  const servers = (parsed[registration.key] ?? {}) as Record<string, unknown>;
  const expected = { ...parsed, [registration.key]: { ...servers, [MCP_SERVER_NAME]: registration.entry } };
  try {
    const edited = setJsoncMember(current, registration.key, MCP_SERVER_NAME, registration.entry);
    if (isDeepStrictEqual(readJsonc(edited).value, expected)) return edited;
  } catch {
    // Fall through to the rewrite below.
  }
  return `${JSON.stringify(expected, null, 2)}\n`;
}

function gitignorePlan(current: string | null): PlannedFile {
  if (current === null) return { path: '.gitignore', current, next: `${GITIGNORE_ENTRY}\n`, action: 'create' };
  const listed = current.split(/\r?\n/).some((line) => ['.backsmith', '.backsmith/', '/.backsmith', '/.backsmith/'].includes(line.trim()));
  if (listed) return { path: '.gitignore', current, next: current, action: 'unchanged' };
  // A file written on Windows keeps its CRLF line ends: the added line is not the only one without a CR.
  const newline = current.includes('\r\n') ? '\r\n' : '\n';
  const separator = current === '' || current.endsWith('\n') ? '' : newline;
  return { path: '.gitignore', current, next: `${current}${separator}${GITIGNORE_ENTRY}${newline}`, action: 'update' };
}

/** Works out every file `backsmith init <host>` touches in `root`, without writing anything. */
export async function planInitFiles(root: string, host: InitHost): Promise<PlannedFile[]> {
  const registration = mcpRegistration(host);
  const [agentCurrent, mcpCurrent, gitignoreCurrent] = await Promise.all([
    readCurrent(root, AGENT_FILE), readCurrent(root, registration.path), readCurrent(root, '.gitignore'),
  ]);
  return [whole(AGENT_FILE, agentCurrent, await copilotAgentText()), mcpPlan(host, mcpCurrent), gitignorePlan(gitignoreCurrent)];
}
