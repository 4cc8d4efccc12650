/** The Product Manager's user stories as backsmith understands them. Lines are 1-based. */
import type { MessageKind } from '../design/design-types.js';

export type { MessageKind } from '../design/design-types.js';

/** One acceptance criterion, split into Given / When / Then where the text uses them. */
export interface AcceptanceCriterion {
  /** `AC1`, `AC-2`, `Scenario 3`; numbered in order when the document gives none. */
  id: string;
  text: string;
  given: string | null;
  when: string | null;
  then: string | null;
  line: number;
}

/** A user-facing message a story quotes. */
export interface StoryMessage {
  /** The text as written (quotes removed, whitespace collapsed). */
  text: string;
  /** The text with `{title}`, `<amount>`, `[name]` all written `{name}`. */
  template: string;
  placeholders: string[];
  /** What the text calls it (an "error", a "success" message), or null when it does not say. */
  kind: MessageKind | null;
  storyId: string;
  /** The criterion quoting it, or null for a message outside the criteria. */
  criterionId: string | null;
  line: number;
}

/** A user story. */
export interface Story {
  /** `US-001` as written, or `US-<n>` numbered in order when the heading has no id. */
  id: string;
  title: string;
  role: string | null;
  goal: string | null;
  benefit: string | null;
  criteria: AcceptanceCriterion[];
  messages: StoryMessage[];
  line: number;
}

/** Something the reader could not understand. */
export interface StoriesWarning {
  kind: 'no-stories' | 'no-criteria' | 'duplicate-id' | 'missing-id' | 'no-messages';
  message: string;
  line: number;
}

/** Everything read from a user stories document. */
export interface StoriesSpec {
  sourceName: string;
  stories: Story[];
  warnings: StoriesWarning[];
}
