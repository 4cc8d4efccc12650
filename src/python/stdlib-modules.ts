import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-paths.js';

/** Python versions whose standard-library module names backsmith ships (`data/stdlib-modules.json`). */
export const STDLIB_VERSIONS = ['3.10', '3.11', '3.12', '3.13'] as const;

/** One of `STDLIB_VERSIONS`. */
export type StdlibVersion = (typeof STDLIB_VERSIONS)[number];

interface StdlibData {
  versions: Record<StdlibVersion, string[]>;
}

let loaded: Map<StdlibVersion, Set<string>> | null = null;

function stdlibSets(): Map<StdlibVersion, Set<string>> {
  if (!loaded) {
    const data = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'data', 'stdlib-modules.json'), 'utf8')) as StdlibData;
    loaded = new Map(STDLIB_VERSIONS.map((version) => [version, new Set(data.versions[version] ?? [])]));
  }
  return loaded;
}

/** Where a top-level module name stands in the standard library across the shipped versions. */
export interface StdlibStatus {
  /** Versions whose standard library has the module. */
  versions: StdlibVersion[];
  /** The first shipped version without it, when an earlier one had it (e.g. `distutils` → 3.12). */
  removedIn: StdlibVersion | null;
}

/** Looks up a top-level module name (`os`, `distutils`, `requests`) in the standard library lists. */
export function stdlibStatus(topLevelModule: string): StdlibStatus {
  const sets = stdlibSets();
  const versions = STDLIB_VERSIONS.filter((version) => sets.get(version)?.has(topLevelModule));
  let removedIn: StdlibVersion | null = null;
  if (versions.length > 0) {
    const last = STDLIB_VERSIONS.indexOf(versions[versions.length - 1]!);
    removedIn = STDLIB_VERSIONS[last + 1] ?? null;
  }
  return { versions, removedIn };
}
