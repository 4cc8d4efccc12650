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
  it('states functions provided elsewhere and the methods of exceptions and models, as the design/ checks ask for them', async () => {
    const design = await readDesign([
      '# Shop', '', '## Exceptions', '', '```python', 'class OutOfStockError(Exception):', '    def __init__(self, sku: str) -> None: ...', '```', '',
      '## Class: Shop', '', '- `buy(self, sku: str) -> bool`', '', '### External function', '', '- `stock_level(sku: str) -> int`: mocked with fixed numbers.', '',
      '## Models', '', '```python', '@dataclass', 'class Line:', '    sku: str', '    def label(self) -> str: ...', '```', '',
    ].join('\n'), { sourceName: 'shop_technical_design.md' });
    const text = formatChecklist(checklistFromSpec('shop.py', design, null));
    expect(text).toContain('- `stock_level(sku: str) -> int`');
    expect(text).toContain('The design says `stock_level` is provided elsewhere or mocked: not required here; a module-level stand-in, if you write one, must have the signature above.');
    expect(text).toContain('OutOfStockError.__init__(self, sku: str) -> None');
    expect(text).toContain('Line.label(self) -> str');
    expect(text).toContain('Shop.buy(self, sku: str) -> bool');
  });

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
