import type { Check } from '../../check.js';

/** Checks of the `runtime/` category. */
export const runtimeChecks: Check[] = [];
