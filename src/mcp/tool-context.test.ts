import { describe, expect, it } from 'vitest';
import { BacksmithError } from '../errors.js';
import { toolFailure, toolSuccess, type ToolContext } from './tool-context.js';

const SECRET = 'sk-test-0123456789abcdef';

function context(logged: string[] = []): ToolContext {
  return { secrets: [SECRET], log: (text: string) => void logged.push(text) } as unknown as ToolContext;
}

describe('tool results', () => {
  it('keep secrets out of text and structured content', () => {
    const result = toolSuccess(context(), `key ${SECRET}`, { nested: { value: `was ${SECRET}` }, other: 1 });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result.structuredContent).toEqual({ nested: { value: 'was [redacted]' }, other: 1 });
  });

  it('return structured content as is when it holds no secret', () => {
    const report = { passed: true };
    expect(toolSuccess(context(), 'ok', report).structuredContent).toBe(report);
  });

  it('word errors as the CLI does, fatal ones plainly and bugs as internal errors (logged to stderr)', () => {
    const logged: string[] = [];
    expect(toolFailure(context(logged), new BacksmithError(`Cannot read x.md (${SECRET})`))).toEqual({
      content: [{ type: 'text', text: 'backsmith: Cannot read x.md ([redacted])' }], isError: true,
    });
    expect(logged).toEqual([]);
    const bug = toolFailure(context(logged), new TypeError('boom'));
    expect(bug).toMatchObject({ isError: true, content: [{ text: 'backsmith: internal error: boom' }] });
    expect(logged).toEqual(['backsmith: internal error: boom\n']);
  });
});
