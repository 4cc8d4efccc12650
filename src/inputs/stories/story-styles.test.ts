import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStories } from './read-stories.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/designs/prose-styles');

/** Each style: the stories read (`id: title`), their criteria and messages (`criterion "text"`), and the warnings. */
const STYLES: Array<{ file: string; stories: string[]; criteria: string[]; messages: string[]; warnings: string[] }> = [
  {
    // Gherkin written as indented text, not in a fence; the story id is in the scenario title, the feature gives the
    // story's title and role; a feature whose scenarios name no story is one story of its own (with a warning).
    file: 'gherkin-plain.stories.md',
    stories: ['US-010: Rent a plot', 'US-002: Give a plot back'],
    criteria: ['US-010 AC1', 'US-010 AC2', 'US-002 Scenario 1', 'US-002 Scenario 2'],
    messages: [
      'US-010 AC1 "Plot 7 is yours until the end of the season."', 'US-010 AC2 "Plot 7 is already rented."',
      'US-002 Scenario 1 "Plot {plot} is free again."', 'US-002 Scenario 2 "You do not rent plot 9."',
    ],
    warnings: ['missing-id: story "Give a plot back" has no id; called US-002'],
  },
  {
    // A bold title paragraph that goes on with the role and numbered criteria in the same sentence.
    file: 'inline-criteria.stories.md',
    stories: ['US-020: Water rota', 'US-021: Seed swap'],
    criteria: ['US-020 AC1', 'US-020 AC2', 'US-021 AC1'],
    messages: ['US-020 AC1 "Your watering day is {day}."', 'US-020 AC2 "You are not on the rota yet."', 'US-021 AC1 "Swap recorded."'],
    warnings: [],
  },
];

describe('stories written as plain Gherkin or with their criteria inline', () => {
  for (const style of STYLES) {
    it(`reads ${style.file}`, () => {
      const spec = readStories(readFileSync(path.join(FIXTURES, style.file), 'utf8'), { sourceName: style.file });
      expect(spec.stories.map((story) => `${story.id}: ${story.title}`)).toEqual(style.stories);
      expect(spec.stories.flatMap((story) => story.criteria.map((criterion) => `${story.id} ${criterion.id}`))).toEqual(style.criteria);
      expect(spec.stories.flatMap((story) => story.messages.map((message) => `${story.id} ${message.criterionId} "${message.template}"`))).toEqual(style.messages);
      expect(spec.warnings.map((warning) => `${warning.kind}: ${warning.message}`)).toEqual(style.warnings);
      expect(spec.stories.every((story) => story.role !== null)).toBe(true);
    });
  }
});
