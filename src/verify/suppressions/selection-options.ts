import type { BacksmithConfig } from '../../config/config-schema.js';
import { assertKnownCheckIds, assertKnownSelectors } from './check-selectors.js';

/** `--select`/`--ignore` as commander collects them: repeatable, each value comma-separated. */
export interface SelectionFlags {
  select?: string[];
  ignore?: string[];
}

/**
 * The configuration with the command line's selection applied: `--select` replaces the
 * configuration's `select`, `--ignore` adds to its `ignore`. Unknown ids, in either place or as a
 * key of the configuration's `severity`, are a usage error (exit 2) naming the closest known id
 * and the option by `names` (the MCP tools' arguments are `select` and `ignore`).
 */
export function applySelectionFlags(config: BacksmithConfig, flags: SelectionFlags, names: { select: string; ignore: string } = { select: '--select', ignore: '--ignore' }): BacksmithConfig {
  assertKnownSelectors(config.select, 'the configuration\'s "select"');
  assertKnownSelectors(config.ignore, 'the configuration\'s "ignore"');
  assertKnownSelectors(config.checks.include, 'the configuration\'s "checks.include"');
  assertKnownSelectors(config.checks.exclude, 'the configuration\'s "checks.exclude"');
  // The severity map is read by exact id: a misspelt key would silently change nothing.
  assertKnownCheckIds(Object.keys(config.severity), 'the configuration\'s "severity"');
  assertKnownSelectors(flags.select ?? [], names.select);
  assertKnownSelectors(flags.ignore ?? [], names.ignore);
  return {
    ...config,
    select: flags.select && flags.select.length > 0 ? flags.select : config.select,
    ignore: [...new Set([...config.ignore, ...(flags.ignore ?? [])])],
  };
}
