import type { Check } from '../../check.js';

/** Checks of the `deps/` category. */
export const depsChecks: Check[] = [];
