import type { Check } from '../../check.js';

/** Checks of the `safety/` category. */
export const safetyChecks: Check[] = [];
