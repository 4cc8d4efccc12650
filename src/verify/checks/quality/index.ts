import type { Check } from '../../check.js';

/** Checks of the `quality/` category. */
export const qualityChecks: Check[] = [];
