import path from 'node:path';
import { z } from 'zod';
import { BacksmithError } from '../errors.js';
import { MAX_DOCUMENT_BYTES } from '../inputs/design/read-design-file.js';
import { readDesign } from '../inputs/design/read-design.js';
import { searchPythonFiles, type PythonFileSearch } from '../inputs/find-python-files.js';
import { readTextFile } from '../inputs/read-text-file.js';
import { readStories } from '../inputs/stories/read-stories.js';
import { readTestFiles } from '../sandbox/runtime-stage.js';
import { selectionRunsNothing } from '../verify/suppressions/selection-runs-nothing.js';
import { verifyModuleOrReport } from '../verify/verify-failure.js';
import { MAX_MODULE_BYTES, type ModuleReport, type VerifyModuleOptions } from '../verify/verify-module.js';
import { buildVerifyReport, type VerifyReport } from '../verify/verify-report.js';
import { ReportCache } from './report-cache.js';
import { verifyReportSchema } from './report-schema.js';
import { guarded, toolSuccess, workspaceConfig, type ToolContext } from './tool-context.js';
import { confinePath, type Workspace } from './workspace-roots.js';

/** Findings listed in the text summary; the structured report holds them all. */
const SUMMARY_FINDINGS = 8;

const inputShape = {
  path: z.string().min(1).optional().describe('Module file or directory to verify, relative to the workspace root (or absolute inside it). Give path or code.'),
  code: z.string().min(1).optional().describe('The module source itself, instead of a path (e.g. a draft not yet saved).'),
  fileName: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*\.py$/, 'a Python module file name such as inventory_service.py').optional()
    .describe('File name of inline code (default module.py); the acceptance tests import the module by this name.'),
  design: z.string().min(1).optional().describe("The Engineering Lead's technical design (markdown file): turns on the design/ checks."),
  stories: z.string().min(1).optional().describe("The Product Manager's user stories (markdown file): turns on the stories/ checks."),
  tests: z.array(z.string().min(1)).max(50).optional().describe('Acceptance test files (unittest or pytest) run against the module in the sandbox.'),
  run: z.boolean().optional().describe('Run the module in the sandbox (probe, doctests, tests); default true. false = static checks only.'),
  select: z.array(z.string().min(1)).max(200).optional().describe('Report only these checks (ids or categories such as safety/).'),
  ignore: z.array(z.string().min(1)).max(200).optional().describe('Count findings of these checks as suppressed.'),
};

/** The arguments of `verify_module`, as validated. */
export type VerifyToolInput = z.infer<z.ZodObject<typeof inputShape>>;

function summarize(report: VerifyReport): string {
  const lines = report.modules.map((module: ModuleReport) => {
    const { errors, warnings } = module.summary;
    return `${module.passed ? '✔' : '✘'} ${module.path}: ${module.passed ? 'passed' : 'failed'} (${errors} error(s), ${warnings} warning(s))`;
  });
  const findings = report.modules.flatMap((module) => module.findings.map((finding) => ({ module, finding })));
  for (const { module, finding } of findings.slice(0, SUMMARY_FINDINGS)) {
    const where = report.modules.length > 1 ? `${path.basename(module.path)}:${finding.line}` : `line ${finding.line}`;
    lines.push(`  ${finding.severity} ${finding.checkId} ${where}: ${finding.message.split('\n')[0]}`);
  }
  if (findings.length > SUMMARY_FINDINGS) lines.push(`  … ${findings.length - SUMMARY_FINDINGS} more in the structured report`);
  if (report.modules.length === 0) lines.push('No Python module found at the path given.');
  return lines.join('\n');
}

/**
 * The modules to verify: the files under `given` that stay inside the workspace once links are
 * followed; a link in a folder leading out of it is passed over and listed, not read.
 */
async function moduleFiles(workspace: Workspace, given: string): Promise<PythonFileSearch> {
  const root = await confinePath(workspace, given, 'Module path');
  const search = await searchPythonFiles([root]);
  const files: string[] = [];
  const skipped = [...search.skipped];
  for (const file of search.files) {
    const confined = await confinePath(workspace, file, 'Module file').then(() => true, (error: unknown) => {
      if (error instanceof BacksmithError) return false;
      throw error;
    });
    if (confined) files.push(file);
    else skipped.push({ path: file, reason: 'outside the workspace' });
  }
  return { files, skipped };
}

/** A design or stories document's text (kept for the cache key) and what it says. */
async function readDocument<T>(file: string, label: string, read: (text: string, options: { sourceName: string }) => T | Promise<T>): Promise<{ text: string; spec: T }> {
  const text = await readTextFile(file, { maxBytes: MAX_DOCUMENT_BYTES, label });
  return { text, spec: await read(text, { sourceName: path.basename(file) }) };
}

/** The module's text for the cache key, or null when it cannot be read (the verifier then reports why). */
async function moduleText(file: string): Promise<string | null> {
  return readTextFile(file, { maxBytes: MAX_MODULE_BYTES, label: 'Python module' }).catch((error: unknown) => {
    if (error instanceof BacksmithError) return null;
    throw error;
  });
}

async function verify(context: ToolContext, input: VerifyToolInput, cache: ReportCache): Promise<VerifyReport> {
  if ((input.path === undefined) === (input.code === undefined)) throw new BacksmithError('verify_module needs exactly one of path (a file or directory) and code (the module source).');
  if (input.code !== undefined && Buffer.byteLength(input.code) > MAX_MODULE_BYTES) {
    throw new BacksmithError(`The module code is larger than ${MAX_MODULE_BYTES} bytes, the most backsmith verifies.`);
  }
  const workspace = await context.roots.current();
  const config = await workspaceConfig(context, workspace, input);
  const run = input.run ?? true;
  const designDocument = input.design ? await readDocument(await confinePath(workspace, input.design, 'Design document'), 'Design document', readDesign) : undefined;
  const storiesDocument = input.stories ? await readDocument(await confinePath(workspace, input.stories, 'User stories document'), 'User stories document', readStories) : undefined;
  const design = designDocument?.spec;
  const stories = storiesDocument?.spec;
  const tests: string[] = [];
  for (const test of input.tests ?? []) tests.push(await confinePath(workspace, test, 'Test file'));
  if (tests.length > 0) await readTestFiles(tests);
  if (tests.length > 0 && !run) throw new BacksmithError('tests cannot be combined with run: false: the acceptance tests run in the sandbox that run: false skips.');
  // A selection whose every check would be skipped would pass having checked nothing.
  const nothing = selectionRunsNothing(config.select, {
    ...(design ? {} : { design: 'no design given' }),
    ...(stories ? {} : { stories: 'no stories given' }),
    ...(tests.length > 0 ? {} : { 'test-files': 'no tests given', tests: 'no tests given' }),
    ...(run ? {} : { runtime: 'run: false given', tests: 'run: false given' }),
  }, new Set(Object.keys(config.severity).filter((id) => config.severity[id] === 'off')));
  if (nothing) throw new BacksmithError(`${input.select?.length ? 'select' : 'The configuration\'s "select"'} ${config.select.join(',')} runs no check: every check it selects is skipped (${nothing}). Give what they need, or select other checks.`);
  const shared: Omit<VerifyModuleOptions, 'path'> = {
    config, noRun: !run,
    ...(design ? { design } : {}),
    ...(stories ? { stories } : {}),
    ...(tests.length > 0 ? { tests } : {}),
    ...(context.settings.python ? { python: context.settings.python } : {}),
    ...(context.settings.allowUnsandboxed ? { allowUnsandboxed: true } : {}),
  };
  // Static verification depends on its inputs alone: an unchanged module is not checked again.
  const verifyOne = async (file: string, source: string | null, unreadableIsFinding: boolean): Promise<ModuleReport> => {
    const options = { ...shared, path: file, ...(source !== null ? { source } : {}) };
    if (run || source === null) return verifyModuleOrReport(options, unreadableIsFinding);
    const inputs = { path: file, source, config, design: designDocument?.text ?? null, stories: storiesDocument?.text ?? null, python: context.settings.python ?? null };
    return cache.report(inputs, () => verifyModuleOrReport(options, unreadableIsFinding));
  };
  if (input.code !== undefined) return buildVerifyReport([await verifyOne(input.fileName ?? 'module.py', input.code, false)]);
  const { files, skipped } = await moduleFiles(workspace, input.path!);
  const modules: ModuleReport[] = [];
  for (const file of files) modules.push(await verifyOne(file, run ? null : await moduleText(file), files.length > 1));
  return buildVerifyReport(modules, skipped);
}

/** Registers `verify_module`: the `backsmith verify --json` report as structured content, and a short summary. */
export function registerVerifyTool(context: ToolContext): void {
  const cache = new ReportCache();
  context.server.registerTool('verify_module', {
    title: 'Verify a Python backend module',
    description:
      'Verify one Python module (a file, a directory of modules, or inline code) against the Python backend engineer contract, ' +
      'and against the technical design, user stories and acceptance tests when given: static checks, design/story conformance, ' +
      'a sandboxed run. Call it before declaring a module done; a module passes when it has no error finding. Returns the same ' +
      'report as `backsmith verify --json`, each finding with its line and a fix hint.',
    inputSchema: inputShape,
    outputSchema: verifyReportSchema,
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (input) => guarded(context, async () => {
    const report = await verify(context, input, cache);
    return toolSuccess(context, summarize(report), report);
  }));
}
