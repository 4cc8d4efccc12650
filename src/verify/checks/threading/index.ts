import type { Check } from '../../check.js';
import { unlockedMutation } from './unlocked-mutation.js';

/** Checks of the `threading/` category. */
export const threadingChecks: Check[] = [unlockedMutation];
