import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../deliver/write-atomic.js';
import type { DesignSpec } from '../../inputs/design/design-types.js';
import type { StoriesSpec } from '../../inputs/stories/story-types.js';
import { checklistFromSpec } from '../../prompt/checklist-from-spec.js';
import type { SpecChecklist } from '../../prompt/spec-checklist.js';
import type { ModuleReport } from '../../verify/verify-module.js';
import { buildVerifyReport, type VerifyReport } from '../../verify/verify-report.js';
import { redactSecrets } from '../../model/redact-secrets.js';
import { writeReportFile } from '../write-report-file.js';
import { formatHtmlReport } from './format-html.js';

/** The text each module had when it was verified; a file changed since (other sha256) or unreadable is left out. */
async function verifiedSources(report: VerifyReport): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const module of report.modules) {
    const text = await readFile(module.path, 'utf8').catch(() => null);
    if (text !== null && createHash('sha256').update(text).digest('hex') === module.sha256) sources.set(module.path, text);
  }
  return sources;
}

/**
 * Writes the report page of `backsmith verify --html FILE` atomically: module texts read back
 * (when unchanged since verification) and the design checklist from the design and stories.
 * A file that cannot be written is a fatal error (exit 2).
 */
export async function writeHtmlReport(file: string, report: VerifyReport, spec: { design?: DesignSpec; stories?: StoriesSpec } = {}): Promise<void> {
  const checklists = new Map<string, SpecChecklist>();
  if (spec.design || spec.stories) {
    for (const module of report.modules) checklists.set(module.path, checklistFromSpec(path.basename(module.path), spec.design ?? null, spec.stories ?? null));
  }
  const page = formatHtmlReport(report, { sources: await verifiedSources(report), checklist: checklists, generatedAt: new Date() });
  await writeReportFile(file, page, 'HTML report');
}

/** File name of the report page in a `generate` run folder. */
export const RUN_REPORT_PAGE = 'report.html';

/**
 * Writes `report.html` into a `generate` run folder: the chosen draft with its findings and the
 * design checklist, stripped of secrets like every other file of the run record.
 */
export async function writeRunReportPage(runDir: string, draft: { report: ModuleReport; code: string }, checklist: SpecChecklist, secrets: string[]): Promise<string> {
  const page = formatHtmlReport(buildVerifyReport([draft.report]), {
    sources: new Map([[draft.report.path, draft.code]]), checklist, title: `backsmith run ${path.basename(runDir)}`, generatedAt: new Date(),
  });
  const file = path.join(runDir, RUN_REPORT_PAGE);
  await writeFileAtomic(file, redactSecrets(page, secrets), { durable: false });
  return file;
}
