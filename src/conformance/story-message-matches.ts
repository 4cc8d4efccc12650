import type { StoriesSpec, StoryMessage } from '../inputs/stories/story-types.js';
import type { PythonModule } from '../python/python-model.js';
import { MessageIndex, type MessageMatch } from './match-message.js';

/** A story message (deduplicated by template) and how the module carries it. */
export interface StoryMessageMatch {
  message: StoryMessage;
  /** Other stories and criteria quoting the same message, as `US-002 AC4`. */
  alsoIn: string[];
  match: MessageMatch;
}

const indexes = new WeakMap<PythonModule, MessageIndex>();
const results = new WeakMap<PythonModule, WeakMap<StoriesSpec, StoryMessageMatch[]>>();

/** The module's strings (not docstrings) as message candidates, with f-string, `.format` and `%` placeholders. */
export function moduleMessageIndex(module: PythonModule): MessageIndex {
  let index = indexes.get(module);
  if (!index) {
    index = new MessageIndex(module.strings.filter((text) => !text.isDocstring).map((text) => ({ text: text.text, line: text.line, style: 'python' as const })));
    indexes.set(module, index);
  }
  return index;
}

/** Where a story message is quoted, for people: `US-001 AC2`. */
export function placeOf(message: StoryMessage): string {
  return message.criterionId ? `${message.storyId} ${message.criterionId}` : message.storyId;
}

/** Matches every story message against the module once per module (both `stories/` checks share it). */
export function storyMessageMatches(module: PythonModule, stories: StoriesSpec): StoryMessageMatch[] {
  let byStories = results.get(module);
  if (!byStories) {
    byStories = new WeakMap();
    results.set(module, byStories);
  }
  const known = byStories.get(stories);
  if (known) return known;
  const index = moduleMessageIndex(module);
  const byTemplate = new Map<string, StoryMessageMatch>();
  for (const story of stories.stories) {
    for (const message of story.messages) {
      const existing = byTemplate.get(message.template);
      if (existing) existing.alsoIn.push(placeOf(message));
      else byTemplate.set(message.template, { message, alsoIn: [], match: index.match(message.template) });
    }
  }
  const matches = [...byTemplate.values()];
  byStories.set(stories, matches);
  return matches;
}
