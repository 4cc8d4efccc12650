import { placeOf, storyMessageMatches } from '../../../conformance/story-message-matches.js';
import { defineCheck } from '../../check.js';

/** `stories/message-mismatch`: a story message the module has almost, but not exactly. */
export const messageMismatch = defineCheck({
  id: 'stories/message-mismatch',
  category: 'stories',
  severity: 'error',
  description: 'A user-facing message that is close to a story\'s message but not the same (a reworded, re-punctuated or re-cased text) fails acceptance tests that compare messages exactly.',
  fixHint: 'Change the module\'s text to the story\'s wording exactly; only placeholders may differ.',
  requires: ['stories'],
  run(context) {
    const reports = [];
    for (const { message, alsoIn, match } of storyMessageMatches(context.module, context.stories!)) {
      if (match.status !== 'near') continue;
      const differences = match.differences.map((difference) => {
        if (difference.expected === '') return `added "${difference.actual}"`;
        if (difference.actual === '') return `dropped "${difference.expected}"`;
        return `"${difference.expected}" → "${difference.actual}"`;
      }).join(', ');
      reports.push({
        message: `${placeOf(message)} expects "${message.text}" (stories line ${message.line}${alsoIn.length > 0 ? `; also ${alsoIn.join(', ')}` : ''}) but the module says "${match.candidate.text}"; story → module: ${differences}`,
        line: match.candidate.line,
        symbol: placeOf(message),
      });
    }
    return reports;
  },
});
