// Verify stage figures: cold CLI run (whole process), warm in-process verify, batch throughput.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh } from '../dist/cli/bundle-freshness.js';
import { verifyModule, verifyModules } from '../dist/index.js';
import { median, report, timeRuns } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CANDIDATES = [
  'examples/clinic_booking/clinic_booking_scheduler.py',
  '../shared/examples/library_lending/library_lending_service.py',
  'test-fixtures/modules/clean_counter.py',
];
const BATCH_SIZE = 50;

/** CPU time of this process's finished children in ms (Linux /proc; 10 ms ticks), or null elsewhere. */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) sit at 13 and 14.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * CPU ms of `runs` cold verifies of `file`, counting every process the CLI starts, through
 * support/cpu-of-tree.py (a child subreaper, Linux only); null where it cannot run.
 */
async function treeCpuRuns(file, runs) {
  const helper = path.join(ROOT, 'bench', 'support', 'cpu-of-tree.py');
  const cpu = [];
  for (let run = 0; run < runs; run++) {
    const result = spawnSync('python3', [helper, process.execPath, path.join(ROOT, 'bin', 'backsmith.js'), 'verify', file, '--no-run', '--no-types', '--json'], { encoding: 'utf8' });
    if (result.status !== 0) return null;
    const figures = JSON.parse(result.stdout);
    if (figures.status === 2) throw new Error(figures.stderr);
    cpu.push(figures.cpuMs);
  }
  return cpu;
}

/** The ~800-line module the figures are taken on. */
export function benchModule() {
  const found = CANDIDATES.map((file) => path.join(ROOT, file)).find((file) => existsSync(file));
  return { file: found, source: readFileSync(found, 'utf8') };
}

export default async function verifyBench() {
  const { file, source } = benchModule();
  console.log(`module: ${path.relative(ROOT, file)} (${source.split('\n').length} lines)`);

  // Types off: pyright's start-up is its own figure (issue 14); this one is the verifier's own start.
  // The CLI runs the bundle `npm run build` makes, unless a later tsc made it stale (then dist/).
  console.log(`CLI: ${bundleIsFresh(path.join(ROOT, 'dist')) ? 'the bundle (dist/bundle)' : 'dist/ unbundled (the bundle is missing or stale: run npm run build)'}`);
  const coldCpu = [];
  const cold = await timeRuns(() => {
    const before = childrenCpuMs();
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'backsmith.js'), 'verify', file, '--no-run', '--no-types', '--json'], { encoding: 'utf8' });
    if (run.status === 2) throw new Error(run.stderr);
    if (before !== null) coldCpu.push(childrenCpuMs() - before);
  }, 7);
  report('cold `backsmith verify --no-run --no-types` (whole process, wall)', cold);
  // Ruff's process and the interpreter that judges syntax are not in this figure: the CLI never
  // waits for them (each ends when its stdin closes), so their CPU goes to no parent.
  if (coldCpu.length > 0) report('  the same, CPU (user + system of the CLI process only)', coldCpu.slice(-cold.length));
  const treeCpu = await treeCpuRuns(file, 7);
  if (treeCpu) report("  the same, CPU of the whole tree (the CLI, Ruff's process, the interpreter)", treeCpu);
  // The same machine's floor, to compare figures taken on machines of other speeds: node starting
  // and ending with nothing to do.
  const bare = await timeRuns(() => {
    spawnSync(process.execPath, ['-e', '0']);
  }, 7);
  report('  for scale: `node -e 0` on this machine (wall)', bare);
  console.log(`${'  cold verify / node -e 0'.padEnd(58)} ${(median(cold) / median(bare)).toFixed(1)}x`);

  const warm = await timeRuns(() => verifyModule({ path: file, source, noRun: true }), 20, 3);
  report('in-process verifyModule (warm, static checks)', warm);

  const folder = mkdtempSync(path.join(tmpdir(), 'backsmith-bench-'));
  for (let index = 0; index < BATCH_SIZE; index++) writeFileSync(path.join(folder, `module_${index}.py`), source);
  let batch;
  try {
    batch = await timeRuns(() => verifyModules({ paths: [folder], noRun: true }), 3, 1);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const perSecond = batch.map((ms) => (BATCH_SIZE * 1000) / ms);
  console.log(`${`batch of ${BATCH_SIZE} modules (in-process)`.padEnd(58)} median ${median(perSecond).toFixed(1)} modules/s  (${median(batch).toFixed(0)} ms per batch)`);
}
