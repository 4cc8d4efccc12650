import type { Check } from '../../check.js';

/** Checks of the `threading/` category. */
export const threadingChecks: Check[] = [];
