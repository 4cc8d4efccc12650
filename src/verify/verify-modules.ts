import type { BacksmithConfig } from '../config/config-schema.js';
import { searchPythonFiles } from '../inputs/find-python-files.js';
import { verifyModuleOrReport } from './verify-failure.js';
import type { VerifyModuleOptions } from './verify-module.js';
import { buildVerifyReport, type VerifyReport } from './verify-report.js';

/** Options for verifying several modules (files or directories). */
export interface VerifyModulesOptions extends Omit<VerifyModuleOptions, 'path' | 'source'> {
  paths: string[];
  config?: BacksmithConfig;
}

/** Verifies every module named by `paths` (directories are searched for `.py` files). */
export async function verifyModules(options: VerifyModulesOptions): Promise<VerifyReport> {
  const { paths, ...shared } = options;
  const { files, skipped } = await searchPythonFiles(paths);
  const modules = [];
  // One module backsmith cannot verify (or read) is a finding for that file; the others still run.
  for (const file of files) modules.push(await verifyModuleOrReport({ ...shared, path: file }, files.length > 1));
  return buildVerifyReport(modules, skipped);
}
