import type { Check } from '../../check.js';
import { codeFence } from './code-fence.js';
import { moduleStart } from './module-start.js';
import { surroundingProse } from './surrounding-prose.js';

/** Checks of the `format/` category. */
export const formatChecks: Check[] = [codeFence, surroundingProse, moduleStart];
