import type { Check } from '../../check.js';
import type { TestFileCheck } from '../../../test-file/define-test-file-check.js';
import { callArity } from './call-arity.js';
import { criterionUntested } from './criterion-untested.js';
import { embeddedCopy } from './embedded-copy.js';
import { error } from './error.js';
import { failed } from './failed.js';
import { fileNotPython } from './file-not-python.js';
import { fileWrapped } from './file-wrapped.js';
import { inProcess } from './in-process.js';
import { messageReworded } from './message-reworded.js';
import { moduleNotImported } from './module-not-imported.js';
import { noneRan } from './none-ran.js';
import { notRun } from './not-run.js';
import { unknownApi } from './unknown-api.js';
import { unreported } from './unreported.js';

/** Checks of the acceptance test files themselves, read before anything runs (`verify --tests`, `checkTestFile`). */
export const testFileChecks: TestFileCheck[] = [fileNotPython, fileWrapped, moduleNotImported, embeddedCopy, unknownApi, callArity, messageReworded, criterionUntested];

/** Checks of the `tests/` category. */
export const testsChecks: Check[] = [notRun, failed, error, noneRan, unreported, inProcess, ...testFileChecks];
