import type { MessageCandidate, TextDifference } from '../conformance/match-message.js';
import { literalLetters, wildcardText } from '../conformance/message-pattern.js';
import { moduleMessageIndex, placeOf } from '../conformance/story-message-matches.js';
import type { DesignSpec } from '../inputs/design/design-types.js';
import type { StoriesSpec, StoryMessage } from '../inputs/stories/story-types.js';
import { MessageShortlist } from './message-shortlist.js';
import type { AssertedString } from './read-test-facts.js';
import type { TestFileContext } from './test-file-context.js';

/** An asserted string that is a story message reworded. */
export interface RewordedMessage {
  asserted: AssertedString;
  message: StoryMessage;
  /** Where the texts differ: `expected` is the story's words, `actual` the test's. */
  differences: TextDifference[];
  similarity: number;
}

/** Texts that read as a sentence (three words, or two ending like one), not a label, a column header, code or a value. */
function readsAsMessage(text: string): boolean {
  const words = text.trim().split(/\s+/).filter((word) => /[\p{L}\d]/u.test(word));
  return (words.length >= 3 || (words.length === 2 && /[.!?]$/.test(text.trim()))) && literalLetters(wildcardText(text, 'braces')) >= 6;
}

const QUOTED = /'[^']*'|"[^"]*"|‘[^’]*’|“[^”]*”/g;

/**
 * Whether a difference is a placeholder filled with other values: the story quotes an example
 * ("Patient registered: Hannah Brooks (ID: P0001).") and the test fills in its own names, numbers or quoted text.
 */
function isFilledValue(difference: TextDifference, message: StoryMessage): boolean {
  const sides = [difference.expected, difference.actual];
  if (sides.some((side) => side.trim() === '')) return false;
  // A capital inside the sentence starts a name ("Hannah Brooks"); at its start it is only the sentence's capital.
  const insideSentence = message.text.indexOf(difference.actual) > 0;
  const valueLike = (side: string) => side.split(/\s+/).every((word) => /\d/.test(word) || (insideSentence && /^[^\p{L}]*\p{Lu}/u.test(word)) || /^[^\p{L}\p{N}]+$/u.test(word) || word.includes('{'));
  if (sides.every(valueLike)) return true;
  // The index was asked with the test's text: `actual` is the story's side.
  const quoted = message.text.match(QUOTED) ?? [];
  return quoted.some((span) => span.includes(difference.actual));
}

const storyIndexes = new WeakMap<StoriesSpec, { index: MessageShortlist; byCandidate: Map<MessageCandidate, StoryMessage> }>();
const designIndexes = new WeakMap<DesignSpec, MessageShortlist>();

/** The design's message templates, indexed once per design (generate verifies many drafts against one). */
function designIndex(design: DesignSpec): MessageShortlist {
  let index = designIndexes.get(design);
  if (!index) {
    index = new MessageShortlist(design.messages.map((message) => ({ text: message.template, line: message.line, style: 'braces' as const })));
    designIndexes.set(design, index);
  }
  return index;
}

/** The stories' messages, indexed once per stories document. */
function storyIndex(stories: StoriesSpec): { index: MessageShortlist; byCandidate: Map<MessageCandidate, StoryMessage> } {
  const known = storyIndexes.get(stories);
  if (known) return known;
  const byCandidate = new Map<MessageCandidate, StoryMessage>();
  for (const story of stories.stories) {
    for (const message of story.messages) byCandidate.set({ text: message.template, line: message.line, style: 'braces' }, message);
  }
  const built = { index: new MessageShortlist([...byCandidate.keys()]), byCandidate };
  storyIndexes.set(stories, built);
  return built;
}

/** Whether a fragment asserted with `in` occurs in some known message (placeholders stand for any text). */
function containedIn(fragment: string, texts: readonly string[]): boolean {
  const pattern = wildcardText(fragment, 'braces');
  const parts = pattern.split('\u0000').filter((part) => part !== '');
  return texts.some((text) => {
    let from = 0;
    for (const part of parts) {
      const at = text.indexOf(part, from);
      if (at < 0) return false;
      from = at + part.length;
    }
    return true;
  });
}

const cache = new WeakMap<TestFileContext, RewordedMessage[]>();

/**
 * The strings a test file's assertions compare that are near misses of a story message: not the
 * message verbatim (with its placeholders filled), nor any message of the design or the module.
 */
export function rewordedMessages(file: TestFileContext): RewordedMessage[] {
  const known = cache.get(file);
  if (known) return known;
  const found: RewordedMessage[] = [];
  if (file.stories) {
    const { index, byCandidate } = storyIndex(file.stories);
    const others = file.design ? designIndex(file.design) : null;
    const moduleIndex = file.targetModule ? moduleMessageIndex(file.targetModule) : null;
    const allTexts = [
      ...file.stories.stories.flatMap((story) => story.messages.flatMap((message) => [message.text, message.template])),
      ...(file.design?.messages ?? []).map((message) => message.text),
    ];
    for (const asserted of file.facts.asserted) {
      if (!readsAsMessage(asserted.text)) continue;
      if (asserted.role === 'contained' && containedIn(asserted.text, allTexts)) continue;
      // A design template with its placeholders filled is a known message too, and cheaper to find first.
      if (others?.match(asserted.text).status === 'found') continue;
      const match = index.match(asserted.text);
      if (match.status !== 'near') continue;
      if (moduleIndex?.match(asserted.text).status === 'found') continue;
      const message = byCandidate.get(match.candidate)!;
      if (match.differences.every((difference) => isFilledValue(difference, message))) continue;
      const differences = match.differences.map((difference) => ({ expected: difference.actual, actual: difference.expected }));
      found.push({ asserted, message, differences, similarity: match.similarity });
    }
  }
  cache.set(file, found);
  return found;
}

/** Where a story message is quoted, for messages: `US-001 AC2`. */
export function storyPlace(message: StoryMessage): string {
  return placeOf(message);
}
