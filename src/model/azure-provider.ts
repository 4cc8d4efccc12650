import { createOpenAI } from '@ai-sdk/openai';
import type { ProviderDefinition } from './provider-definition.js';

/** Host names of Azure OpenAI resources (classic, AI Services, AI Foundry). */
const AZURE_HOSTS = /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/i;

/** Whether `baseUrl` is an Azure OpenAI resource, which takes its key in an `api-key` header, not `Authorization: Bearer`. */
export function isAzureBaseUrl(baseUrl: string): boolean {
  try {
    return AZURE_HOSTS.test(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

/**
 * Azure OpenAI through its chat-completions API: the key goes in an `api-key` header; the model id
 * is the deployment name. A bare endpoint (AZURE_OPENAI_ENDPOINT, https://RESOURCE.openai.azure.com)
 * means its v1 API, `/openai/v1`; a deployment URL (`…/openai/deployments/NAME?api-version=…`) is used as given.
 */
export const azureProvider: ProviderDefinition = {
  name: 'azure',
  title: 'Azure OpenAI',
  apiKeyEnv: 'AZURE_OPENAI_API_KEY',
  apiKey: 'required',
  apiKeyHeader: 'api-key',
  baseUrlEnv: 'AZURE_OPENAI_ENDPOINT',
  pathWhenBare: '/openai/v1',
  baseUrlExample: 'https://RESOURCE.openai.azure.com',
  baseUrlMeaning: 'the resource endpoint (https://RESOURCE.openai.azure.com: /openai/v1 is added to a URL with no path) or a deployment URL with its ?api-version=…',
  exampleModel: 'azure:DEPLOYMENT --base-url https://RESOURCE.openai.azure.com',
  setup: ['export AZURE_OPENAI_API_KEY=... and AZURE_OPENAI_ENDPOINT=https://RESOURCE.openai.azure.com', '--model azure:DEPLOYMENT (the deployment name, not the model name)'],
  createSdkModel: ({ modelId, baseUrl, apiKey, fetch }) =>
    createOpenAI({ baseURL: baseUrl, apiKey: apiKey ?? '', fetch, name: 'azure' }).chat(modelId),
};
