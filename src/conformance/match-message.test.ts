import { describe, expect, it } from 'vitest';
import { MessageIndex, type MessageCandidate } from './match-message.js';

const python = (text: string, line = 1): MessageCandidate => ({ text, line, style: 'python' });

describe('MessageIndex.match', () => {
  const found: Array<[string, string, string]> = [
    ['an f-string', "Member '{name}' added to the group.", "Member 'Alice' added to the group."],
    ['a .format template with specs', 'Amount cannot exceed {symbol}{limit:,.2f}.', 'Amount cannot exceed $100,000.00.'],
    ['a %-template', 'The board already holds %d tasks.', 'The board already holds 200 tasks.'],
    ['a named %-template', 'Hello %(name)s, you owe %(amount).2f.', 'Hello Ana, you owe 3.50.'],
    ['a template against a story template', 'Task #{task_id} moved to {column}.', 'Task #{id} moved to {target}.'],
    ['a %-template with a literal percent', 'Discount of %d%% applied.', 'Discount of 15% applied.'],
    ['long placeholder values', "'{title}' borrowed by {name}. Due back on {due_on}.", "'The Quiet Orchard' borrowed by Priya Natarajan. Due back on 2024-03-15."],
    ['whitespace differences', 'Split   mode must be\n equal.', 'Split mode must be equal.'],
    ['quotes written in the template around a story placeholder', "Habit '{name}' added.", "Habit '{name}' added."],
    ['a story placeholder met by adjacent fields', 'Each person pays {symbol}{amount}.', 'Each person pays {amount}.'],
    ['a field standing for a story example in quotes', 'Found {count} bookmarks tagged {tag!r}.', "Found 2 bookmarks tagged 'python'."],
    ['a repr field, which quotes a str, for a quoted story placeholder', 'No bookmarks are tagged {tag!r}.', "No bookmarks are tagged '{tag}'."],
    ['a %r field for a quoted story placeholder', 'No bookmarks are tagged %r.', "No bookmarks are tagged '{tag}'."],
  ];
  it.each(found)('finds a story message in %s', (_name, candidate, story) => {
    expect(new MessageIndex([python(candidate)]).match(story).status).toBe('found');
  });

  // A placeholder stands for one value: literal text, or the other side's placeholder alone, never
  // a placeholder with text around it (the quotes, the words a longer message adds).
  const mismatched: Array<[string, string, string]> = [
    ['quotes dropped around a placeholder', 'Habit {name} added.', "Habit '{name}' added."],
    ['quotes added around a placeholder', "Habit '{name}' added.", 'Habit {name} added.'],
    ['a repr field, which adds quotes, for an unquoted story placeholder', 'Habit {name!r} added.', 'Habit {name} added.'],
    ['a longer message around the story placeholder', 'Ticket #{ticket_id} is already closed.', 'Ticket #{ticket_id} closed.'],
  ];
  it.each(mismatched)('does not take %s for the message', (_name, candidate, story) => {
    expect(new MessageIndex([python(candidate)]).match(story).status).toBe('near');
  });

  it('compares a re-cased message once a longer one no longer absorbs it', () => {
    const match = new MessageIndex([python('Ticket #{ticket_id} is already closed.', 3), python('Ticket #{ticket_id} Closed.', 9)]).match('Ticket #{ticket_id} closed.');
    expect(match.status).toBe('near');
    if (match.status === 'near') expect([match.candidate.line, match.differences]).toEqual([9, [{ expected: 'closed', actual: 'Closed' }]]);
  });

  it('does not let a mostly-placeholder string match anything', () => {
    expect(new MessageIndex([python('{}: {}'), python('Error: {detail}')]).match('Borrowing blocked: fines of $5.25 exceed the limit.').status).not.toBe('found');
  });

  it('reports a reworded message as a near miss with the differing words', () => {
    const match = new MessageIndex([python('Member name must not be empty.', 7), python('Unrelated text entirely here.')]).match('Member name cannot be empty.');
    expect(match.status).toBe('near');
    if (match.status !== 'near') return;
    expect(match.candidate.line).toBe(7);
    expect(match.differences).toEqual([{ expected: 'cannot', actual: 'must not' }]);
  });

  it('reports a changed case or punctuation as a near miss', () => {
    const match = new MessageIndex([python("Task #{task_id} removed!")]).match('Task #3 Removed.');
    expect(match.status).toBe('near');
    if (match.status === 'near') expect(match.differences.map((difference) => `${difference.expected}>${difference.actual}`)).toEqual(['Removed.>removed!']);
  });

  it('reports nothing close as missing', () => {
    expect(new MessageIndex([python('Saved.'), python('Deleted the recipe for good.')]).match('No plant needs water today.').status).toBe('missing');
  });
});

describe('near misses between messages', () => {
  it('reads a one-letter typo in a long word as mostly the word', () => {
    const match = new MessageIndex([python('ISBN is requiredx.')]).match('ISBN is required.');
    expect(match.status).toBe('near');
    if (match.status === 'near') expect(match.differences).toEqual([{ expected: 'required', actual: 'requiredx' }]);
  });

  it('does not read two different short words as a typo', () => {
    expect(new MessageIndex([python('Title was set.')]).match('Title is set.').status).not.toBe('found');
  });

  it('leaves out the excluded candidates, so another story\'s own message is no near miss', () => {
    const saved = python('Bookmark {bookmark_id} saved.', 3);
    expect(new MessageIndex([saved]).match('Bookmark {bookmark_id} removed.').status).toBe('near');
    expect(new MessageIndex([saved]).match('Bookmark {bookmark_id} removed.', new Set([saved])).status).toBe('missing');
  });
});
