// Odd module shapes at ~1 MB (the module limit) and ~100 KB: static verify (--no-run) must stay
// linear (ratio ≈ 10) and take ≤ 2 s at 1 MB. CPU time is this process (its threads); Ruff and the
// interpreter's compile run beside it in processes of their own and show in wall time only.
import { verifyModule } from '../dist/index.js';
import { ODD_SHAPES } from '../dist/python/test-support/odd-shapes.js';
import { median } from './measure.js';

const LARGE_BYTES = 1_000_000;
const SMALL_BYTES = 100_000;
const RUNS = Number(process.env.ODD_SHAPES_RUNS ?? 3);
const ONLY = process.env.ODD_SHAPES?.split(',');

/** The shape grown to just under `target` bytes (units differ in length, so the count is refined). */
export function sourceOf(shape, target) {
  let count = Math.max(1, Math.floor(target / (shape.make(10).length / 10)));
  let source = shape.make(count);
  for (let attempt = 0; attempt < 4 && count > 1 && (source.length > target || source.length < target * 0.95); attempt++) {
    count = Math.max(1, Math.floor((count * target * 0.98) / source.length));
    source = shape.make(count);
  }
  return source;
}

/** Median wall and CPU milliseconds of verifying `source` `RUNS` times, and the ids that matter here. */
async function measure(source) {
  const walls = [];
  const cpus = [];
  let notes = '';
  for (let run = 0; run < RUNS; run++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await verifyModule({ path: 'odd.py', source, noRun: true });
    walls.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
    const ids = new Set(result.findings.map((finding) => finding.checkId).filter((id) => /^(verify|quality\/too-complex|syntax)/.test(id)));
    if (result.findings.some((finding) => finding.message.startsWith('lint skipped'))) ids.add('lint skipped');
    notes = [...ids].join(' ');
  }
  return { wall: median(walls), cpu: median(cpus), notes };
}

export default async function oddShapesBench() {
  console.log(`median of ${RUNS} runs per size; ratio = 1 MB / 100 KB CPU time (linear ≈ 10 × the size ratio / 10)`);
  console.log(`${'shape'.padEnd(40)} ${'1 MB wall'.padStart(10)} ${'1 MB cpu'.padStart(9)} ${'100 KB cpu'.padStart(11)}  ratio`);
  for (const shape of ODD_SHAPES) {
    if (ONLY && !ONLY.some((name) => shape.name.includes(name))) continue;
    const small = sourceOf(shape, SMALL_BYTES);
    const large = sourceOf(shape, LARGE_BYTES);
    const smallFigures = await measure(small);
    const largeFigures = await measure(large);
    const sizeRatio = large.length / small.length;
    const ratio = largeFigures.cpu / Math.max(1, smallFigures.cpu);
    console.log(
      `${shape.name.slice(0, 40).padEnd(40)} ${`${largeFigures.wall.toFixed(0)} ms`.padStart(10)} ${`${largeFigures.cpu.toFixed(0)} ms`.padStart(9)} ${`${smallFigures.cpu.toFixed(0)} ms`.padStart(11)}  ${ratio.toFixed(1)} (size × ${sizeRatio.toFixed(1)})${largeFigures.notes ? `  → ${largeFigures.notes}` : ''}`,
    );
  }
}
