import { describe, expect, it } from 'vitest';
import { unwrapOuterFence } from './unwrap-outer-fence.js';

const lines = (...parts: string[]) => parts.join('\n');

describe('unwrapOuterFence', () => {
  it.each([
    ['a markdown fence closed at the end', lines('```markdown', '# T', '```python', 'x = 1', '```', 'text', '```'), lines('', '# T', '```python', 'x = 1', '```', 'text', '')],
    ['a fence never closed (the inner fences pair up)', lines('```md', '# T', '```python', 'x = 1', '```', 'after'), lines('', '# T', '```python', 'x = 1', '```', 'after')],
    ['a closer followed by prose', lines('```markdown', '# T', '```', 'Closing words.'), lines('', '# T', '', 'Closing words.')],
    ['a bare fence around markdown', lines('```', '# Title', '- item', '```'), lines('', '# Title', '- item', '')],
    ['a longer outer fence', lines('````markdown', '# T', '```python', 'x = 1', '```', '````', 'after'), lines('', '# T', '```python', 'x = 1', '```', '', 'after')],
    ['CRLF line endings', '```markdown\r\n# T\r\n```\r\n', '\r\n# T\r\n\r\n'],
  ])('unwraps %s', (_name, text, expected) => {
    expect(unwrapOuterFence(text)).toEqual({ text: expected, unwrapped: true });
  });

  it.each([
    ['a python design', lines('```python', 'class A:', '    pass', '```')],
    ['a bare fence around code', lines('```', 'def f(): ...', '```')],
    ['an ordinary document', lines('# T', '```python', 'x = 1', '```')],
    ['an empty text', ''],
  ])('leaves %s alone', (_name, text) => {
    expect(unwrapOuterFence(text)).toEqual({ text, unwrapped: false });
  });

  it('takes linear time on a document of fences', () => {
    // 100,000 fences after the opener: every one is looked at once (a loaded machine still stays well under the limit).
    const text = `\`\`\`markdown\n${'```\n'.repeat(100_000)}`;
    const started = performance.now();
    expect(unwrapOuterFence(text).unwrapped).toBe(true);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
