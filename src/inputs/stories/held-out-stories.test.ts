import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStories } from './read-stories.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/stories');
const LABELS = readdirSync(FIXTURES).filter((name) => name.endsWith('.stories.json')).sort();

/** Held-out stories in styles the reader was not written for, each with a hand-made label (`npm run score:stories`). */
describe('held-out stories read as labelled', () => {
  it('has labelled files', () => expect(LABELS.length).toBeGreaterThanOrEqual(4));
  for (const label of LABELS) {
    it(`reads ${label.replace(/\.json$/, '.md')}`, () => {
      const gold = JSON.parse(readFileSync(path.join(FIXTURES, label), 'utf8')) as { stories: string[]; criteria: string[]; messages: string[] };
      const file = label.replace(/\.json$/, '.md');
      const spec = readStories(readFileSync(path.join(FIXTURES, file), 'utf8'), { sourceName: file });
      expect(spec.stories.map((story) => `${story.id}: ${story.title}`)).toEqual(gold.stories);
      expect(spec.stories.flatMap((story) => story.criteria.map((criterion) => `${story.id} ${criterion.id}`))).toEqual(gold.criteria);
      expect(spec.stories.flatMap((story) => story.messages.map((message) => `${story.id} ${message.criterionId} "${message.template}"`))).toEqual(gold.messages);
      expect(spec.stories.every((story) => story.role !== null)).toBe(true);
    });
  }
});

describe('story bullets and Given/Then paragraphs: negatives', () => {
  it('an index of bold story ids without role sentences starts no stories', () => {
    const text = '# Stories\n\n- **US-001** Add a member\n- **US-002** Remove a member\n\n## US-001: Add a member\n\nAs a clerk I want to add a member so that they can borrow.\n\n- AC1: shows "Member added."\n';
    const spec = readStories(text);
    expect(spec.stories.map((story) => story.id)).toEqual(['US-001']);
    expect(spec.warnings.filter((warning) => warning.kind === 'duplicate-id')).toEqual([]);
  });
  it('a paragraph that only mentions "given" outside a criteria section is not a criterion', () => {
    const text = '## US-001: Pay\n\nAs a member I want to pay so that I can play.\n\nThe fee given in the table is final.\n\n- AC1: shows "Paid."\n';
    expect(readStories(text).stories[0]!.criteria.map((criterion) => criterion.id)).toEqual(['AC1']);
  });
});
