import { DEFAULT_LINE_LENGTH } from '../python/ruff-lint.js';
import type { BacksmithConfig } from './config-schema.js';

/** `verify` type-checks with pyright by default when it is given at most this many modules. */
export const DEFAULT_TYPES_MAX_FILES = 5;

/**
 * ... and each module is at most this many KB: pyright's time grows faster than a module's size, and
 * a machine-made module of several hundred KB can take it longer than its 30 s limit (a 1 MB one did).
 */
export const DEFAULT_TYPES_MAX_KB = 128;

/**
 * The configuration used when no file is given or found: what the schema in config-schema.ts
 * makes of `{}` (a test holds the two equal), built without loading zod, which costs a cold
 * `verify` more CPU than the checks of a 900-line module.
 */
export function defaultConfig(): BacksmithConfig {
  return {
    severity: {},
    allowedImports: [],
    lineLength: DEFAULT_LINE_LENGTH,
    checks: { include: [], exclude: [] },
    select: [],
    ignore: [],
    typesMaxFiles: DEFAULT_TYPES_MAX_FILES,
    typesMaxKb: DEFAULT_TYPES_MAX_KB,
  };
}
