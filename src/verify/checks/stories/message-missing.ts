import { placeOf, storyMessageMatches } from '../../../conformance/story-message-matches.js';
import { defineCheck } from '../../check.js';

/** `stories/message-missing`: every message a story quotes appears in the module. */
export const messageMissing = defineCheck({
  id: 'stories/message-missing',
  category: 'stories',
  severity: 'error',
  description: 'Every user-facing message the stories quote must appear in the module (as a literal, f-string, `.format`/`%` template or message constant; placeholders match any value): the brief says "implement all success and error messages as specified in user stories".',
  fixHint: 'Add the message verbatim; placeholders such as {name} may be filled by an f-string or .format().',
  requires: ['stories'],
  run(context) {
    return storyMessageMatches(context.module, context.stories!)
      .filter((entry) => entry.match.status === 'missing')
      .map(({ message, alsoIn }) => ({
        message: `${placeOf(message)} expects "${message.text}" (stories line ${message.line}${alsoIn.length > 0 ? `; also ${alsoIn.join(', ')}` : ''}); no string in the module matches it`,
        line: 0,
        symbol: placeOf(message),
      }));
  },
});
