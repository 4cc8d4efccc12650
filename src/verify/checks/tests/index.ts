import type { Check } from '../../check.js';
import { error } from './error.js';
import { failed } from './failed.js';
import { inProcess } from './in-process.js';
import { noneRan } from './none-ran.js';
import { notRun } from './not-run.js';
import { unreported } from './unreported.js';

/** Checks of the `tests/` category. */
export const testsChecks: Check[] = [notRun, failed, error, noneRan, unreported, inProcess];
