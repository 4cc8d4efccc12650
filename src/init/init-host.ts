/** Agent hosts `backsmith init` can set up. */
export const INIT_HOSTS = ['copilot', 'claude', 'cursor'] as const;

/** One of `INIT_HOSTS`. */
export type InitHost = (typeof INIT_HOSTS)[number];

/** Name under which backsmith's MCP server is registered with every host. */
export const MCP_SERVER_NAME = 'backsmith';

/** The MCP tools backsmith's server offers (`backsmith mcp`). */
export const MCP_TOOL_NAMES = ['verify_module', 'read_spec', 'list_checks', 'generate_tests', 'implement_module'] as const;

/** How the host starts the server: `npx backsmith mcp`, found in the project or fetched once. */
export const MCP_COMMAND = { command: 'npx', args: ['backsmith', 'mcp'] } as const;

/** True when `value` names a host `backsmith init` knows. */
export function isInitHost(value: string): value is InitHost {
  return (INIT_HOSTS as readonly string[]).includes(value);
}
