import type { Check } from '../../check.js';
import { baseExceptionFields } from './base-exception-fields.js';
import { exceptionHierarchy } from './exception-hierarchy.js';
import { swallowedException } from './swallowed-exception.js';

/** Checks of the `errors/` category. */
export const errorsChecks: Check[] = [exceptionHierarchy, baseExceptionFields, swallowedException];
