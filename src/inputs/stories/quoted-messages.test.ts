import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMessageText, quotedTexts } from './quoted-messages.js';
import { readStories } from './read-stories.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/stories/quoting_styles_user_stories.md');

describe('story messages in every quoting style', () => {
  it('reads double, single, curly, German, French, Japanese, Chinese, backticked and colon-introduced messages', () => {
    const spec = readStories(readFileSync(FIXTURE, 'utf8'), { sourceName: 'quoting_styles_user_stories.md' });
    expect(spec.stories.flatMap((story) => story.messages.map((message) => `${story.id} ${message.criterionId} ${message.text}`))).toEqual([
      'US-201 AC1 Cake added to the table.',
      'US-201 AC2 Cake name is required.',
      'US-201 AC3 Price must be above zero.',
      'US-202 AC1 Sale recorded for {cake}.',
      'US-202 AC2 Dieser Kuchen ist ausverkauft.',
      'US-202 AC3 Le gâteau est vendu.',
      'US-202 AC4 Receipt printed.',
      'US-203 AC1 販売を終了しました。',
      'US-203 AC2 销售已结束。',
      'US-203 AC3 Sale closed for today.',
      'US-203 AC4 Nothing was sold today.',
    ]);
    expect(spec.warnings).toEqual([]);
  });

  const cases: Array<[string, string, string[]]> = [
    ['apostrophes are not quotes', "The volunteer's cake isn't ready; it's 'Ready now.' later", ['Ready now.']],
    ['a quote does not cross a blank line', '"Open\n\nstill open."', []],
    ['double-backtick code is not a message', '``Saved now.``', []],
    ['quotes inside backticks belong to the message', 'shows `"Saved now."`', ['Saved now.']],
    ['a colon without a message word', 'Acceptance criteria: Given a cake.', []],
    ['a quoted line is not read again after its colon', 'I see the message: "Saved now."', ['Saved now.']],
  ];
  it.each(cases)('%s', (_name, markdown, expected) => {
    expect(quotedTexts(markdown).filter((quoted) => isMessageText(quoted.text, quoted.lead)).map((quoted) => quoted.text)).toEqual(expected);
  });

  it('warns when stories quote no message at all', () => {
    const spec = readStories('## US-1 Add\n\n- AC1: Given a cake, when I add it, then it is listed.\n');
    expect(spec.warnings.map((warning) => warning.kind)).toEqual(['no-messages']);
  });

  it('stays linear on unclosed quotes of every style', () => {
    const started = performance.now();
    quotedTexts(`${'"a „b «c 「d \'e `f '.repeat(20_000)}\n${'see: x\n'.repeat(20_000)}`);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
