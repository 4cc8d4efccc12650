import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { BacksmithError } from '../errors.js';
import type { LanguageModel } from '../model/language-model.js';
import { ModelConfigurationError } from '../model/model-configuration-error.js';
import { createSamplingModel } from './sampling-model.js';
import type { ToolContext } from './tool-context.js';

/** What a tool handler gets besides its arguments. */
export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

const SAMPLING_NOTE = "Or call this tool from an MCP client that supports sampling (VS Code with Copilot, for one): backsmith then uses the client's own model and needs no API key.";

/**
 * The model a drafting tool uses: the one the call names; else the client's own model when it
 * declares sampling; else `--model` (undefined: the configuration's).
 */
export function chooseModel(context: ToolContext, named: string | undefined): LanguageModel | string | undefined {
  if (named) return named;
  const client = context.server.server;
  if (client.getClientCapabilities()?.sampling) {
    const name = client.getClientVersion()?.name;
    return createSamplingModel(client, name ? { clientName: name } : {});
  }
  return context.settings.model;
}

/** Runs a drafting tool's work; a model that is not configured gets a note on sampling added to the CLI's instructions. */
export async function withSamplingNote<T>(model: LanguageModel | string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ModelConfigurationError && typeof model !== 'object') throw new BacksmithError(`${error.message}\n${SAMPLING_NOTE}`, error.exitCode);
    throw error;
  }
}

/** Sends each message as a progress notification when the client asked for progress (a `progressToken`). */
export function progressNotifier(context: ToolContext, extra: ToolExtra): (message: string) => void {
  const token = extra._meta?.progressToken;
  let progress = 0;
  return (message) => {
    if (token === undefined) return;
    progress++;
    extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress, message } })
      .catch((error: Error) => context.log(`backsmith: could not send progress: ${error.message}\n`));
  };
}
