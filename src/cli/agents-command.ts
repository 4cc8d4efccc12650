import type { Command } from 'commander';
import type { AgentDefinition } from '../inputs/agents/agent-definition.js';
import { escapeTerminal } from '../report/escape-terminal.js';
import type { CliIo } from './cli-io.js';

/** One row of `backsmith agents`: an agent, what it is for, or why it cannot be used. */
interface AgentRow {
  name: string;
  source: string;
  /** What the agent does in backsmith (the built-in ones), or how a found file can be used. */
  purpose: string;
  agent: AgentDefinition | null;
  error: string | null;
}

const MODULE_WRITER = 'writes the module: the default of generate --agent';
const TEST_WRITER = 'writes the acceptance tests: the default of tests --agent, and what generate runs first without --tests';
const FOUND = 'a Copilot agent file: generate --agent or tests --agent';

/** Registers `backsmith agents`: the built-in agents (module writer, test writer) and any `.agent.md` files found. */
export function registerAgentsCommand(program: Command, io: CliIo): void {
  program
    .command('agents')
    .description('List the agents: the built-in module writer (generate --agent) and test writer (tests --agent), .github/agents/*.agent.md and ./*.agent.md')
    .option('--json', 'print the list as JSON')
    .action(async (flags: { json?: boolean }) => {
      // Loaded on use: the YAML parser is not needed by the other commands.
      const [{ listAgents }, { loadQaAgent }] = await Promise.all([import('../inputs/agents/list-agents.js'), import('../acceptance/load-qa-agent.js')]);
      const [builtIn, ...found] = await listAgents(process.cwd());
      const qa = await loadQaAgent();
      const rows: AgentRow[] = [
        { ...builtIn!, purpose: MODULE_WRITER },
        { name: qa.name, source: 'built-in', purpose: TEST_WRITER, agent: qa, error: null },
        ...found.map((listing) => ({ ...listing, purpose: FOUND })),
      ];
      if (flags.json) {
        const json = rows.map(({ name, source, purpose, agent, error }) => ({
          name, source, purpose, description: agent?.description ?? null, warnings: agent?.warnings ?? [], error,
        }));
        io.stdout(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      for (const { name, source, purpose, agent, error } of rows) {
        // Names, descriptions and errors come from agent files anyone may have written: terminal controls are shown, not obeyed.
        io.stdout(`${escapeTerminal(name)}${source === 'built-in' ? ` (built-in, ${purpose === MODULE_WRITER ? 'default' : 'test writer'})` : `  ${escapeTerminal(source)}`}\n`);
        io.stdout(agent ? `    ${escapeTerminal(agent.description)}\n` : `    unusable: ${escapeTerminal(String(error))}\n`);
        if (source === 'built-in') io.stdout(`    ${purpose}\n`);
        for (const warning of agent?.warnings ?? []) io.stdout(`    warning: ${escapeTerminal(warning)}\n`);
      }
    });
}
