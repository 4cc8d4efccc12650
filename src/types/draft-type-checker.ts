import type { BacksmithConfig } from '../config/config-schema.js';
import { startTypeChecker, type TypeChecker } from './type-checker.js';

/** Whether the configuration leaves every `types/` check out (`checks.exclude: ["types/"]`). */
function typesExcluded(config: BacksmithConfig): boolean {
  return config.checks.exclude.some((selector) => selector === 'types' || selector === 'types/');
}

/**
 * The warm pyright of a `generate` run (or an MCP session), started at its beginning so that it
 * loads, and checks a warm-up sample, while the model writes the first draft; drafts' own
 * `# type: ignore` comments waive nothing. Null when the configuration excludes the `types/` checks.
 */
export function startDraftTypeChecker(config: BacksmithConfig, python: string | null | undefined): TypeChecker | null {
  if (typesExcluded(config)) return null;
  return startTypeChecker({ python: python === undefined ? config.python ?? 'python3' : python, honorTypeIgnore: false, warmUp: true });
}
