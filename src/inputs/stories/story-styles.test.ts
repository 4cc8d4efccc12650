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
  {
    // One table, a row per story; the criteria of a story in one cell, separated by <br>.
    file: 'story-table.stories.md',
    stories: ['US-301: book a washer', 'US-302: cancel my booking', 'US-303: mark a machine broken'],
    criteria: ['US-301 AC1', 'US-301 AC2', 'US-302 AC1', 'US-303 AC1'],
    messages: ['US-301 AC1 "Washer 2 is yours at 19:00."', 'US-301 AC2 "That slot is already taken."', 'US-302 AC1 "Booking cancelled."', 'US-303 AC1 "Dryer 1 is out of order."'],
    warnings: [],
  },
  {
    // reStructuredText underlines (setext to markdown), an unlabelled criteria paragraph, guillemets and curly quotes.
    file: 'rest-stories.stories.md',
    stories: ['US-101: Book a session', 'US-102: Cancel a session'],
    criteria: ['US-101 AC1', 'US-101 AC2', 'US-102 AC1'],
    messages: ['US-101 AC1 "Session booked for {hour}:00."', 'US-101 AC2 "That hour is taken."', 'US-102 AC1 "Session cancelled."'],
    warnings: [],
  },
  {
    // Spanish: HU ids, "**Como** …, **quiero** …, **para** …", "**Criterios de aceptación:**", Dado / cuando / entonces.
    file: 'historias-es.stories.md',
    stories: ['HU-01: Reservar pista', 'HU-02: Anular reserva'],
    criteria: ['HU-01 AC1', 'HU-01 AC2', 'HU-02 AC1'],
    messages: ['HU-01 AC1 "Reserva confirmada para la pista {pista}."', 'HU-01 AC2 "La pista ya está reservada."', 'HU-02 AC1 "Reserva anulada."'],
    warnings: [],
  },
  {
    // CRLF line ends, "## Story: …" headings without ids, checkbox criteria, messages in backticks.
    file: 'checkbox-crlf.stories.md',
    stories: ['US-001: Sell a pass', 'US-002: Check in'],
    criteria: ['US-001 AC1', 'US-001 AC2', 'US-002 AC1', 'US-002 AC2'],
    messages: ['US-001 AC1 "Pass {code} sold with {visits} visits."', 'US-001 AC2 "A climber name is required."', 'US-002 AC1 "Welcome! {left} visits left."', 'US-002 AC2 "This pass has no visits left."'],
    warnings: ['missing-id: story "Sell a pass" has no id; called US-001', 'missing-id: story "Check in" has no id; called US-002'],
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
