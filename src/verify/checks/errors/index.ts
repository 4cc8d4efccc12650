import type { Check } from '../../check.js';

/** Checks of the `errors/` category. */
export const errorsChecks: Check[] = [];
