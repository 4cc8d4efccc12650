import { BACKSMITH_VERSION } from '../version.js';
import type { SkippedEntry } from '../inputs/find-python-files.js';
import type { ModuleReport } from './verify-module.js';

/** The result of `backsmith verify` over one or more modules; the `--json` document. */
export interface VerifyReport {
  tool: { name: 'backsmith'; version: string };
  modules: ModuleReport[];
  /** True when every module passed. */
  passed: boolean;
  /** `.py` entries of the directories given that were not verified, and why; absent when none. */
  skipped?: SkippedEntry[];
}

/** Wraps module reports into the verify report. */
export function buildVerifyReport(modules: ModuleReport[], skipped: SkippedEntry[] = []): VerifyReport {
  return {
    tool: { name: 'backsmith', version: BACKSMITH_VERSION },
    modules,
    passed: modules.every((module) => module.passed),
    ...(skipped.length > 0 ? { skipped } : {}),
  };
}
