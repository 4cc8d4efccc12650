import type { Check } from '../../check.js';
import { badResults } from './bad-results.js';
import { doctestCheck } from './doctest.js';
import { hang } from './hang.js';
import { importError } from './import-error.js';
import { notRun } from './not-run.js';
import { outputFlood } from './output-flood.js';
import { shutdownBlocked } from './shutdown-blocked.js';

/** Checks of the `runtime/` category. */
export const runtimeChecks: Check[] = [notRun, badResults, importError, doctestCheck, hang, outputFlood, shutdownBlocked];
