import { describe, expect, it } from 'vitest';
import { readDesign } from '../design/read-design.js';
import { readStories } from '../stories/read-stories.js';
import { hostileDocuments } from './hostile-documents.js';
import { plainText, readMarkdown } from './markdown-document.js';

/** Generous: the bench shows tens of milliseconds; CI machines are shared and slow. */
const BOUND_MS = 5_000;

describe('markdown readers on hostile documents', () => {
  it.each(hostileDocuments())('reads %s in linear time, without overflowing the stack', async (_name, text) => {
    let started = performance.now();
    const design = await readDesign(text, { sourceName: 'hostile_technical_design.md' });
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    started = performance.now();
    const stories = readStories(text);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expect(design.warnings.length).toBeGreaterThan(0);
    expect(stories.warnings.length).toBeGreaterThan(0);
  });

  it('reads nesting past the limit as text, keeping every word', () => {
    const document = readMarkdown(`${'> '.repeat(200)}deep words\n`);
    expect(document.blocks.map((block) => plainText(block.node)).join(' ')).toContain('deep words');
  });

  it('still closes emphasis at the nearest closer after unclosed openers', () => {
    const document = readMarkdown('*a *b* and **c** [link](u) _d_\n');
    const paragraph = document.blocks[0]!.node;
    expect('children' in paragraph && paragraph.children.map((child) => child.type)).toEqual(['emphasis', 'text', 'strong', 'text', 'link', 'text', 'emphasis']);
  });
});
