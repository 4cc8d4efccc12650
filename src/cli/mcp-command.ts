import type { Command } from 'commander';
import { BacksmithError } from '../errors.js';
import { checkPythonOption } from './check-python-option.js';
import type { CliIo } from './cli-io.js';

interface McpFlags {
  config?: string;
  model?: string;
  baseUrl?: string;
  python?: string;
  allowUnsandboxed?: boolean;
}

/** The scheme of `value` (`http:`), or '' when it is no URL. */
function urlProtocol(value: string): string {
  try {
    return new URL(value.trim()).protocol;
  } catch {
    return '';
  }
}

/** Registers `backsmith mcp`: the MCP server over stdio that editors and agents start (`npx backsmith mcp`). */
export function registerMcpCommand(program: Command, _io: CliIo): void {
  program
    .command('mcp')
    .description('Serve backsmith as an MCP server over stdio (tools: verify_module, read_spec, list_checks, implement_module, generate_tests) for VS Code/Copilot, Claude Code, Cursor and other agents')
    .option('--config <file>', 'configuration file (default: backsmith.config.json or package.json#backsmith in the workspace root)')
    .option('--model <id>', "model for implement_module when the client cannot sample, as provider:model (default: the configuration's)")
    .option('--base-url <url>', "the base URL of --model's provider (as for generate --base-url)")
    .option('--python <path>', 'Python interpreter for syntax checks and the sandbox (default: python3)')
    .option('--allow-unsandboxed', 'run runtime checks even where the host lacks a required sandbox protection')
    .action(async (flags: McpFlags) => {
      checkPythonOption(flags.python);
      // A registration with a mistyped --model or --base-url fails when the editor starts it, not at the first tool call.
      if (flags.model) (await import('../model/check-model-id.js')).checkModelId(flags.model);
      if (flags.baseUrl !== undefined && !/^https?:$/.test(urlProtocol(flags.baseUrl))) {
        throw new BacksmithError(`--base-url "${flags.baseUrl}" is not an http(s) URL; expected e.g. http://localhost:8080/v1.`);
      }
      // …and as generate reads it: no user or password in it, not the endpoint itself.
      if (flags.baseUrl !== undefined) (await import('../model/resolve-model.js')).checkBaseUrl(flags.baseUrl, flags.model);
      // Loaded only when the command runs: the SDK is not needed by the other commands.
      const { serveStdio } = await import('../mcp/mcp-server.js');
      await serveStdio({
        ...(flags.config ? { configFile: flags.config } : {}),
        ...(flags.model ? { model: flags.model } : {}),
        ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
        ...(flags.python ? { python: flags.python } : {}),
        ...(flags.allowUnsandboxed ? { allowUnsandboxed: true } : {}),
      });
    });
}
