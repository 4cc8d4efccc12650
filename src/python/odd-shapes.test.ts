import { describe, expect, it } from 'vitest';
import { verifyModule } from '../verify/verify-module.js';
import { ODD_SHAPES, randomNesting } from './test-support/odd-shapes.js';

/** Generous: this machine is shared; bench/odd-shapes.bench.js holds the real targets. */
const TIME_LIMIT_MS = 20_000;
const TARGET_BYTES = 60_000;

async function verifyOdd(source: string) {
  const started = performance.now();
  const report = await verifyModule({ path: 'odd.py', source, noRun: true, python: null });
  const elapsed = performance.now() - started;
  const internal = report.findings.filter((finding) => finding.checkId.startsWith('verify/'));
  const crashed = report.checks.filter((check) => check.reason?.startsWith('check crashed'));
  return { report, elapsed, problems: [...internal.map((finding) => finding.message), ...crashed.map((check) => `${check.id}: ${check.reason}`)] };
}

describe('odd shapes verify without an internal error, in bounded time', () => {
  for (const shape of ODD_SHAPES) {
    it(shape.name, async () => {
      const unit = shape.make(10).length / 10;
      const source = shape.make(Math.max(1, Math.floor(TARGET_BYTES / unit)));
      const { report, elapsed, problems } = await verifyOdd(source);
      expect(problems).toEqual([]);
      expect(report.checks.length).toBeGreaterThan(0);
      expect(elapsed).toBeLessThan(TIME_LIMIT_MS);
    });
  }

  for (const shape of ODD_SHAPES.filter((candidate) => /literal$/.test(candidate.name))) {
    it(`${shape.name} with 100,000 items (under 1 MB)`, async () => {
      const source = shape.make(100_000);
      expect(source.length).toBeLessThan(1024 * 1024);
      const { elapsed, problems } = await verifyOdd(source);
      expect(problems).toEqual([]);
      // Linear, but this size takes seconds on a loaded machine: bounded, not fast.
      expect(elapsed).toBeLessThan(3 * TIME_LIMIT_MS);
    }, 120_000);
  }

  it('random mixtures of nesting, shallow and deep', async () => {
    for (const [seed, depth] of [[1, 40], [2, 250], [3, 400], [4, 3000], [5, 20_000]] as const) {
      const { report, problems } = await verifyOdd(randomNesting(seed, depth));
      expect(problems).toEqual([]);
      const deep = report.findings.some((finding) => finding.checkId === 'quality/too-complex');
      // Below the bound nothing is cut; far above it, the depth is always reported.
      if (depth <= 40) expect(deep).toBe(false);
      if (depth >= 3000) expect(deep || report.findings.some((finding) => finding.checkId === 'syntax/invalid-python')).toBe(true);
    }
  }, 60_000);
});
