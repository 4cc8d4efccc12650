import type { Command } from 'commander';
import { BacksmithError } from '../errors.js';
import { INIT_HOSTS, isInitHost } from '../init/init-host.js';
import { initProject } from '../init/init-project.js';
import type { CliIo } from './cli-io.js';

const NEXT_STEP: Record<(typeof INIT_HOSTS)[number], string> = {
  copilot: 'Open the folder in VS Code, start the backsmith server (MCP: List Servers) and pick the python-backend-engineer agent in Copilot Chat.',
  claude: 'Start Claude Code in this folder and approve the project server "backsmith" (/mcp shows it).',
  cursor: 'Open the folder in Cursor and switch the "backsmith" server on in the MCP settings.',
};

/** Registers `backsmith init [copilot|claude|cursor]`. */
export function registerInitCommand(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('Set a project up for an agent host: the Copilot agent file, the MCP server registration (npx backsmith mcp) and .backsmith/ in .gitignore')
    .argument('[host]', `agent host: ${INIT_HOSTS.join(', ')}`, 'copilot')
    .option('--dir <path>', 'project root (default: the working directory)')
    .option('--force', 'replace files whose content differs (each old file is kept as <file>.<timestamp>.bak)')
    .action(async (host: string, flags: { dir?: string; force?: boolean }) => {
      if (!isInitHost(host)) throw new BacksmithError(`Unknown host '${host}': use one of ${INIT_HOSTS.join(', ')}.`);
      const results = await initProject({ host, ...(flags.dir ? { directory: flags.dir } : {}), ...(flags.force ? { force: true } : {}) });
      const width = Math.max(...results.map((result) => result.action.length));
      for (const result of results) {
        const shown = result.path === '.' ? `${(flags.dir ?? '.').replace(/\/+$/, '')}/ (the project folder)` : result.path;
        io.stdout(`${result.action.padEnd(width)}  ${shown}${result.backupPath ? ` (previous file kept as ${result.backupPath})` : ''}\n`);
      }
      io.stdout(`\n${NEXT_STEP[host]}\n`);
    });
}
