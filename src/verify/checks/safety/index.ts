import type { Check } from '../../check.js';
import { networkOrFs } from './network-or-fs.js';

/** Checks of the `safety/` category. */
export const safetyChecks: Check[] = [networkOrFs];
