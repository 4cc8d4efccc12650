import type { PythonImport } from '../../../python/python-model.js';
import { stdlibStatus, STDLIB_VERSIONS } from '../../../python/stdlib-modules.js';
import { defineCheck, type CheckReport } from '../../check.js';

function normalize(name: string): string {
  return name.trim().toLowerCase().replace(/-/g, '_');
}

function statement(entry: PythonImport, module: string): string {
  return entry.isFrom ? `from ${module} import ...` : `import ${module}`;
}

function guardedByImportError(entry: PythonImport): boolean {
  return entry.handlers.some((types) => types.some((type) => /(^|\.)(ImportError|ModuleNotFoundError|Exception|BaseException)$/.test(type)));
}

/** `deps/third-party-import`: only the standard library (and allowed modules) may be imported. */
export const thirdPartyImport = defineCheck({
  id: 'deps/third-party-import',
  category: 'deps',
  severity: 'error',
  description: "Imports must come from the Python standard library (3.10-3.13) unless the configuration's allowedImports (or the design's declared dependencies) allow them: the brief requires a module that runs without external dependencies, and an invented module name fails at import time.",
  fixHint: 'Use the standard library instead (dataclasses for models, urllib.parse for URLs, csv/json for data), or add the module to allowedImports if the design really declares it.',
  run(context) {
    const allowed = new Set([...context.config.allowedImports, ...(context.extraAllowedImports ?? [])].map(normalize));
    const oldest = STDLIB_VERSIONS[0];
    const reports: CheckReport[] = [];
    for (const entry of context.module.imports) {
      if (entry.level > 0 || entry.isTypeCheckingOnly || !entry.module) continue;
      const top = entry.module.split('.')[0]!;
      const written = statement(entry, entry.module);
      const status = stdlibStatus(top);
      if (status.versions.length > 0) {
        if (status.removedIn) {
          reports.push({ line: entry.line, symbol: top, severity: 'warning', message: `\`${written}\`: '${top}' was removed from the standard library in Python ${status.removedIn}`, hint: `Replace '${top}' with its modern standard-library equivalent so the module runs on Python ${status.removedIn} and later.` });
        } else if (status.versions[0] !== oldest) {
          reports.push({ line: entry.line, symbol: top, severity: 'warning', message: `\`${written}\`: '${top}' is only in the standard library from Python ${status.versions[0]}; the brief targets Python ${oldest}+` });
        }
        continue;
      }
      if (allowed.has(normalize(top))) continue;
      if (entry.isMainBlockOnly) {
        reports.push({ line: entry.line, symbol: top, severity: 'warning', message: `\`${written}\`: '${top}' is not in the standard library (only the \`if __name__ == "__main__":\` demo imports it); the brief requires no external dependencies` });
        continue;
      }
      if (guardedByImportError(entry)) {
        reports.push({ line: entry.line, symbol: top, severity: 'warning', message: `\`${written}\`: '${top}' is not in the standard library (the import is optional here: an ImportError is caught); the brief requires no external dependencies` });
        continue;
      }
      reports.push({ line: entry.line, symbol: top, message: `\`${written}\`: '${top}' is not in the standard library; the brief requires no external dependencies` });
    }
    return reports;
  },
});
