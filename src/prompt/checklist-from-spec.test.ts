import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDesign } from '../inputs/design/index.js';
import { readStories } from '../inputs/stories/index.js';
import { checklistFromSpec, expectationFromDesign } from './checklist-from-spec.js';
import { formatChecklist } from './spec-checklist.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = path.resolve(REPO, '../shared');
const EXAMPLE = path.join(SHARED, 'examples', 'library_lending');

describe('checklistFromSpec', () => {
  it.skipIf(!existsSync(EXAMPLE))('states the library example exactly', async () => {
    const design = await readDesign(readFileSync(path.join(EXAMPLE, 'library_lending_technical_design.md'), 'utf8'), { sourceName: 'library_lending_technical_design.md' });
    const stories = readStories(readFileSync(path.join(EXAMPLE, 'library_lending_user_stories.md'), 'utf8'));
    const checklist = checklistFromSpec(design.deliverable!, design, stories);
    const text = formatChecklist(checklist);
    expect(checklist.primaryClass).toBe('LibraryLendingService');
    expect(text).toContain('`library_lending_service.py`');
    expect(text).toContain('normalize_isbn(raw: str) -> str');
    expect(text).toMatch(/`ValidationError\(LibraryError\)`: .*INVALID_ISBN/);
    expect(text).toContain('"ISBN is required." (ISBN_REQUIRED)');
    expect(text).toContain('"\'{title}\' returned {days} day(s) late. Fine charged: {fine}." (return_book)');
    // Story instances of a design template are not repeated.
    expect(text).not.toContain("Fine charged: $0.75.");
    expect(expectationFromDesign(design).primaryClass).toBe('LibraryLendingService');
  });
});
