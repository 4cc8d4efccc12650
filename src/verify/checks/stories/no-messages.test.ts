import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../config/config-schema.js';
import { readDesign } from '../../../inputs/design/read-design.js';
import { readStories } from '../../../inputs/stories/read-stories.js';
import { buildCheckContext } from '../../build-context.js';
import type { CheckContext } from '../../check-context.js';
import { noMessages } from './no-messages.js';

const MODULE = 'def add(x: int) -> int:\n    """Adds one."""\n    return x + 1\n';
const QUOTED = '## US-1 Add\n\n- AC1: When I add, then I see "Added one."\n';
const COLON = '## US-1 Add\n\n- AC1: When I add, then I see the message: Added one.\n';
const SILENT = '## US-1 Add\n\n- AC1: When I add, then the number grows.\n';
const TABLE_OK = '# Adder\n\n## Messages\n\n| Code | Message |\n|---|---|\n| `ADDED` | "Added one." |\n';
const TABLE_EMPTY = '# Adder\n\n## Messages\n\n| Code | Message |\n|---|---|\n| `ADDED` | |\n';

async function run(stories: string | null, design: string | null) {
  const context: CheckContext = await buildCheckContext({ source: MODULE, config: defaultConfig() });
  if (stories !== null) context.stories = readStories(stories, { sourceName: 'adder_user_stories.md' });
  if (design !== null) context.design = await readDesign(design, { sourceName: 'adder_technical_design.md' });
  return noMessages.run(context);
}

describe('stories/no-messages', () => {
  const cases: Array<[string, string | null, string | null, Array<[string, string | undefined]>]> = [
    ['quoted messages', QUOTED, null, []],
    ['a message after a colon', COLON, null, []],
    ['no stories, no design', null, null, []],
    ['stories that quote nothing', SILENT, null, [['no user-facing message could be read from adder_user_stories.md', undefined]]],
    ['a design message table that yields rows', QUOTED, TABLE_OK, []],
    ['a design message table that yields nothing, with stories', QUOTED, TABLE_EMPTY, [['message table(s) but no message could be read', undefined]]],
    ['a design message table that yields nothing, design only: a warning', null, TABLE_EMPTY, [['message table(s) but no message could be read', 'warning']]],
  ];
  it.each(cases)('%s', async (_name, stories, design, expected) => {
    const reports = await run(stories, design);
    expect(reports.map((report) => [expected.find(([text]) => report.message.includes(text))?.[0] ?? report.message, report.severity])).toEqual(expected);
  });
});
