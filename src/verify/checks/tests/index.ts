import type { Check } from '../../check.js';

/** Checks of the `tests/` category. */
export const testsChecks: Check[] = [];
