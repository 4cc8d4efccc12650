import type { Check } from '../../check.js';
import { exceptionEscapes } from './exception-escapes.js';
import { responseFormat } from './response-format.js';
import { responseShape } from './response-shape.js';
import { uncaughtRaise } from './uncaught-raise.js';
import { unguardedCall } from './unguarded-call.js';

/** Checks of the `contract/` category. */
export const contractChecks: Check[] = [responseFormat, uncaughtRaise, unguardedCall, responseShape, exceptionEscapes];
