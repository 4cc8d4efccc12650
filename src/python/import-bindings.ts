import type { PythonModule } from './python-model.js';

/**
 * What each name bound by the module's imports denotes, as a dotted path:
 * `import subprocess as sp` binds `sp` → `subprocess`, `from os import system` binds
 * `system` → `os.system`, `import urllib.request` binds `urllib` → `urllib`.
 * Relative and wildcard imports bind nothing known.
 */
export function importBindings(module: PythonModule): Map<string, string> {
  const bindings = new Map<string, string>();
  for (const entry of module.imports) {
    if (entry.level > 0) continue;
    if (!entry.isFrom) {
      if (entry.alias) bindings.set(entry.alias, entry.module);
      else {
        const top = entry.module.split('.')[0]!;
        bindings.set(top, top);
      }
      continue;
    }
    entry.names.forEach((name, index) => {
      if (name === '*') return;
      bindings.set(entry.nameAliases[index] ?? name, `${entry.module}.${name}`);
    });
  }
  return bindings;
}

/** Rewrites a dotted name's first segment through the import bindings (`sp.run` → `subprocess.run`). */
export function canonicalName(dotted: string, bindings: ReadonlyMap<string, string>): string {
  // Called for every call and reference of a module: no split and join.
  const dot = dotted.indexOf('.');
  const bound = bindings.get(dot < 0 ? dotted : dotted.slice(0, dot));
  if (bound === undefined) return dotted;
  return dot < 0 ? bound : bound + dotted.slice(dot);
}
