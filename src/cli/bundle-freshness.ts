import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Folder of dist/ that `npm run build` bundles the CLI into (scripts/bundle-cli.js). */
export const BUNDLE_FOLDER = 'bundle';

/** The bundle's record of the dist/ modules it was built from. */
export const BUNDLE_STAMP = 'stamp.json';

/** The bundle's entries and the dist/ modules they are built from; bin/ imports these by name. */
export const BUNDLE_ENTRIES = {
  main: 'cli/main.js',
  'early-start': 'cli/early-start.js',
  // Beside the bundled ruff-lint code, where it looks for the script of Ruff's process
  // ('./ruff-worker.js') when it starts one (bin/ starts the first from dist/python).
  'ruff-worker': 'python/ruff-worker.js',
} as const;

/**
 * Whether the bundle in `dist` may run: its stamp lists the modules it was built from, and none
 * is missing or newer than the stamp (written after bundling). A `tsc` run after the bundle
 * rewrites them all, so the CLI then runs dist/ as tsc left it; an npm tarball gives every file
 * the same time, so an installed bundle stays fresh. Any doubt (no stamp, a corrupt one, a file
 * that cannot be read) means not fresh: the bundle is only ever a faster copy of dist/.
 */
export function bundleIsFresh(dist: string): boolean {
  try {
    const stampFile = path.join(dist, BUNDLE_FOLDER, BUNDLE_STAMP);
    const stampTime = statSync(stampFile).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(stampFile, 'utf8')) as { inputs?: unknown };
    if (!Array.isArray(inputs) || inputs.length === 0) return false;
    for (const entry of Object.keys(BUNDLE_ENTRIES)) statSync(path.join(dist, BUNDLE_FOLDER, `${entry}.js`));
    // Some 400 inputs, on every start of the CLI: joined by hand, since path.join's normalising
    // costs more than the stat itself (inputs are relative, slash-separated paths under dist/).
    const prefix = dist.endsWith(path.sep) ? dist : `${dist}${path.sep}`;
    for (const input of inputs) {
      if (typeof input !== 'string' || input.startsWith('.') || path.isAbsolute(input) || input.includes('..')) return false;
      if (statSync(prefix + input).mtimeMs > stampTime) return false;
    }
    return true;
  } catch {
    return false;
  }
}
