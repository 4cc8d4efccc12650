import type { LanguageModel as SdkLanguageModel } from 'ai';
import type { FetchFunction } from './tracking-fetch.js';

/** Environment variables, as `process.env` holds them. */
export type Environment = Record<string, string | undefined>;

/** What an adapter's factory receives once the resolver has settled key and URL. */
export interface SdkModelConfig {
  modelId: string;
  /** Base URL without a trailing slash. */
  baseUrl: string;
  apiKey: string | undefined;
  fetch: FetchFunction;
}

/** One provider of model ids `<name>:<model>`: how it is configured and how its SDK model is built. */
export interface ProviderDefinition {
  /** The prefix in model ids. */
  name: string;
  /** Human name for messages. */
  title: string;
  /** Variable holding the API key, when the provider takes one. */
  apiKeyEnv?: string;
  /** `required`: no request without it (unless the base URL was changed); `optional`: sent when set. */
  apiKey: 'required' | 'optional' | 'none';
  /**
   * Header the key is sent in instead of `Authorization: Bearer` (Azure OpenAI's `api-key`). Other
   * providers switch to it too when their base URL is an Azure resource (`isAzureBaseUrl`).
   */
  apiKeyHeader?: 'api-key';
  /** Variable overriding the base URL. */
  baseUrlEnv?: string;
  /** Base URL when none is configured; undefined means one must be given. */
  defaultBaseUrl?: string;
  /** Turns the provider's base-URL variable into a base URL (Ollama's OLLAMA_HOST is a host, not a URL). */
  baseUrlFromEnv?: (value: string) => string;
  /**
   * Path the API lives under (`/v1`), appended to a configured base URL whose path does not already
   * end in it (Anthropic's SDKs take the origin, Ollama's OLLAMA_HOST a host). Without it, a base URL
   * is used exactly as given, as OpenAI's SDKs use OPENAI_BASE_URL.
   */
  apiPath?: string;
  /** A base URL to show in messages when the one given is no URL (default http://localhost:8080/v1). */
  baseUrlExample?: string;
  /** Path given to a configured base URL that has none (Azure's endpoint → its `/openai/v1` API). */
  pathWhenBare?: string;
  /** What a base URL means for this provider, for --help and the README. */
  baseUrlMeaning: string;
  /** A model id that works, for messages. */
  exampleModel: string;
  /** How to set it up, one line each, for the "no model configured" message. */
  setup: string[];
  createSdkModel(config: SdkModelConfig): SdkLanguageModel;
}
