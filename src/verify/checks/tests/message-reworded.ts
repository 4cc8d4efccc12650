import { defineTestFileCheck } from '../../../test-file/define-test-file-check.js';
import { rewordedMessages, storyPlace } from '../../../test-file/reworded-messages.js';

const MAX_DIFFERENCES = 3;

/** `tests/message-reworded`: a test that expects a reworded story message fails a module that says it verbatim. */
export const messageReworded = defineTestFileCheck({
  id: 'tests/message-reworded',
  severity: 'error',
  description: 'The messages an acceptance test asserts (assertEqual, assertIn, assert ==, in) must be the user stories\' messages verbatim, placeholders filled: a reworded expectation fails a module that follows the stories, and passes one that does not.',
  fixHint: "Copy the message from the user stories character for character (punctuation and capitals included) and fill only its placeholders with the test's values.",
  alsoRequires: ['stories'],
  checkFile(file) {
    return rewordedMessages(file).map(({ asserted, message, differences }) => {
      const quote = (text: string) => (text === '' ? '(nothing)' : `"${text}"`);
      const shown = differences.slice(0, MAX_DIFFERENCES).map((difference) => `${quote(difference.expected)} → ${quote(difference.actual)}`).join(', ');
      return {
        line: asserted.line,
        column: asserted.column,
        symbol: storyPlace(message),
        message: `The test expects "${asserted.text}", a reworded form of the ${storyPlace(message)} message "${message.text}" (story says → test says: ${shown}${differences.length > MAX_DIFFERENCES ? ', …' : ''})`,
      };
    });
  },
});
