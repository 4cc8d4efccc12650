import type { BacksmithConfig } from '../config/config-schema.js';
import { findPythonFiles } from '../inputs/find-python-files.js';
import { verifyModule, type VerifyModuleOptions } from './verify-module.js';
import { buildVerifyReport, type VerifyReport } from './verify-report.js';

/** Options for verifying several modules (files or directories). */
export interface VerifyModulesOptions extends Omit<VerifyModuleOptions, 'path' | 'source'> {
  paths: string[];
  config?: BacksmithConfig;
}

/** Verifies every module named by `paths` (directories are searched for `.py` files). */
export async function verifyModules(options: VerifyModulesOptions): Promise<VerifyReport> {
  const { paths, ...shared } = options;
  const files = await findPythonFiles(paths);
  const modules = [];
  for (const file of files) modules.push(await verifyModule({ ...shared, path: file }));
  return buildVerifyReport(modules);
}
