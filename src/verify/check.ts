import type { CheckCategory, Severity } from './finding.js';
import type { CheckContext } from './check-context.js';

/** What a check needs besides the module itself; without it the check is skipped. */
export type CheckRequirement = 'design' | 'stories' | 'runtime' | 'tests' | 'test-files' | 'types';

/** Public, stable description of a check. */
export interface CheckMeta {
  /** Stable id, `category/kebab-name`; part of backsmith's public contract. */
  id: string;
  category: CheckCategory;
  /** Severity used unless the configuration overrides it. */
  severity: Severity;
  /** One sentence: what the check looks for and why the brief demands it. */
  description: string;
  /** One sentence: how to fix what it reports. */
  fixHint: string;
  requires?: CheckRequirement[];
}

/** What a check reports; the engine adds the id, category, severity and default hint. */
export interface CheckReport {
  message: string;
  line: number;
  column?: number;
  symbol?: string;
  /** A hint specific to this finding; the check's `fixHint` is used otherwise. */
  hint?: string;
  /** Overrides the check's default severity for this one finding (e.g. a softer variant). */
  severity?: Severity;
  /** The file the finding is in when it is not the module (a test file). */
  file?: string;
}

/** A check: metadata plus a function from the module's context to reports. */
export interface Check extends CheckMeta {
  run(context: CheckContext): CheckReport[] | Promise<CheckReport[]>;
}

/** Identity helper that gives check definitions their type. */
export function defineCheck(check: Check): Check {
  return check;
}
