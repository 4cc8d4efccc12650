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

/** In the editor the agent writes the file itself, so the built-in agent's rule for a reply that becomes the file is restated. */
const REPLY_RULE_START = 'Your reply is saved to that file byte for byte.';
const EDITOR_RULE = 'Write the module to that file in the workspace (create the folder when it is missing). The file holds\nthe Python source only: no Markdown fences, no prose; it starts with the module docstring or an import.';

function forTheEditor(prompt: string): string {
  const paragraphs = prompt.trim().split(/\n{2,}/);
  return paragraphs.map((paragraph) => (paragraph.startsWith(REPLY_RULE_START) ? EDITOR_RULE : paragraph)).join('\n\n');
}

/**
 * The built-in agent as a Copilot custom agent file: its name and description, tools including the
 * backsmith MCP tools, and its instructions (the file written with the editor's tools, not sent as
 * a reply) followed by the rule to call `verify_module` before declaring the module done.
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
  return `---\n${frontMatter}---\n\n${forTheEditor(agent.prompt)}\n\n${VERIFY_SECTION}`;
}
