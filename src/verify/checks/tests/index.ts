import type { Check } from '../../check.js';
import { error } from './error.js';
import { failed } from './failed.js';
import { noneRan } from './none-ran.js';

/** Checks of the `tests/` category. */
export const testsChecks: Check[] = [failed, error, noneRan];
