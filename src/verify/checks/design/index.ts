import type { Check } from '../../check.js';

/** Checks of the `design/` category. */
export const designChecks: Check[] = [];
