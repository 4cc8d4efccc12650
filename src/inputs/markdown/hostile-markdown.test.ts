import { describe, expect, it } from 'vitest';
import { readDesign } from '../design/read-design.js';
import { readStories } from '../stories/read-stories.js';
import { hostileDocuments } from './hostile-documents.js';
import { plainText, readMarkdown } from './markdown-document.js';

/**
 * A bound on CPU time, not wall time: the largest documents take ~3 s of CPU on a quiet machine
 * here, and a shared machine stretches wall time past any fixed bound (5.5-6.8 s seen under a
 * load of 8). A super-linear reader takes minutes on these inputs; the ratio tests time growth.
 */
const BOUND_CPU_MS = 10_000;

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

describe('markdown readers on hostile documents', () => {
  it.each(hostileDocuments())('reads %s in linear time, without overflowing the stack', async (_name, text) => {
    let started = cpuMs();
    const design = await readDesign(text, { sourceName: 'hostile_technical_design.md' });
    expect(cpuMs() - started).toBeLessThan(BOUND_CPU_MS);
    started = cpuMs();
    const stories = readStories(text);
    expect(cpuMs() - started).toBeLessThan(BOUND_CPU_MS);
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
