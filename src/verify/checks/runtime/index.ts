import type { Check } from '../../check.js';
import { doctestCheck } from './doctest.js';
import { hang } from './hang.js';
import { importError } from './import-error.js';

/** Checks of the `runtime/` category. */
export const runtimeChecks: Check[] = [importError, doctestCheck, hang];
