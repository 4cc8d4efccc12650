import { defineCheck, type CheckReport } from '../../check.js';

/** `stories/no-messages`: the stories (or the design's message tables) yield at least one message. */
export const noMessages = defineCheck({
  id: 'stories/no-messages',
  category: 'stories',
  severity: 'error',
  description: 'The user stories must yield at least one user-facing message (and a design message table at least one row): when nothing is extracted, the message checks have nothing to compare and would pass silently.',
  fixHint: 'Quote each message the user sees in the stories ("Poll created.", “…”, «…», 「…」, `…`) or write it after a colon (Then I see the message: Poll created.); give the design\'s message table a Message column.',
  run(context) {
    const reports: CheckReport[] = [];
    const { stories, design } = context;
    if (stories && stories.stories.length > 0 && stories.stories.every((story) => story.messages.length === 0)) {
      reports.push({ message: `no user-facing message could be read from ${stories.sourceName} (${stories.stories.length} stories): the stories/ message checks compared nothing`, line: 0 });
    }
    if (design && design.stats.messageTables > 0 && design.messages.length === 0) {
      reports.push({
        message: `${design.sourceName} has ${design.stats.messageTables} message table(s) but no message could be read from them`,
        line: 0,
        ...(stories ? {} : { severity: 'warning' as const }),
      });
    }
    return reports;
  },
});
