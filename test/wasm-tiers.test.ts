import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './run-cli.js';
import { useScratchFolder } from './scratch-folder.js';

// The tests run under `--liftoff-only` (vitest.config.ts), where backsmith leaves the wasm tiers to
// the user: this runs the built library in a fresh node, where it switches tiers itself.
const SCRIPT = `
import { readFileSync } from 'node:fs';
import { verifyModule } from ${JSON.stringify(path.join(REPO_ROOT, 'dist', 'index.js'))};
const file = ${JSON.stringify(path.join(REPO_ROOT, 'examples', 'clinic_booking', 'clinic_booking_scheduler.py'))};
const source = readFileSync(file, 'utf8');
const ids = (report) => report.findings.map((finding) => finding.checkId + ':' + finding.line + ':' + finding.message).sort();
const [first, second] = await Promise.all([verifyModule({ path: file, source, noRun: true }), verifyModule({ path: file, source, noRun: true })]);
const third = await verifyModule({ path: file, source: source + '\\nimport os\\n', noRun: true });
console.log(JSON.stringify({ first: ids(first), second: ids(second), third: ids(third) }));
`;

const scratch = useScratchFolder('backsmith-tiers-');

function runFresh(nodeArguments: string[]): { first: string[]; second: string[]; third: string[] } {
  const script = scratch.file('verify-twice.mjs', SCRIPT);
  const run = spawnSync(process.execPath, [...nodeArguments, script], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as { first: string[]; second: string[]; third: string[] };
}

describe('wasm tiers (built library, fresh process)', () => {
  it('verifies the same module alike twice at once and again after, with or without the user choosing --liftoff-only', () => {
    const switched = runFresh([]);
    expect(switched.first.filter((finding) => /internal-error|lint skipped/.test(finding))).toEqual([]);
    expect(switched.second).toEqual(switched.first);
    // Ruff and tree-sitter both still work after their compiles: a new unused import is found.
    expect(switched.third.some((finding) => finding.includes('F401'))).toBe(true);
    expect(runFresh(['--liftoff-only'])).toEqual(switched);
  });

  it('lints from `node --input-type=module -e` too (Ruff\'s worker takes none of node\'s options)', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    const { third } = JSON.parse(run.stdout) as { third: string[] };
    expect(third.some((finding) => finding.includes('F401'))).toBe(true);
  });
});
