import type { Check } from '../../check.js';
import { relativeImport } from './relative-import.js';
import { thirdPartyImport } from './third-party-import.js';

/** Checks of the `deps/` category. */
export const depsChecks: Check[] = [thirdPartyImport, relativeImport];
