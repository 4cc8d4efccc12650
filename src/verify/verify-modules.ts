import type { BacksmithConfig } from '../config/config-schema.js';
import { DEFAULT_TYPES_MAX_FILES, DEFAULT_TYPES_MAX_KB } from '../config/default-config.js';
import { startBatchTypes } from '../types/batch-types.js';
import { searchPythonFiles } from '../inputs/find-python-files.js';
import { verifyModuleOrReport } from './verify-failure.js';
import type { VerifyModuleOptions } from './verify-module.js';
import { buildVerifyReport, type VerifyReport } from './verify-report.js';

/** Options for verifying several modules (files or directories). */
export interface VerifyModulesOptions extends Omit<VerifyModuleOptions, 'path' | 'source'> {
  paths: string[];
  config?: BacksmithConfig;
  /** Type-check with pyright: true always, false never; by default when there are at most `config.typesMaxFiles` modules, each of at most `config.typesMaxKb`. */
  types?: boolean;
}

/** Verifies every module named by `paths` (directories are searched for `.py` files). */
export async function verifyModules(options: VerifyModulesOptions): Promise<VerifyReport> {
  const { paths, types, ...shared } = options;
  const { files, skipped } = await searchPythonFiles(paths);
  // One pyright for the whole batch, started before the first module is parsed.
  const batchTypes = startBatchTypes(files, {
    ...(types !== undefined ? { types } : {}), maxFiles: shared.config?.typesMaxFiles ?? DEFAULT_TYPES_MAX_FILES,
    ...(types === true ? {} : { maxBytes: (shared.config?.typesMaxKb ?? DEFAULT_TYPES_MAX_KB) * 1024 }),
    python: shared.python === undefined ? shared.config?.python ?? 'python3' : shared.python,
    ...(shared.typeChecker ? { typeChecker: shared.typeChecker } : {}),
  });
  const modules = [];
  try {
    // One module backsmith cannot verify (or read) is a finding for that file; the others still run.
    for (const [index, file] of files.entries()) modules.push(await verifyModuleOrReport({ ...shared, ...batchTypes.forModule(index), path: file }, files.length > 1));
  } finally {
    await batchTypes.close();
  }
  return buildVerifyReport(modules, skipped);
}
