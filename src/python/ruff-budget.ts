import type { PythonModule } from './python-model.js';

/**
 * Largest module Ruff is run on. Ruff's time is linear in bytes but costs ~40 µs per diagnostic,
 * and an odd module yields one every few bytes (a line of `x and y and …`: 33,000 for 200 KB, 2.3 s):
 * past this size a module would miss the 2 s budget. Real modules are far smaller (the clinic example: 43 KB).
 */
export const RUFF_MAX_BYTES = 128 * 1024;

/**
 * Most string literals one statement may hold for Ruff to run: its time grows with their square
 * (a list of 4,000 strings: 0.2 s; 16,000: 3.3 s; the same strings in separate statements stay linear).
 */
export const RUFF_MAX_STRINGS_PER_STATEMENT = 2_500;

/** Why Ruff is not run on a source of this size, or null when it is. */
export function ruffSizeSkip(source: string): string | null {
  if (source.length <= RUFF_MAX_BYTES) return null;
  return `the module is ${Math.round(source.length / 1024)} KB; Ruff runs on modules up to ${RUFF_MAX_BYTES / 1024} KB (its time grows with the number of diagnostics)`;
}

/** Why Ruff is not run on this parsed module, or null when it is. */
export function ruffShapeSkip(module: PythonModule): string | null {
  const most = module.mostStringsInStatement ?? 0;
  if (most <= RUFF_MAX_STRINGS_PER_STATEMENT) return null;
  return `one statement holds ${most} string literals; Ruff runs on statements of up to ${RUFF_MAX_STRINGS_PER_STATEMENT} (its time grows with their square)`;
}
