import { BACKSMITH_VERSION } from '../version.js';
import type { ModuleReport } from './verify-module.js';

/** The result of `backsmith verify` over one or more modules; the `--json` document. */
export interface VerifyReport {
  tool: { name: 'backsmith'; version: string };
  modules: ModuleReport[];
  /** True when every module passed. */
  passed: boolean;
}

/** Wraps module reports into the verify report. */
export function buildVerifyReport(modules: ModuleReport[]): VerifyReport {
  return {
    tool: { name: 'backsmith', version: BACKSMITH_VERSION },
    modules,
    passed: modules.every((module) => module.passed),
  };
}
