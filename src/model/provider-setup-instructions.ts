import type { Environment } from './provider-definition.js';
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

/**
 * How to configure a model, for a person who has configured none: one block per provider with the
 * variables to set and a `--model` to pass, then what is already set in `env` (names only, never values).
 */
export function providerSetupInstructions(env: Environment = process.env): string {
  const lines = [
    'No model is configured. Choose one with --model PROVIDER:MODEL (or "model" in backsmith.config.json;',
    '--base-url or "baseUrl" points any OpenAI-compatible provider at another server):',
    '',
  ];
  for (const provider of PROVIDERS.values()) {
    lines.push(`  ${provider.title}`);
    lines.push(`    --model ${provider.exampleModel}`);
    for (const step of provider.setup) lines.push(`    ${step}`);
  }
  const found = detected(env);
  if (found.length > 0) lines.push('', 'Found in the environment:', ...found.map((line) => `  ${line}`));
  return lines.join('\n');
}
