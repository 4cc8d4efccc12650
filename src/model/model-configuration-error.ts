import { BacksmithError } from '../errors.js';

/** Why a model id could not be turned into a working model. */
export type ModelConfigurationProblem =
  | 'no-model'
  | 'invalid-model-id'
  | 'no-such-provider'
  | 'missing-api-key'
  | 'missing-base-url'
  | 'invalid-base-url';

/** A model that cannot be used as configured; the message says exactly what to set. Exit code 2. */
export class ModelConfigurationError extends BacksmithError {
  readonly problem: ModelConfigurationProblem;
  /** The provider concerned, when known. */
  readonly provider: string | null;

  constructor(problem: ModelConfigurationProblem, message: string, provider: string | null = null) {
    super(message);
    this.name = 'ModelConfigurationError';
    this.problem = problem;
    this.provider = provider;
  }
}

/** No `--model`, no `model` in the configuration: the message lists how to configure each provider. */
export class NoModelConfiguredError extends ModelConfigurationError {
  constructor(message: string) {
    super('no-model', message);
    this.name = 'NoModelConfiguredError';
  }
}

/** A model id that is not `provider:model`. */
export class InvalidModelIdError extends ModelConfigurationError {
  constructor(message: string) {
    super('invalid-model-id', message);
    this.name = 'InvalidModelIdError';
  }
}

/** A model id whose provider prefix is unknown. */
export class NoSuchProviderError extends ModelConfigurationError {
  constructor(message: string, provider: string) {
    super('no-such-provider', message, provider);
    this.name = 'NoSuchProviderError';
  }
}

/** A provider that needs an API key, with none in its environment variable. */
export class MissingApiKeyError extends ModelConfigurationError {
  constructor(message: string, provider: string) {
    super('missing-api-key', message, provider);
    this.name = 'MissingApiKeyError';
  }
}

/** A provider that needs a base URL (`openai-compatible`), with none given; or one that is not a URL. */
export class MissingBaseUrlError extends ModelConfigurationError {
  constructor(message: string, provider: string, problem: 'missing-base-url' | 'invalid-base-url' = 'missing-base-url') {
    super(problem, message, provider);
    this.name = 'MissingBaseUrlError';
  }
}
