/** How serious a finding is. Only `error` findings make a module fail. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Check categories; every check id starts with its category and a slash. `verify` holds no check:
 * its findings (`verify/internal-error`) say a module could not be verified at all.
 */
export const CHECK_CATEGORIES = [
  'format', 'syntax', 'quality', 'contract', 'errors', 'deps', 'safety', 'threading',
  'design', 'stories', 'runtime', 'tests', 'verify', 'types',
] as const;

/** One of `CHECK_CATEGORIES`. */
export type CheckCategory = (typeof CHECK_CATEGORIES)[number];

/** One problem found in a module. Findings are data; checks never throw them. */
export interface Finding {
  checkId: string;
  category: CheckCategory;
  severity: Severity;
  message: string;
  /** 1-based line; 0 when the finding concerns the whole module. */
  line: number;
  column?: number;
  /** The class, method or name the finding is about, e.g. `LedgerService.add_member`. */
  symbol?: string;
  hint: string;
  /** The file the finding is in when it is not the module: a test file's path (its `line` is in that file). */
  file?: string;
}

/** Orders severities from most to least serious. */
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
