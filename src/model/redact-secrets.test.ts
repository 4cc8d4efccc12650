import { describe, expect, it } from 'vitest';
import { redactSecrets, redactUrl } from './redact-secrets.js';

describe('redactSecrets', () => {
  it('removes the keys it is given, wherever they appear', () => {
    expect(redactSecrets('key=abcdefgh12345678 and again abcdefgh12345678', ['abcdefgh12345678'])).toBe('key=[redacted] and again [redacted]');
    expect(redactSecrets('short key abc', ['abc'])).toBe('short key abc');
  });

  it('removes anything shaped like a key even when unknown', () => {
    expect(redactSecrets('Incorrect API key provided: sk-proj-AbCdEf0123456789.')).toBe('Incorrect API key provided: sk-[redacted].');
    expect(redactSecrets('Incorrect API key provided: sk-fake***********1234.')).toBe('Incorrect API key provided: sk-[redacted].');
    expect(redactSecrets('header Authorization: Bearer eyJhbGciOi.payload.sig')).toMatch(/Bearer \[redacted\]/);
    expect(redactSecrets('{"x-api-key":"sk-ant-api03-secret"}')).not.toContain('secret');
    expect(redactSecrets('api_key=QWERTYUIOPASDF')).toBe('api_key=[redacted]');
    expect(redactSecrets('the model wrote a task: skip tests')).toBe('the model wrote a task: skip tests');
  });

  it('leaves key-shaped code alone when asked to, still removing known secrets', () => {
    const code = 'client = Client(api_key=settings.openai_key, token="sk-live-0123456789abcdef")';
    expect(redactSecrets(code, ['sk-live-0123456789abcdef'], { keyShapes: false })).toBe('client = Client(api_key=settings.openai_key, token="[redacted]")');
    expect(redactSecrets(code, [])).toContain('api_key=[redacted]');
  });
});

describe('redactUrl', () => {
  it('drops credentials, query string and fragment', () => {
    expect(redactUrl('https://user:pw@api.example.com/v1/chat?key=SECRET#x')).toBe('https://api.example.com/v1/chat');
    expect(redactUrl(undefined)).toBeNull();
    expect(redactUrl('not a url?key=SECRET')).toBe('not a url');
  });
});
