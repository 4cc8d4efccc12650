import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../verify/finding.js';
import { verifyModule, type ModuleReport, type VerifyModuleOptions } from '../../verify/verify-module.js';
import { hostCapabilities, missingProtections, protectionsFor } from '../host-capabilities.js';
import { SYSTEM_PYTHON } from '../resolve-interpreter.js';
import { REQUIRED_PROTECTIONS } from '../sandbox-types.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Folders of fixtures used by the runtime tests. */
export const FIXTURES = {
  hostile: path.join(REPOSITORY, 'test-fixtures/hostile'),
  runtime: path.join(REPOSITORY, 'test-fixtures/runtime'),
  shared: path.resolve(REPOSITORY, '../shared/examples'),
};

/** True when this host can sandbox (all required protections) and has a system Python. */
export async function canSandbox(): Promise<boolean> {
  return missingProtections(protectionsFor(await hostCapabilities()), REQUIRED_PROTECTIONS).length === 0 && existsSync(SYSTEM_PYTHON);
}

/** Reads a fixture file. */
export function fixture(folder: string, name: string): string {
  return readFileSync(path.join(folder, name), 'utf8');
}

/** Replaces `from` (which must occur) in a module's source: one injected defect. */
export function inject(source: string, from: string, to: string): string {
  if (!source.includes(from)) throw new Error(`injection point not found: ${from}`);
  return source.replace(from, to);
}

/** Verifies a module given as text under its real file name, with the runtime stage on. */
export function verifySource(fileName: string, source: string, options: Partial<VerifyModuleOptions> = {}): Promise<ModuleReport> {
  return verifyModule({ path: fileName, source, ...options });
}

/** The findings of the runtime-stage categories. */
export function runtimeFindings(report: ModuleReport): Finding[] {
  // Findings in a test file (`file` set) come from reading it before the run, not from running.
  return report.findings.filter((finding) => finding.file === undefined && /^(runtime|contract\/(response-shape|exception-escapes)|safety\/network-or-fs|tests)\b/.test(finding.checkId));
}

/** `checkId symbol` pairs of a report's runtime findings, for compact assertions. */
export function findingKeys(report: ModuleReport, severity?: Finding['severity']): string[] {
  return runtimeFindings(report)
    .filter((finding) => !severity || finding.severity === severity)
    .map((finding) => `${finding.checkId} ${finding.symbol ?? ''}`.trim());
}
