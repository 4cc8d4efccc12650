import type { BacksmithConfig } from '../config/config-schema.js';
import { startTypeChecker, type TypeChecker } from './type-checker.js';

/** Whether the configuration leaves every `types/` check out (`checks.exclude: ["types/"]`). */
function typesExcluded(config: BacksmithConfig): boolean {
  return config.checks.exclude.some((selector) => selector === 'types' || selector === 'types/');
}

/**
 * Why a `generate` run (one module) checks no types (e.g. `--no-types given`), or null when it does. As in `verify`:
 * `types` true checks, false (`--no-types`, said as `typesOff`) does not, and by default types are checked when
 * `typesMaxFiles` allows one module. The configuration excluding `types/` always wins.
 */
export function draftTypesSkipReason(config: BacksmithConfig, types?: boolean, typesOff = '--no-types given'): string | null {
  if (typesExcluded(config)) return 'checks.exclude leaves out types/';
  if (types === false) return typesOff;
  if (types === undefined && config.typesMaxFiles < 1) return 'typesMaxFiles is 0 in the configuration (pass --types to check them)';
  return null;
}

/**
 * The warm pyright of a `generate` run (or an MCP session), started at its beginning so that it
 * loads, and checks a warm-up sample, while the model writes the first draft; drafts' own
 * `# type: ignore` comments waive nothing. Null when types are not checked (`draftTypesSkipReason`).
 */
export function startDraftTypeChecker(config: BacksmithConfig, python: string | null | undefined, types?: boolean): TypeChecker | null {
  if (draftTypesSkipReason(config, types) !== null) return null;
  return startTypeChecker({ python: python === undefined ? config.python ?? 'python3' : python, honorTypeIgnore: false, warmUp: true });
}
