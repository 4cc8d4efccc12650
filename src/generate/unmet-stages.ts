import type { ModuleReport } from '../verify/verify-module.js';

/** The stages `generate` asked the verifier for. */
export interface RequestedStages {
  /** The sandboxed runtime stage (every draft, unless `noRun`). */
  runtime: boolean;
  /** Acceptance test files given. */
  tests: number;
}

/**
 * What a passing report shows of the requested stages that did not run, finish or report; empty
 * when every one ran. The delivery gate: a module is delivered only when this is empty, so a
 * verifier that skipped a stage (whatever the checks said) never delivers.
 */
export function unmetStages(report: ModuleReport, requested: RequestedStages): string[] {
  const unmet: string[] = [];
  const { sandbox } = report;
  if (requested.runtime || requested.tests > 0) {
    if (!sandbox) unmet.push('the runtime stage did not run');
    else if (sandbox.status !== 'ran') unmet.push(`the runtime stage ${sandbox.status === 'refused' ? 'was refused' : 'failed'}: ${sandbox.reason ?? 'no reason given'}`);
    else if (!sandbox.probe) unmet.push('the runtime stage ran no probe');
  }
  if (requested.tests > 0 && sandbox?.status === 'ran') {
    if (!sandbox.tests) unmet.push('the acceptance tests did not run');
    else if (!sandbox.tests.completed) unmet.push('the acceptance test run did not finish');
    else if (sandbox.tests.ran === 0) unmet.push('no acceptance test ran');
  }
  const notRun = report.checks.filter((check) => /^(runtime|tests)\/not-run$/.test(check.id) && check.status === 'failed');
  for (const check of notRun) unmet.push(`${check.id} reported that a requested stage did not run`);
  return unmet;
}
