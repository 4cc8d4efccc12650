import { MCP_COMMAND, MCP_SERVER_NAME, type InitHost } from './init-host.js';

/** Where a host reads project MCP servers from, and under which top-level key. */
export interface McpRegistrationFile {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  /** `servers` for VS Code's `.vscode/mcp.json`; `mcpServers` for Claude Code and Cursor. */
  key: 'servers' | 'mcpServers';
  /** The entry for backsmith's server under that key. */
  entry: Record<string, unknown>;
}

/**
 * The registration each host documents: VS Code (Copilot) reads `.vscode/mcp.json` with `servers`
 * and a required `type`; Claude Code reads a project `.mcp.json` with `mcpServers` (stdio `type`
 * optional, written for clarity); Cursor reads `.cursor/mcp.json` with `mcpServers` and no `type`.
 */
export function mcpRegistration(host: InitHost): McpRegistrationFile {
  const command = { command: MCP_COMMAND.command, args: [...MCP_COMMAND.args] };
  switch (host) {
    case 'copilot':
      return { path: '.vscode/mcp.json', key: 'servers', entry: { type: 'stdio', ...command } };
    case 'claude':
      return { path: '.mcp.json', key: 'mcpServers', entry: { type: 'stdio', ...command } };
    case 'cursor':
      return { path: '.cursor/mcp.json', key: 'mcpServers', entry: { ...command } };
  }
}

/** A fresh registration file holding only backsmith's server. */
export function mcpRegistrationText(registration: McpRegistrationFile): string {
  return `${JSON.stringify({ [registration.key]: { [MCP_SERVER_NAME]: registration.entry } }, null, 2)}\n`;
}
