import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { BacksmithError, EXIT_FINDINGS, EXIT_PASSED } from '../errors.js';
import { formatHumanReport } from '../report/format-human.js';
import { shouldColour } from '../report/colour.js';
import { formatJsonReport } from '../report/format-json.js';
import { writeReportFile } from '../report/write-report-file.js';
import { warmUpVerifier } from '../verify/build-context.js';
import { onlyLargeModules } from './early-lint-source.js';
import { verifyModules } from '../verify/verify-modules.js';
import { applySelectionFlags } from '../verify/suppressions/selection-options.js';
import { selectionRunsNothing } from '../verify/suppressions/selection-runs-nothing.js';
import { collectSelectors } from '../verify/suppressions/collect-selectors.js';
import type { VerifyReport } from '../verify/verify-report.js';
import { checkPythonOption } from './check-python-option.js';
import { checkReportTargets } from './check-report-targets.js';
import type { CliIo } from './cli-io.js';
import { refuseBothForms } from './refuse-both-forms.js';

interface VerifyFlags {
  design?: string;
  stories?: string;
  tests?: string[];
  json?: boolean;
  sarif?: string;
  html?: string;
  config?: string;
  run: boolean;
  python?: string;
  allowUnsandboxed?: boolean;
  types?: boolean;
  select?: string[];
  ignore?: string[];
}

/** Writes the SARIF file atomically; a file that cannot be written is a fatal error (exit 2). */
async function writeSarif(file: string, report: VerifyReport): Promise<void> {
  const { formatSarifReport } = await import('../report/format-sarif.js');
  await writeReportFile(file, formatSarifReport(report), 'SARIF report');
}

/** Registers `backsmith verify`. */
export function registerVerifyCommand(program: Command, io: CliIo): void {
  const command = program.command('verify');
  const refuseConflicts = refuseBothForms(command, ['types']);
  command
    .description('Verify Python backend modules against the brief (and a design, stories and tests when given)')
    .argument('<paths...>', 'module files or directories holding .py files')
    .option('--design <file>', 'technical design document (markdown)')
    .option('--stories <file>', 'user stories document (markdown)')
    .option('--tests <files...>', 'acceptance test files (unittest or pytest) to run in the sandbox')
    .option('--json', 'print one JSON document instead of the human report')
    .option('--sarif <file>', 'also write findings as SARIF 2.1.0 to this file')
    .option('--html <file>', 'also write a self-contained report page: source with findings inline, design checklist, sandbox summary')
    .option('--config <file>', 'configuration file (default: backsmith.config.json or package.json#backsmith)')
    .option('--no-run', 'skip the sandboxed run of the module')
    .option('--python <path>', 'Python interpreter for syntax checks and the sandbox (default: python3)')
    .option('--select <ids>', 'report only these checks (ids or categories such as safety/, comma-separated); findings of the others are counted in one line (--json lists them)', collectSelectors)
    .option('--ignore <ids>', 'count findings of these checks (ids or categories, comma-separated) as suppressed', collectSelectors)
    .option('--types', 'type-check with pyright even when verifying more modules than config typesMaxFiles (default 5), or a module larger than typesMaxKb (default 128); one pyright for all')
    .option('--no-types', 'skip the pyright type check (the types/ checks are reported as skipped, with the reason)')
    .option('--allow-unsandboxed', 'run runtime checks even where the host lacks a required sandbox protection')
    .action(async (paths: string[], flags: VerifyFlags) => {
      refuseConflicts();
      const config = applySelectionFlags(await loadConfig(flags.config), flags);
      checkPythonOption(flags.python);
      // A selection whose every check would be skipped would pass having checked nothing.
      const nothing = selectionRunsNothing(config.select, {
        ...(flags.design ? {} : { design: 'no --design given' }),
        ...(flags.stories ? {} : { stories: 'no --stories given' }),
        ...(flags.tests ? {} : { 'test-files': 'no --tests given', tests: 'no --tests given' }),
        ...(flags.run ? {} : { runtime: '--no-run given', tests: '--no-run given' }),
        ...(flags.types === false ? { types: '--no-types given' } : {}),
      }, new Set(Object.keys(config.severity).filter((id) => config.severity[id] === 'off')));
      if (nothing) throw new BacksmithError(`${flags.select?.length ? '--select' : 'The configuration\'s "select"'} ${config.select.join(',')} runs no check: every check it selects is skipped (${nothing}). Give what they need, or select other checks.`);
      // A report that cannot be written, or would replace an input, is found before minutes of verifying.
      const targets = [...(flags.sarif ? [{ option: '--sarif', file: flags.sarif }] : []), ...(flags.html ? [{ option: '--html', file: flags.html }] : [])];
      if (targets.length > 0) await checkReportTargets(targets, [...paths, ...[flags.design, flags.stories, flags.config].filter((file): file is string => !!file), ...(flags.tests ?? [])]);
      warmUpVerifier(config, flags.python ?? config.python ?? 'python3', { ruff: !onlyLargeModules(paths) });
      // What a run without these flags does not use is not loaded (a cold `verify --no-run` pays for its imports).
      if (flags.run) (await import('../sandbox/verify-runtime.js')).warmUpRuntime(flags.python, config, flags.allowUnsandboxed ?? false);
      // A bad --design or --stories file is a fatal error (exit 2), not a finding.
      const design = flags.design ? await (await import('../inputs/design/read-design-file.js')).readDesignFile(flags.design) : undefined;
      const stories = flags.stories ? await (await import('../inputs/stories/read-stories-file.js')).readStoriesFile(flags.stories) : undefined;
      // A missing or unreadable test file is a usage error even when --no-run skips the tests.
      if (flags.tests) await (await import('../sandbox/runtime-stage.js')).readTestFiles(flags.tests);
      if (flags.tests && !flags.run) {
        throw new BacksmithError('--tests cannot be combined with --no-run: the acceptance tests run in the sandbox that --no-run skips.');
      }
      const report = await verifyModules({
        paths,
        config,
        ...(design ? { design } : {}),
        ...(stories ? { stories } : {}),
        noRun: !flags.run,
        ...(flags.tests ? { tests: flags.tests } : {}),
        ...(flags.python ? { python: flags.python } : {}),
        ...(flags.allowUnsandboxed ? { allowUnsandboxed: true } : {}),
        ...(flags.types !== undefined ? { types: flags.types } : {}),
      });
      if (flags.sarif) await writeSarif(flags.sarif, report);
      if (flags.html) {
        const { writeHtmlReport } = await import('../report/html/write-html-report.js');
        await writeHtmlReport(flags.html, report, { ...(design ? { design } : {}), ...(stories ? { stories } : {}) });
      }
      io.stdout(flags.json ? formatJsonReport(report) : formatHumanReport(report, { colour: shouldColour(process.stdout) }));
      io.setExitCode(report.passed ? EXIT_PASSED : EXIT_FINDINGS);
    });
}
