import { describe, expect, it } from 'vitest';
import { MissingApiKeyError, MissingBaseUrlError, InvalidModelIdError, NoModelConfiguredError, NoSuchProviderError, ModelConfigurationError } from './model-configuration-error.js';
import { ollamaBaseUrl } from './ollama-provider.js';
import { parseModelId } from './parse-model-id.js';
import { providerSetupInstructions } from './provider-setup-instructions.js';
import { resolveModel } from './resolve-model.js';
import { startOpenAiCompatibleServer } from './test-support/openai-compatible-wire.js';
import { wireFixture } from './test-support/wire-fixture.js';
import { EXIT_FATAL } from '../errors.js';

const failure = (run: () => unknown): Error => {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
};

describe('parseModelId', () => {
  it.each([
    ['openai:gpt-4.1', 'openai', 'gpt-4.1'],
    ['anthropic:claude-sonnet-4-20250514', 'anthropic', 'claude-sonnet-4-20250514'],
    ['ollama:qwen2.5-coder:7b', 'ollama', 'qwen2.5-coder:7b'],
    [' OpenAI:gpt-4o ', 'openai', 'gpt-4o'],
    ['openai-compatible:Qwen/Qwen2.5-Coder-32B-Instruct', 'openai-compatible', 'Qwen/Qwen2.5-Coder-32B-Instruct'],
  ])('%s → %s + %s', (id, provider, modelId) => {
    expect(parseModelId(id)).toEqual({ provider, modelId });
  });

  it('refuses ids without a provider, suggesting the likely one', () => {
    expect(failure(() => parseModelId('gpt-4.1'))).toMatchObject({ name: 'InvalidModelIdError', message: expect.stringMatching(/Did you mean --model openai:gpt-4\.1\?/) });
    expect(failure(() => parseModelId('claude-sonnet-4-0')).message).toMatch(/anthropic:claude-sonnet-4-0/);
    expect(failure(() => parseModelId('openai:'))).toBeInstanceOf(InvalidModelIdError);
    expect(failure(() => parseModelId('mistery')).message).toMatch(/PROVIDER:MODEL\. For example: openai:gpt-4\.1/);
  });
});

describe('resolveModel', () => {
  it('builds models with provider, id and known context windows', () => {
    const openai = resolveModel('openai:gpt-4.1-2025-04-14', { env: { OPENAI_API_KEY: 'sk-test-1234567890' } });
    expect(openai).toMatchObject({ provider: 'openai', modelId: 'gpt-4.1-2025-04-14', contextWindow: 1_047_576, maxOutputTokens: 32_768 });
    const claude = resolveModel('anthropic:claude-sonnet-4-20250514', { env: { ANTHROPIC_API_KEY: 'sk-ant-test-123456' } });
    expect(claude).toMatchObject({ provider: 'anthropic', contextWindow: 200_000 });
    expect(resolveModel('ollama:qwen2.5-coder:7b', { env: {} }).contextWindow).toBeNull();
    expect(resolveModel('ollama:qwen2.5-coder:7b', { env: { OLLAMA_CONTEXT_LENGTH: '32768' } }).contextWindow).toBe(32_768);
    expect(resolveModel('ollama:llama3', { env: {}, contextWindow: 8192 }).contextWindow).toBe(8192);
  });

  it('stops with setup instructions when no model is configured', () => {
    const error = failure(() => resolveModel(undefined, { env: {} }));
    expect(error).toBeInstanceOf(NoModelConfiguredError);
    expect(error).toBeInstanceOf(ModelConfigurationError);
    expect((error as NoModelConfiguredError).exitCode).toBe(EXIT_FATAL);
    for (const expected of ['--model PROVIDER:MODEL', 'openai:gpt-4.1', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'ollama:', 'openai-compatible:MODEL --base-url']) {
      expect(error.message).toContain(expected);
    }
    expect(failure(() => resolveModel('  ', { env: {} }))).toBeInstanceOf(NoModelConfiguredError);
  });

  it('names where a bad base URL came from when told (the configuration), --base-url otherwise', () => {
    const endpoint = 'https://gateway.example/v1/chat/completions';
    expect(failure(() => resolveModel('openai:gpt-4.1', { baseUrl: endpoint, env: {} })).message).toMatch(/^--base-url ends in the endpoint/);
    expect(failure(() => resolveModel('openai:gpt-4.1', { baseUrl: endpoint, baseUrlSource: '"baseUrl" in the configuration', env: {} })).message).toMatch(/^"baseUrl" in the configuration ends in the endpoint/);
  });

  it('names the unknown provider and lists the known ones', () => {
    const error = failure(() => resolveModel('gemini:gemini-2.5-pro', { env: {} }));
    expect(error).toBeInstanceOf(NoSuchProviderError);
    expect(error.message).toBe('Unknown provider "gemini" in model id "gemini:gemini-2.5-pro". Known providers: openai, anthropic, ollama, openai-compatible, azure (e.g. --model openai:gpt-4.1).');
  });

  it('says which variable to set when a key is missing', () => {
    const openai = failure(() => resolveModel('openai:gpt-4.1', { env: { OPENAI_API_KEY: '  ' } }));
    expect(openai).toBeInstanceOf(MissingApiKeyError);
    expect(openai.message).toMatch(/^openai:gpt-4\.1 needs an API key: set OPENAI_API_KEY \(export OPENAI_API_KEY=\.\.\.\)\. No key\? Run a local model: --model ollama:/);
    expect(failure(() => resolveModel('anthropic:claude-sonnet-4-0', { env: {} })).message).toMatch(/set ANTHROPIC_API_KEY/);
  });

  it('needs no key for a custom base URL (a local or proxy server), nor for ollama', () => {
    expect(() => resolveModel('openai:local-model', { env: {}, baseUrl: 'http://localhost:8080/v1' })).not.toThrow();
    expect(() => resolveModel('openai:gpt-4.1', { env: { OPENAI_BASE_URL: 'https://gateway.example/v1' } })).not.toThrow();
    expect(() => resolveModel('ollama:llama3.1', { env: {} })).not.toThrow();
  });

  it('asks openai-compatible for a base URL, and refuses a base URL that is not http(s)', () => {
    const missing = failure(() => resolveModel('openai-compatible:qwen', { env: {} }));
    expect(missing).toBeInstanceOf(MissingBaseUrlError);
    expect(missing.message).toMatch(/pass --base-url http:\/\/HOST:PORT\/v1, set "baseUrl" in backsmith\.config\.json or OPENAI_COMPATIBLE_BASE_URL \(llama\.cpp: http:\/\/localhost:8080\/v1/);
    expect(failure(() => resolveModel('ollama:x', { baseUrl: 'localhost:11434' })).message).toMatch(/--base-url must be an http\(s\) URL|is not a URL/);
    expect(failure(() => resolveModel('ollama:x', { baseUrl: 'not a url' }))).toMatchObject({ problem: 'invalid-base-url' });
  });

  it('refuses a base URL holding credentials, without echoing them (fetch refuses it, and they would reach run records)', () => {
    const withPassword = failure(() => resolveModel('openai:gpt-4.1', { env: { OPENAI_API_KEY: 'k' }, baseUrl: 'http://admin:hunter2@127.0.0.1:8080/v1' }));
    expect(withPassword).toMatchObject({ problem: 'invalid-base-url' });
    expect(withPassword.message).toBe('--base-url must not hold a user name or password (user:password@host): set OPENAI_API_KEY instead.');
    expect(failure(() => resolveModel('openai:gpt-4.1', { env: { OPENAI_BASE_URL: 'https://me:pw@gateway.example/v1' } })).message).toMatch(/^OPENAI_BASE_URL must not hold a user name or password/);
  });

  it('reads OLLAMA_HOST the way Ollama does', () => {
    expect(ollamaBaseUrl('127.0.0.1')).toBe('http://127.0.0.1:11434/v1');
    expect(ollamaBaseUrl('0.0.0.0:11500')).toBe('http://127.0.0.1:11500/v1');
    expect(ollamaBaseUrl('http://gpu-box:11434')).toBe('http://gpu-box:11434/v1');
    expect(ollamaBaseUrl('https://ollama.example')).toBe('https://ollama.example/v1');
  });

  it('sends requests to the base URL in the precedence --base-url > environment > default', async () => {
    const server = await startOpenAiCompatibleServer([wireFixture('openai-compatible/fenced-code.sse')], '/custom/v1');
    try {
      const model = resolveModel('ollama:qwen2.5-coder:7b', { baseUrl: `${server.baseUrl}/`, env: { OLLAMA_HOST: '127.0.0.1:1' } });
      const result = await model.complete({ system: 's', messages: [{ role: 'user', content: 'u' }] });
      expect(result.finishReason).toBe('stop');
      expect(server.requests[0]?.path).toBe('/custom/v1/chat/completions');
    } finally {
      await server.close();
    }
  });
});

describe('providerSetupInstructions', () => {
  it('lists every provider and what is already set, by name only', () => {
    const text = providerSetupInstructions({ ANTHROPIC_API_KEY: 'sk-ant-secret-value-123' });
    expect(text).toContain('ANTHROPIC_API_KEY is set: try --model anthropic:claude-sonnet-4-20250514');
    expect(text).not.toContain('sk-ant-secret-value-123');
    expect(providerSetupInstructions({})).not.toContain('Found in the environment');
  });

  it('is one line, and a second only to say what is already set', () => {
    const text = providerSetupInstructions({});
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toMatch(/^No model is configured: pass --model PROVIDER:MODEL or set "model" in backsmith\.config\.json, e\.g\. openai:gpt-4\.1 \(with OPENAI_API_KEY\), .*ollama:qwen2\.5-coder:7b \(a local server at http:\/\/localhost:11434\/v1\), openai-compatible:MODEL --base-url \S+, azure:DEPLOYMENT --base-url https:\/\/RESOURCE\.openai\.azure\.com \(with AZURE_OPENAI_API_KEY\)\.$/);
    expect(providerSetupInstructions({ OPENAI_API_KEY: 'sk-x' }).split('\n')).toEqual([text, 'Found in the environment: OPENAI_API_KEY is set: try --model openai:gpt-4.1.']);
  });
});
