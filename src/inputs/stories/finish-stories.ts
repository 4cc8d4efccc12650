import type { ReadStoriesOptions } from './read-stories.js';
import type { StoriesSpec, StoriesWarning, Story } from './story-types.js';

/** The stories with the document's warnings: none found, no messages, no criteria, ids used twice. */
export function finishStories(stories: Story[], warnings: StoriesWarning[], options: ReadStoriesOptions): StoriesSpec {
  if (stories.length === 0) warnings.push({ kind: 'no-stories', message: 'no user stories found: give each story a heading with its id, e.g. "## US-001 Add a member"', line: 0 });
  const messageCount = stories.reduce((sum, story) => sum + story.messages.length, 0);
  if (stories.length > 0 && messageCount === 0) {
    warnings.push({ kind: 'no-messages', message: 'no user-facing message found in the stories: quote each one ("Poll created.", “…”, «…», 「…」) or write it after a colon (Then I see the message: Poll created.)', line: 0 });
  }
  const seen = new Map<string, number>();
  for (const story of stories) {
    if (story.criteria.length === 0) warnings.push({ kind: 'no-criteria', message: `${story.id} has no acceptance criteria`, line: story.line });
    const earlier = seen.get(story.id);
    if (earlier !== undefined) warnings.push({ kind: 'duplicate-id', message: `${story.id} is used again (first at line ${earlier})`, line: story.line });
    else seen.set(story.id, story.line);
  }
  return { sourceName: options.sourceName ?? 'stories.md', stories, warnings: warnings.sort((a, b) => a.line - b.line) };
}
