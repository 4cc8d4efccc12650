/** The stories reader: user stories (markdown) into `Story[]` with criteria and messages. */
export { readStories } from './read-stories.js';
export type { ReadStoriesOptions } from './read-stories.js';
export { readStoriesFile } from './read-stories-file.js';
export type * from './story-types.js';
