// Odd module shapes near the 1 MB limit: static verify (--no-run) must stay linear; target ≤ 2 s each.
import { verifyModule } from '../dist/index.js';
import { ODD_SHAPES } from '../dist/python/test-support/odd-shapes.js';
import { report, timeRuns } from './measure.js';

const TARGET_BYTES = 1_000_000;
const RUNS = Number(process.env.ODD_SHAPES_RUNS ?? 3);
const ONLY = process.env.ODD_SHAPES?.split(',');

/** The shape grown to just under TARGET_BYTES. */
function sourceOf(shape) {
  const unit = shape.make(10).length / 10;
  let count = Math.max(1, Math.floor(TARGET_BYTES / unit));
  let source = shape.make(count);
  while (source.length > TARGET_BYTES && count > 1) source = shape.make((count = Math.floor(count * 0.9)));
  return source;
}

export default async function oddShapesBench() {
  for (const shape of ODD_SHAPES) {
    if (ONLY && !ONLY.some((name) => shape.name.includes(name))) continue;
    const source = sourceOf(shape);
    let findings = '';
    const durations = await timeRuns(async () => {
      const result = await verifyModule({ path: 'odd.py', source, noRun: true });
      const ids = new Set(result.findings.map((finding) => finding.checkId).filter((id) => /^(verify|quality\/too-complex|syntax)/.test(id)));
      findings = [...ids].join(' ');
    }, RUNS, 0);
    report(`${shape.name} (${(source.length / 1024).toFixed(0)} KB)`, durations);
    if (findings) console.log(`${''.padEnd(4)}→ ${findings}`);
  }
}
