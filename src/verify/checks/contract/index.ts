import type { Check } from '../../check.js';
import { exceptionEscapes } from './exception-escapes.js';
import { responseShape } from './response-shape.js';

/** Checks of the `contract/` category. */
export const contractChecks: Check[] = [responseShape, exceptionEscapes];
