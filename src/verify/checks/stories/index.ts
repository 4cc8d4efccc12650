import type { Check } from '../../check.js';

/** Checks of the `stories/` category. */
export const storiesChecks: Check[] = [];
