/** The model layer: one LanguageModel interface, provider adapters behind `resolveModel`, one retry policy. */
export type { ChatMessage, CompletionRequest, CompletionResult, FinishReason, LanguageModel, RetryEvent, TokenUsage } from './language-model.js';
export { resolveModel } from './resolve-model.js';
export type { ResolveModelSettings } from './resolve-model.js';
export { parseModelId } from './parse-model-id.js';
export type { ModelIdParts } from './parse-model-id.js';
export { providerSetupInstructions } from './provider-setup-instructions.js';
export { PROVIDERS } from './provider-registry.js';
export type { Environment, ProviderDefinition } from './provider-definition.js';
export {
  ModelConfigurationError,
  NoModelConfiguredError,
  InvalidModelIdError,
  NoSuchProviderError,
  MissingApiKeyError,
  MissingBaseUrlError,
} from './model-configuration-error.js';
export type { ModelConfigurationProblem } from './model-configuration-error.js';
export { ProviderError } from './provider-error.js';
export type { ProviderErrorKind } from './provider-error.js';
export { DEFAULT_RETRY_SETTINGS, SYSTEM_CLOCK, retrySettings } from './retry-policy.js';
export type { RetrySettings, RetryClock } from './retry-policy.js';
export { completeWithContinuation, stitchContinuation, CONTINUE_PROMPT } from './continue-completion.js';
export { estimateCost } from './estimate-cost.js';
export type { CostEstimate } from './estimate-cost.js';
export { lookupModelInfo, PRICES_AS_OF } from './model-catalog.js';
export type { ModelInfo } from './model-catalog.js';
export { redactSecrets, redactUrl, REDACTED } from './redact-secrets.js';
export { createScriptedModel } from './scripted-model.js';
export type { ScriptedModel, ScriptedReply, ScriptedModelSettings } from './scripted-model.js';
