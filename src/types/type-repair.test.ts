import { describe, expect, it } from 'vitest';
import { formatRepairFindings } from '../repair/build-repair-prompt.js';
import type { Finding } from '../verify/finding.js';
import { isTypeNameCause } from './type-repair.js';

const finding = (checkId: string, line: number, message: string, symbol?: string): Finding => ({
  checkId, category: 'types', severity: 'error', line, message, hint: 'Fix the types.', ...(symbol ? { symbol } : {}),
});

const shadowing = finding('types/attribute-access', 18, 'field `lockers` (line 12) is shadowed by the method `lockers()` (line 18) of `LockerBank`; pyright reports 5 errors from it (lines 12, 16, 20, 36), e.g. Object of type "(self: Self@LockerBank) -> list[int]" is not subscriptable', 'LockerBank.lockers');
const optional = finding('types/optional-access', 32, '"to_bytes" is not a known attribute of "None"');

describe('type findings in the repair prompt', () => {
  it('a field shadowed by a method and an undefined name are causes; other type errors are symptoms', () => {
    expect(isTypeNameCause(shadowing)).toBe(true);
    expect(isTypeNameCause(finding('types/undefined-name', 3, '"TIDE" is not defined'))).toBe(true);
    expect(isTypeNameCause(finding('types/attribute-access', 4, 'Cannot access attribute "seat_count" for class "Kayak"'))).toBe(false);
    expect(isTypeNameCause(optional)).toBe(false);
  });

  it('the shadowing is listed with the clashing names, before the other type errors, naming its cause and the lines it breaks', () => {
    const code = Array.from({ length: 40 }, (_, index) => `line_${index + 1} = ${index}`).join('\n');
    const prompt = formatRepairFindings([optional, shadowing], code, 'lockers.py');
    const clashing = prompt.indexOf('Undefined or clashing names');
    const cause = prompt.indexOf('field `lockers` (line 12) is shadowed by the method `lockers()` (line 18)');
    expect(clashing).toBeGreaterThan(0);
    expect(cause).toBeGreaterThan(clashing);
    expect(prompt.indexOf('"to_bytes" is not a known attribute of "None"')).toBeGreaterThan(cause);
    expect(prompt).toContain('lines 12, 16, 20, 36');
  });
});
