import { describe, expect, it } from 'vitest';
import { codeMatches, readCodeMappings, readHierarchyTree } from './exception-sources.js';

describe('exception sources in prose', () => {
  it('reads code globs mapped to exceptions with colons or arrows, and a catch-all', () => {
    const colon = readCodeMappings('`*_REQUIRED`, `INVALID_*`: `ValidationError`; `*_NOT_FOUND`: `NotFoundError`; other lending codes: `LendingPolicyError`; `INTERNAL_ERROR`: `LibraryError`. Money uses `format_money`.', 7);
    expect(colon.map((mapping) => `${mapping.patterns.join('+') || '*'}=${mapping.exception}@${mapping.line}`)).toEqual([
      '*_REQUIRED+INVALID_*=ValidationError@7', '*_NOT_FOUND=NotFoundError@7', '*=LendingPolicyError@7', 'INTERNAL_ERROR=LibraryError@7',
    ]);
    const arrows = readCodeMappings('Exception classes: `*_TOO_LONG`, `OFF_SLOT_BOUNDARY` → `InvalidInputError`; the other rule codes -> `BookingRuleError`.', 1);
    expect(arrows.map((mapping) => `${mapping.patterns.join('+') || '*'}=${mapping.exception}`)).toEqual(['*_TOO_LONG+OFF_SLOT_BOUNDARY=InvalidInputError', '*=BookingRuleError']);
    expect(readCodeMappings('Use `format_money`: `str` for money.', 1)).toEqual([]);
  });

  it('matches code globs', () => {
    expect(codeMatches('*_NOT_FOUND', 'LOAN_NOT_FOUND')).toBe(true);
    expect(codeMatches('INVALID_*', 'INVALID_ISBN')).toBe(true);
    expect(codeMatches('INVALID_*', 'ISBN_INVALID')).toBe(false);
  });

  it('reads a drawn hierarchy, and ignores file trees', () => {
    expect(readHierarchyTree('Exception\n└── ShopError\n    ├── CartError\n    │   └── EmptyCartError\n    └── PaymentError(ShopError)\n', 10).map((entry) => `${entry.name}(${entry.base})@${entry.line}`))
      .toEqual(['ShopError(Exception)@11', 'CartError(ShopError)@12', 'EmptyCartError(CartError)@13', 'PaymentError(ShopError)@14']);
    expect(readHierarchyTree('shop/\n├── models.py\n└── service.py\n', 1)).toEqual([]);
  });
});
