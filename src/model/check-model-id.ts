import { NoSuchProviderError } from './model-configuration-error.js';
import { parseModelId } from './parse-model-id.js';
import type { ProviderDefinition } from './provider-definition.js';
import { PROVIDERS } from './provider-registry.js';

/**
 * The provider and model an id names, refused as a real run refuses it (`InvalidModelIdError` for
 * an id without a provider, `NoSuchProviderError` for an unknown one), with no key or server needed:
 * `generate --dry-run` checks the id the same way.
 */
export function checkModelId(id: string): { provider: ProviderDefinition; modelId: string } {
  const { provider: name, modelId } = parseModelId(id);
  const provider = PROVIDERS.get(name);
  if (!provider) {
    const known = [...PROVIDERS.keys()].join(', ');
    throw new NoSuchProviderError(`Unknown provider "${name}" in model id "${id.trim()}". Known providers: ${known} (e.g. --model openai:gpt-4.1).`, name);
  }
  return { provider, modelId };
}
