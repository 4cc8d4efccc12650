import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { BacksmithConfig } from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';
import { BacksmithError } from '../errors.js';
import { redactSecrets } from '../model/redact-secrets.js';
import { applySelectionFlags, type SelectionFlags } from '../verify/suppressions/selection-options.js';
import type { Workspace, WorkspaceRoots } from './workspace-roots.js';

/** How `backsmith mcp` was started: the same settings as the CLI's flags. */
export interface McpServerSettings {
  /** Configuration file; default: `backsmith.config.json` or `package.json#backsmith` in the first root. */
  configFile?: string;
  /** Model for `implement_module` when the client cannot sample (`provider:model`); default: the configuration's. */
  model?: string;
  baseUrl?: string;
  /** Python interpreter for the syntax authority and the sandbox. */
  python?: string;
  allowUnsandboxed?: boolean;
}

/** What every tool handler shares. */
export interface ToolContext {
  server: McpServer;
  roots: WorkspaceRoots;
  settings: McpServerSettings;
  /** Values that must never appear in a result or a log (API keys from the environment). */
  secrets: string[];
  /** Writes a line to stderr: stdout carries protocol messages only. */
  log(text: string): void;
}

/** The configuration for a call: the workspace's file (or --config), with the call's select/ignore applied. */
export async function workspaceConfig(context: ToolContext, workspace: Workspace, selection: SelectionFlags = {}): Promise<BacksmithConfig> {
  return applySelectionFlags(await loadConfig(context.settings.configFile, workspace.roots[0]), selection, { select: 'select', ignore: 'ignore' });
}

/** Structured content with every secret removed; the report itself when it holds none (the usual case, and the fast one). */
function cleanStructured(context: ToolContext, structured: object): Record<string, unknown> {
  if (context.secrets.length === 0) return structured as Record<string, unknown>;
  const json = JSON.stringify(structured);
  if (!context.secrets.some((secret) => json.includes(secret))) return structured as Record<string, unknown>;
  return JSON.parse(redactSecrets(json, context.secrets, { keyShapes: false })) as Record<string, unknown>;
}

/** A tool result with text and, when given, structured content; secrets removed from both. */
export function toolSuccess(context: ToolContext, text: string, structured?: object): CallToolResult {
  return {
    content: [{ type: 'text', text: redactSecrets(text, context.secrets, { keyShapes: false }) }],
    ...(structured ? { structuredContent: cleanStructured(context, structured) } : {}),
  };
}

/** A tool error (`isError: true`) holding the one-line message the CLI would print. */
export function toolFailure(context: ToolContext, error: unknown): CallToolResult {
  const message = redactSecrets(error instanceof Error ? error.message : String(error), context.secrets);
  const line = error instanceof BacksmithError ? `backsmith: ${message}` : `backsmith: internal error: ${message}`;
  if (!(error instanceof BacksmithError)) {
    context.log(`${line}\n`);
    if (process.env.BACKSMITH_DEBUG && error instanceof Error) context.log(`${redactSecrets(error.stack ?? '', context.secrets)}\n`);
  }
  return { content: [{ type: 'text', text: line }], isError: true };
}

/** Runs a tool's work; a thrown error becomes a tool error, never a protocol failure. */
export async function guarded(context: ToolContext, work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    return toolFailure(context, error);
  }
}
