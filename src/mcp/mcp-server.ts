import type { Readable, Writable } from 'node:stream';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { loadConfig } from '../config/load-config.js';
import { environmentSecrets } from '../runs/environment-secrets.js';
import { warmUpRuntime } from '../sandbox/verify-runtime.js';
import { warmUpVerifier } from '../verify/build-context.js';
import { BACKSMITH_VERSION } from '../version.js';
import { registerChecksTool } from './checks-tool.js';
import { registerGenerateTestsTool } from './generate-tests-tool.js';
import { registerImplementTool } from './implement-tool.js';
import { registerSpecTool } from './spec-tool.js';
import { StdioLineTransport } from './stdio-line-transport.js';
import type { McpServerSettings, ToolContext } from './tool-context.js';
import { registerVerifyTool } from './verify-tool.js';
import { WorkspaceRoots } from './workspace-roots.js';

export type { McpServerSettings } from './tool-context.js';

const INSTRUCTIONS =
  'backsmith verifies (and can write) one Python backend module against a technical design, user stories and acceptance tests. ' +
  'Call read_spec to see what the design asks for, verify_module on the module before declaring it done (fix every error finding, ' +
  'each has a line and a hint), implement_module to have backsmith draft, verify, repair and deliver the module itself, and ' +
  'generate_tests to write acceptance tests from the stories first.';

/** Arrays and object members a call's arguments may hold in all; the largest honest call has a few hundred (select lists). */
const MAX_INPUT_ELEMENTS = 2_000;

/** Options of the server beyond the CLI settings (tests pass their own). */
export interface CreateServerOptions {
  /** Where relative paths go when the client declares no roots (default: the working directory). */
  fallbackDir?: string;
  log?: (text: string) => void;
}

/**
 * Creates backsmith's MCP server with its tools registered: `verify_module`, `read_spec`,
 * `list_checks`, `implement_module` and `generate_tests`. Connect it to any transport.
 */
export function createMcpServer(settings: McpServerSettings = {}, options: CreateServerOptions = {}): McpServer {
  const server = new McpServer({ name: 'backsmith', version: BACKSMITH_VERSION }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS, maxToolInputElements: MAX_INPUT_ELEMENTS });
  const context: ToolContext = {
    server,
    roots: new WorkspaceRoots(server.server, options.fallbackDir ?? process.cwd()),
    settings,
    secrets: environmentSecrets(),
    log: options.log ?? ((text) => void process.stderr.write(text)),
  };
  registerVerifyTool(context);
  registerSpecTool(context);
  registerChecksTool(context);
  registerImplementTool(context);
  registerGenerateTestsTool(context);
  return server;
}

/**
 * Keeps stdout for protocol messages only: the transport gets the real stream, and anything else
 * that writes to stdout (a library's console.log) lands on stderr instead of corrupting the protocol.
 */
function protocolStdout(): Writable {
  const stdout = process.stdout;
  const write = stdout.write.bind(stdout);
  const once = stdout.once.bind(stdout);
  stdout.write = ((chunk: unknown, ...rest: unknown[]) => (process.stderr.write as (...args: unknown[]) => boolean)(chunk, ...rest)) as typeof stdout.write;
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  return { write, once } as unknown as Writable;
}

/**
 * Serves backsmith's tools over stdio until the client closes stdin. The slow parts of the
 * verifier (Ruff's worker, tree-sitter, the Python syntax authority, the sandbox interpreter)
 * start now and stay warm for every call.
 */
export async function serveStdio(settings: McpServerSettings = {}): Promise<void> {
  const config = await loadConfig(settings.configFile);
  warmUpVerifier(config, settings.python ?? config.python ?? 'python3');
  warmUpRuntime(settings.python, config, settings.allowUnsandboxed ?? false);
  const server = createMcpServer(settings);
  const stdin: Readable = process.stdin;
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    stdin.once('end', () => void server.close());
  });
  // The client went away (its end of stdout closed): stop serving, quietly, instead of crashing on EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`backsmith mcp: cannot write to stdout: ${error.message}\n`);
    void server.close();
  });
  // A line the server could not read is answered (-32700/-32600) by the transport and noted here.
  server.server.onerror = (error) => void process.stderr.write(`backsmith mcp: ${error.message}\n`);
  await server.connect(new StdioLineTransport(stdin, protocolStdout()));
  await closed;
}
