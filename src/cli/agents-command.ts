import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/** Registers `backsmith agents`: the built-in agent and any `.agent.md` files found. */
export function registerAgentsCommand(program: Command, io: CliIo): void {
  program
    .command('agents')
    .description('List the agents --agent can pick: the built-in one, .github/agents/*.agent.md and ./*.agent.md')
    .option('--json', 'print the list as JSON')
    .action(async (flags: { json?: boolean }) => {
      // Loaded on use: the YAML parser is not needed by the other commands.
      const { listAgents } = await import('../inputs/agents/list-agents.js');
      const listings = await listAgents(process.cwd());
      if (flags.json) {
        const rows = listings.map(({ name, source, agent, error }) => ({
          name, source, description: agent?.description ?? null, warnings: agent?.warnings ?? [], error,
        }));
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const { name, source, agent, error } of listings) {
        io.stdout(`${name}${source === 'built-in' ? ' (built-in, default)' : `  ${source}`}\n`);
        io.stdout(agent ? `    ${agent.description}\n` : `    unusable: ${error}\n`);
        for (const warning of agent?.warnings ?? []) io.stdout(`    warning: ${warning}\n`);
      }
    });
}
