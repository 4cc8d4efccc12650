// Type-check figures (issue 14): warm per-draft pyright check, cold `verify` with and without types,
// and the batch of 50 with one pyright. Wall medians, and CPU where it can be read (Linux /proc,
// /usr/bin/time), since wall time on a shared machine measures the other users too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTypeChecker, verifyModules } from '../dist/index.js';
import { median, report, timeRuns } from './measure.js';
import { benchModule } from './verify.bench.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BATCH_SIZE = 50;
const CLOCK_TICKS_PER_MS = 0.1; // USER_HZ is 100 on Linux

/** CPU time (ms) used so far by this process's child processes that are still running (pyright). */
function childrenCpuMs() {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.reduce((sum, pid) => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_MS;
    }, 0);
  } catch {
    return NaN;
  }
}

/** Runs the CLI once; returns wall ms and user+system CPU ms of the whole process tree (via /usr/bin/time when present). */
function cliRun(args) {
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const started = performance.now();
  const run = spawnSync(command, [...(timed ? ['-f', '%U %S', process.execPath] : []), path.join(ROOT, 'bin', 'backsmith.js'), ...args], { encoding: 'utf8' });
  const wall = performance.now() - started;
  if (run.status === 2) throw new Error(run.stderr);
  const [user, system] = timed ? run.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [NaN, NaN];
  return { wall, cpu: (user + system) * 1000 };
}

export default async function typesBench() {
  const { file, source } = benchModule();
  console.log(`module: ${path.relative(ROOT, file)} (${source.split('\n').length} lines)`);

  // Warm: one checker for the "run"; each draft differs (a comment), as drafts do between rounds.
  const checker = startTypeChecker();
  let draft = 0;
  const nextDraft = () => checker.check(`${source}\n# draft ${draft++}\n`, file);
  const coldStarted = performance.now();
  await nextDraft();
  console.log(`${'first check (pyright start-up + check)'.padEnd(58)} ${(performance.now() - coldStarted).toFixed(0)} ms`);
  const cpu = [];
  const warm = await timeRuns(async () => {
    const before = childrenCpuMs();
    await nextDraft();
    cpu.push(childrenCpuMs() - before);
  }, 15, 3);
  await checker.close();
  report('warm per-draft type check (startTypeChecker().check)', warm);
  if (cpu.every(Number.isFinite)) report('  pyright CPU per draft (user+system, /proc)', cpu.slice(-warm.length));

  for (const [label, extra] of [['with types', []], ['--no-types', ['--no-types']]]) {
    const runs = [];
    for (let index = 0; index < 5; index++) runs.push(cliRun(['verify', file, '--no-run', '--json', ...extra]));
    report(`cold \`backsmith verify --no-run\` ${label} (wall)`, runs.map((run) => run.wall));
    if (runs.every((run) => Number.isFinite(run.cpu))) report(`  CPU of the process tree ${label} (/usr/bin/time)`, runs.map((run) => run.cpu));
  }

  const folder = mkdtempSync(path.join(tmpdir(), 'backsmith-types-bench-'));
  for (let index = 0; index < BATCH_SIZE; index++) writeFileSync(path.join(folder, `module_${index}.py`), source);
  try {
    for (const types of [true, false]) {
      const batch = await timeRuns(() => verifyModules({ paths: [folder], noRun: true, types }), 2, 0);
      const perSecond = batch.map((ms) => (BATCH_SIZE * 1000) / ms);
      console.log(`${`batch of ${BATCH_SIZE} modules, ${types ? 'types (one pyright)' : 'no types'}`.padEnd(58)} median ${median(perSecond).toFixed(2)} modules/s  (${median(batch).toFixed(0)} ms per batch)`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
