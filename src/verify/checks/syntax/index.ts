import type { Check } from '../../check.js';
import { invalidPython } from './invalid-python.js';

/** Checks of the `syntax/` category. */
export const syntaxChecks: Check[] = [invalidPython];
