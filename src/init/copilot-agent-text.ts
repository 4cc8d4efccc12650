import { stringify } from 'yaml';
import { loadBuiltInAgent } from '../inputs/agents/load-agent.js';
import { MCP_SERVER_NAME, MCP_TOOL_NAMES } from './init-host.js';

/** Copilot's built-in tool sets the agent needs to read, edit and search the workspace and run commands. */
const WORKSPACE_TOOLS = ['read', 'edit', 'search', 'execute'];

const VERIFY_SECTION = `## Verify before you declare the module done

The workspace has the backsmith MCP server. Before you say the module is finished:

1. Save the module, then call \`${MCP_SERVER_NAME}/verify_module\` with its path, the technical design,
   the user stories and any acceptance test files.
2. Fix every finding at \`error\` severity (each comes with a line and a fix hint), then call
   \`verify_module\` again. Repeat until it reports that the module passed.
3. Only then declare the module done. If a finding cannot be fixed, say which and why instead of
   declaring success.

\`read_spec\` shows what backsmith read from the design and stories, \`list_checks\` explains a finding's
check, and \`generate_tests\` / \`implement_module\` draft acceptance tests or the whole module from the
design and stories.
`;

/**
 * The built-in agent as a Copilot custom agent file: its name and description, tools including the
 * backsmith MCP tools, and its instructions followed by the rule to call `verify_module` before
 * declaring the module done.
 */
export async function copilotAgentText(): Promise<string> {
  const agent = await loadBuiltInAgent();
  const frontMatter = stringify(
    {
      name: agent.name,
      description: agent.description,
      tools: [...WORKSPACE_TOOLS, ...MCP_TOOL_NAMES.map((tool) => `${MCP_SERVER_NAME}/${tool}`)],
    },
    { lineWidth: 0 },
  );
  return `---\n${frontMatter}---\n\n${agent.prompt.trim()}\n\n${VERIFY_SECTION}`;
}
