import type { Check } from '../../check.js';

/** Checks of the `format/` category. */
export const formatChecks: Check[] = [];
