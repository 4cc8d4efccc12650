import { describe, expect, it } from 'vitest';
import { BacksmithError } from '../../errors.js';
import { parseAgentFile } from './parse-agent-file.js';

function agent(frontMatter: string, body = 'Write the module.'): string {
  return `---\n${frontMatter}\n---\n${body}\n`;
}

function failure(text: string): string {
  try {
    parseAgentFile(text, 'x.agent.md');
  } catch (error) {
    expect(error).toBeInstanceOf(BacksmithError);
    return (error as Error).message;
  }
  throw new Error('expected a BacksmithError');
}

describe('parseAgentFile', () => {
  it('reads description and body; the name defaults to the file name', () => {
    const parsed = parseAgentFile(agent('description: Builds modules'), '/a/b/backend-dev.agent.md');
    expect(parsed).toMatchObject({ name: 'backend-dev', description: 'Builds modules', prompt: 'Write the module.', warnings: [] });
  });

  it('tolerates every Copilot key, a model list and ignores unknown keys', () => {
    const parsed = parseAgentFile(
      agent(
        [
          'name: Backend', 'description: d', "tools: ['read', 'edit']", 'model: [GPT-4.1 (copilot), Claude Sonnet 4]',
          'target: vscode', 'argument-hint: design and stories', 'user-invocable: true', 'disable-model-invocation: false',
          'handoffs:', '  - label: Review', '    agent: reviewer', '    prompt: Review it', 'mcp-servers: {}', 'infer: true',
        ].join('\n'),
      ),
      'x.agent.md',
    );
    expect(parsed).toMatchObject({
      name: 'Backend', tools: ['read', 'edit'], models: ['GPT-4.1 (copilot)', 'Claude Sonnet 4'], target: 'vscode',
      argumentHint: 'design and stories', userInvocable: true, disableModelInvocation: false, handoffCount: 1,
      ignoredKeys: ['mcp-servers', 'infer'], warnings: [],
    });
  });

  it('accepts model as a single string and tools as a comma list', () => {
    expect(parseAgentFile(agent('description: d\nmodel: gpt-4.1\ntools: read, search'), 'x.agent.md')).toMatchObject({
      models: ['gpt-4.1'], tools: ['read', 'search'],
    });
  });

  it('warns (and keeps going) for wrongly typed optional keys, an empty body and a long body', () => {
    expect(parseAgentFile(agent('description: d\nuser-invocable: maybe\ntools: 3'), 'x.agent.md').warnings).toEqual([
      "'tools' should be a string or a list of strings; ignored.",
      "'user-invocable' should be true or false; ignored.",
    ]);
    expect(parseAgentFile(agent('description: d', ''), 'x.agent.md').warnings[0]).toMatch(/body is empty/);
    expect(parseAgentFile(agent('description: d', 'x'.repeat(30_001)), 'x.agent.md').warnings[0]).toMatch(/30,001 characters.*30,000/);
    expect(parseAgentFile(agent('description: d', 'x'.repeat(30_000)), 'x.agent.md').warnings).toEqual([]);
  });

  it('handles a BOM and CRLF line endings', () => {
    expect(parseAgentFile('\uFEFF---\r\ndescription: d\r\n---\r\nBody\r\n', 'x.agent.md').prompt).toBe('Body');
  });

  it.each([
    ['no front matter', '# Agent\nWrite code.', /has no front matter/],
    ['unclosed front matter', '---\ndescription: d\nWrite code.', /never closed/],
    ['bad YAML', agent('description: [unclosed'), /not valid YAML \(line \d+\)/],
    ['duplicate key', agent('description: a\ndescription: b'), /not valid YAML/],
    ['front matter is a list', agent('- a\n- b'), /key: value pairs \(it is a list\)/],
    ['missing description', agent('name: x'), /needs a 'description'/],
    ['empty description', agent("description: ''"), /needs a 'description'/],
    ['empty front matter', agent(''), /needs a 'description'/],
  ])('fails clearly on %s', (_label, text, message) => {
    expect(failure(text)).toMatch(message);
  });
});
