import type { Check } from '../../check.js';
import { messageMismatch } from './message-mismatch.js';
import { messageMissing } from './message-missing.js';
import { noMessages } from './no-messages.js';

/** Checks of the `stories/` category: the module against the user stories. */
export const storiesChecks: Check[] = [messageMissing, messageMismatch, noMessages];
