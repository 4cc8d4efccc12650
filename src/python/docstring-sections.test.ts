import { describe, expect, it } from 'vitest';
import { parseDocstringSections } from './docstring-sections.js';

/** A method docstring as the parser receives it: quotes removed, indentation kept. */
const GOOGLE = `Borrow a copy of a book.

        Checks the member's limits first.

        Args:
            member_id: The member, e.g. \`\`M0001\`\`.
            isbn (str): ISBN-10 or ISBN-13;
                hyphens allowed.
            *extra: Ignored.
            **options: Passed through.

        Returns:
            dict: Response with keys:
                - success (bool): True when it worked.

        Raises:
            ValidationError: When the input is blank.
            errors.NotFound: When the book is unknown.

        Example:
            >>> service.borrow("M0001", "978")["success"]
            True
        `;

describe('parseDocstringSections', () => {
  it('reads Google sections, their kinds and entries', () => {
    const sections = parseDocstringSections(GOOGLE);
    expect(sections.map((section) => [section.title, section.kind])).toEqual([
      ['Args', 'args'], ['Returns', 'returns'], ['Raises', 'raises'], ['Example', 'examples'],
    ]);
    expect(sections[0]?.entries).toEqual(['member_id', 'isbn', 'extra', 'options']);
    expect(sections[1]?.entries).toEqual([]);
    expect(sections[1]?.content[0]).toBe('dict: Response with keys:');
    expect(sections[2]?.entries).toEqual(['ValidationError', 'errors.NotFound']);
    expect(sections[3]?.content).toEqual(['>>> service.borrow("M0001", "978")["success"]', 'True']);
  });

  it('accepts the alternative titles', () => {
    const text = 'Do it.\n\n    Arguments:\n        a: A.\n\n    Return:\n        int: B.\n\n    Yields:\n        str: C.\n';
    expect(parseDocstringSections(text).map((section) => section.kind)).toEqual(['args', 'returns', 'yields']);
    expect(parseDocstringSections('Do it.\n\n    Parameters:\n        a: A.\n')[0]?.entries).toEqual(['a']);
  });

  it('reads a summary on the line after the opening quotes (the brief\'s module style)', () => {
    const text = '\nModule name and purpose.\n\nClasses:\n    Primary: Main class.\n\nExample:\n    Basic usage::\n\n        obj = Primary()\n';
    const sections = parseDocstringSections(text);
    expect(sections.map((section) => section.kind)).toEqual(['other', 'examples']);
    expect(sections[1]?.content).toEqual(['Basic usage::', 'obj = Primary()']);
  });

  it('reads an inline Returns header', () => {
    const sections = parseDocstringSections('Total.\n\n    Returns: The sum of the items.\n    ');
    expect(sections).toHaveLength(1);
    expect(sections[0]?.kind).toBe('returns');
    expect(sections[0]?.content).toEqual(['The sum of the items.']);
  });

  it('reads NumPy sections', () => {
    const text = 'Split a bill.\n\n    Parameters\n    ----------\n    amount : Decimal\n        The total.\n    names, extra : list of str\n        People.\n\n    Returns\n    -------\n    dict\n        Shares.\n    ';
    const sections = parseDocstringSections(text);
    expect(sections.map((section) => [section.kind, section.entries])).toEqual([
      ['args', ['amount', 'names', 'extra']],
      ['returns', []],
    ]);
  });

  it('does not mistake prose or entry lines for headers', () => {
    const text = 'Explain.\n\n    This paragraph talks about things in detail:\n        indented: not a header.\n    ';
    expect(parseDocstringSections(text)).toEqual([]);
    expect(parseDocstringSections('One line only.')).toEqual([]);
  });

  it('ends a Google section where the indentation returns to the base', () => {
    const text = 'Do.\n\n    Args:\n        a: A.\n    Trailing paragraph text.\n        b: not an entry.\n';
    expect(parseDocstringSections(text)[0]?.entries).toEqual(['a']);
  });
});
