import type { Environment, ProviderDefinition } from './provider-definition.js';
import { PROVIDERS } from './provider-registry.js';

/** The providers whose variables are already set, worded for a hint ("OPENAI_API_KEY is set"). */
function detected(env: Environment): string[] {
  const lines: string[] = [];
  for (const provider of PROVIDERS.values()) {
    for (const variable of [provider.apiKeyEnv, provider.baseUrlEnv]) {
      if (variable && env[variable]) lines.push(`${variable} is set: try --model ${provider.exampleModel}`);
    }
  }
  return lines;
}

/** What one provider needs, in a few words: its example `--model` and its key or server. */
function providerExample(provider: ProviderDefinition): string {
  if (provider.apiKey === 'required' && provider.apiKeyEnv) return `${provider.exampleModel} (with ${provider.apiKeyEnv})`;
  if (provider.apiKey === 'none' && provider.defaultBaseUrl) return `${provider.exampleModel} (a local server at ${provider.defaultBaseUrl})`;
  return provider.exampleModel;
}

/**
 * How to configure a model, for a person who has configured none, as an error says it: one line
 * with the flag, the configuration key and an example per provider (with its key or server), and a
 * second line with what is already set in `env` (names only, never values) when something is.
 */
export function providerSetupInstructions(env: Environment = process.env): string {
  const examples = [...PROVIDERS.values()].map(providerExample).join(', ');
  const line = `No model is configured: pass --model PROVIDER:MODEL or set "model" in backsmith.config.json, e.g. ${examples}.`;
  const found = detected(env);
  return found.length > 0 ? `${line}\nFound in the environment: ${found.join('; ')}.` : line;
}
