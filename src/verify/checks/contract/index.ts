import type { Check } from '../../check.js';

/** Checks of the `contract/` category. */
export const contractChecks: Check[] = [];
