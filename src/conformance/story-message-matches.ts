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

/** Texts that read as words: at least two words, not a lone identifier or dotted name. */
function readsAsMessage(text: string): boolean {
  return /[\p{L}\d][^\s]*\s+\S*[\p{L}\d]/u.test(text.trim());
}

/**
 * The module's strings (not docstrings) as message candidates, with f-string, `.format` and `%`
 * placeholders, plus strings assembled with `+`. Dict keys and single words may match a message
 * exactly but are never offered as its near miss.
 */
export function moduleMessageIndex(module: PythonModule): MessageIndex {
  let index = indexes.get(module);
  if (!index) {
    const keys = new Set(module.stringExpressions.dictKeys.map((key) => `${key.line}:${key.column}`));
    const literals = module.strings.filter((text) => !text.isDocstring).map((text) => ({
      text: text.text, line: text.line, style: 'python' as const, nearMiss: !keys.has(`${text.line}:${text.column}`) && readsAsMessage(text.text),
    }));
    const assembled = module.stringExpressions.assembled.map((text) => ({ text: text.text, line: text.line, style: 'python' as const, nearMiss: readsAsMessage(text.text) }));
    // Assembled texts first: `"Poll " + str(id) + " not found."` is found whole before its " not found." part is offered as a near miss.
    index = new MessageIndex([...assembled, ...literals]);
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
  // A module text that is exactly one story's message is that message, not a rewording of another
  // ("Bookmark {id} saved." is no near miss of "Bookmark <id> removed." when the save story finds it).
  const carriers = new Set(matches.flatMap(({ match }) => (match.status === 'found' ? [match.candidate] : [])));
  for (const entry of matches) {
    if (entry.match.status === 'near' && carriers.has(entry.match.candidate)) entry.match = index.match(entry.message.template, carriers);
  }
  byStories.set(stories, matches);
  return matches;
}
