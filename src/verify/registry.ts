import type { Check } from './check.js';
import { contractChecks } from './checks/contract/index.js';
import { depsChecks } from './checks/deps/index.js';
import { designChecks } from './checks/design/index.js';
import { errorsChecks } from './checks/errors/index.js';
import { formatChecks } from './checks/format/index.js';
import { qualityChecks } from './checks/quality/index.js';
import { runtimeChecks } from './checks/runtime/index.js';
import { safetyChecks } from './checks/safety/index.js';
import { storiesChecks } from './checks/stories/index.js';
import { syntaxChecks } from './checks/syntax/index.js';
import { testsChecks } from './checks/tests/index.js';
import { threadingChecks } from './checks/threading/index.js';
import { typesChecks } from './checks/types/index.js';

/** Every check backsmith knows, in the order they run and report. */
export const ALL_CHECKS: readonly Check[] = [
  ...formatChecks,
  ...syntaxChecks,
  ...qualityChecks,
  ...contractChecks,
  ...errorsChecks,
  ...depsChecks,
  ...safetyChecks,
  ...threadingChecks,
  ...typesChecks,
  ...designChecks,
  ...storiesChecks,
  ...runtimeChecks,
  ...testsChecks,
];

/** Looks a check up by id. */
export function findCheck(id: string): Check | undefined {
  return ALL_CHECKS.find((check) => check.id === id);
}
