import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStories } from '../../../inputs/stories/read-stories.js';
import type { CheckContext } from '../../check-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { messageMismatch } from './message-mismatch.js';
import { messageMissing } from './message-missing.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test-fixtures/stories');
const STORIES = readStories(readFileSync(path.join(FIXTURES, 'poll_messages_user_stories.md'), 'utf8'), { sourceName: 'poll_messages_user_stories.md' });
/** Every story message but US-202 AC4, built by concatenation, str(), .format (named fields), %, f-strings, helpers and constants. */
const MODULE = readFileSync(path.join(FIXTURES, 'poll_messages_module.py'), 'utf8');
const HIDDEN = '    def results(self) -> dict[str, Any]:\n        """Results."""\n        return {"success": True, "message": "Results are hidden until the poll closes.", "data": None}\n';
const COMPLETE = `${MODULE}\n${HIDDEN}`;

function withPollStories(context: CheckContext): CheckContext {
  return { ...context, stories: STORIES };
}

function lineOf(source: string, needle: string): number {
  return source.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

const nearMiss = COMPLETE.replace('" not found."', '" not found!"');

testCheck(messageMissing, {
  prepare: withPollStories,
  valid: [
    { name: 'concatenation, str(), .format with named fields, %, f-strings, helpers, module constants and message dicts', code: COMPLETE },
    { name: 'positional .format fields and a %-template in a constant', code: COMPLETE.replace(`"Option '{option}' is not on poll {poll}.".format(option=option, poll=poll_id)`, `"Option '{}' is not on poll {}.".format(option, poll_id)`).replace('"Vote recorded for %s." % option', 'VOTED % option').replace('MAX_OPTIONS = 10', 'MAX_OPTIONS = 10\nVOTED = "Vote recorded for %(option)s."') },
  ],
  invalid: [
    { name: 'an absent message is missing', code: MODULE, findings: [{ line: 0, messageIncludes: 'US-202 AC4 expects "Results are hidden until the poll closes." (stories line 23); no string in the module matches it' }] },
  ],
});

testCheck(messageMismatch, {
  prepare: withPollStories,
  valid: [
    { name: 'an assembled message that matches is no near miss of its parts', code: COMPLETE },
    { name: 'an absent message gets no near miss against a dict key or a single word', code: MODULE.replace('"results_hidden": "hidden"', '"Results are hidden until the poll closes": "hidden"') },
  ],
  invalid: [
    { name: 'a concatenated message that differs is a near miss at its line', code: nearMiss, findings: [{ line: lineOf(nearMiss, '" not found!"'), messageIncludes: 'US-201 AC1 expects "Poll <poll_id> not found."' }] },
  ],
});
