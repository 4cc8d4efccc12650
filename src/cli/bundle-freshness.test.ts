import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_ENTRIES, BUNDLE_FOLDER, BUNDLE_STAMP, bundleIsFresh } from './bundle-freshness.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const BUILT = new Date('2026-01-01T10:00:00Z');
const INPUTS = ['cli/main.js', 'python/ruff-lint.js', 'verify/registry.js'];

/** A dist/ folder with its modules, a bundle and a stamp, all at BUILT unless changed after. */
function builtDist(change: (dist: string) => void = () => undefined): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'backsmith-bundle-'));
  folders.push(dist);
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
    utimesSync(path.join(dist, file), BUILT, BUILT);
  };
  for (const input of INPUTS) write(input, 'export {};\n');
  for (const entry of Object.keys(BUNDLE_ENTRIES)) write(`${BUNDLE_FOLDER}/${entry}.js`, 'export {};\n');
  write(`${BUNDLE_FOLDER}/${BUNDLE_STAMP}`, JSON.stringify({ inputs: INPUTS }));
  change(dist);
  return dist;
}

const later = new Date(BUILT.getTime() + 1000);
const stamp = (dist: string) => path.join(dist, BUNDLE_FOLDER, BUNDLE_STAMP);

describe('bundleIsFresh', () => {
  it('runs a bundle whose modules are no newer than its stamp (an npm tarball gives all files one time)', () => {
    expect(bundleIsFresh(builtDist())).toBe(true);
  });

  it.each<[string, (dist: string) => void]>([
    ['a module was rebuilt after the bundle (tsc alone)', (dist) => utimesSync(path.join(dist, 'verify/registry.js'), later, later)],
    ['a module it was built from is gone', (dist) => rmSync(path.join(dist, 'python/ruff-lint.js'))],
    ['an entry of the bundle is missing', (dist) => rmSync(path.join(dist, BUNDLE_FOLDER, 'ruff-worker.js'))],
    ['there is no stamp', (dist) => rmSync(stamp(dist))],
    ['the stamp is not JSON', (dist) => writeFileSync(stamp(dist), '{"inputs": [')],
    ['the stamp lists no modules', (dist) => writeFileSync(stamp(dist), '{"inputs": []}')],
    ['the stamp lists something else', (dist) => writeFileSync(stamp(dist), '{"inputs": "cli/main.js"}')],
    ['the stamp points outside dist/', (dist) => writeFileSync(stamp(dist), JSON.stringify({ inputs: ['../package.json'] }))],
    ['the stamp cannot be read', (dist) => {
      rmSync(stamp(dist));
      mkdirSync(stamp(dist));
    }],
  ])('falls back to dist/ when %s', (_name, change) => {
    expect(bundleIsFresh(builtDist(change))).toBe(false);
  });

  it('falls back when there is no bundle at all', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'backsmith-bundle-'));
    folders.push(dist);
    expect(bundleIsFresh(dist)).toBe(false);
  });
});
