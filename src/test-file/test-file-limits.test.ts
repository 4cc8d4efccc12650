import { describe, expect, it } from 'vitest';
import { checkTestFile } from './check-test-file.js';

const HEADER = 'import unittest\n\nfrom pantry_tracker import PantryTracker\n\n\nclass TestMany(unittest.TestCase):\n';

describe('checkTestFile on extreme files', () => {
  it('reads a test nested thousands of levels deep without overflowing the stack, and says it could not read it', async () => {
    const deep = `${HEADER}    def test_us001_ac1_deep(self) -> None:\n        self.assertEqual(${'['.repeat(5000)}1${']'.repeat(5000)}, 1)\n`;
    const report = await checkTestFile({ path: 'test_deep.py', source: deep, moduleName: 'pantry_tracker' });
    expect(report.usable).toBe(false);
    expect(report.findings.map((finding) => finding.checkId)).toEqual(['tests/file-not-python']);
  });

  it('checks 4,000 tests and a long chain of calls in time linear in their size', async () => {
    const body = (count: number) => `${HEADER}    def setUp(self) -> None:\n        self.pantry = PantryTracker()\n\n${Array.from({ length: count }, (_, index) =>
      `    def test_us001_ac${index + 1}_case(self) -> None:\n        self.assertEqual(self.pantry.add_item("rice", ${index})["message"], "Added ${index} x rice to the pantry.")\n`).join('\n')}`;
    const time = async (count: number) => {
      const started = performance.now();
      const report = await checkTestFile({ path: 'test_many.py', source: body(count), moduleName: 'pantry_tracker' });
      expect(report.findings).toEqual([]);
      return performance.now() - started;
    };
    await time(200);
    const small = await time(1000);
    const large = await time(4000);
    expect(large / small).toBeLessThan(12);
    const chain = (links: number) => `${HEADER}    def test_us001_ac1_chain(self) -> None:\n        PantryTracker()${'.list_items()'.repeat(links)}\n`;
    const short = await checkTestFile({ path: 'test_chain.py', source: chain(100), moduleName: 'pantry_tracker' });
    expect(short.findings).toEqual([]);
    // Past the reader's depth bound the file is reported as unread, never passed.
    const long = await checkTestFile({ path: 'test_chain.py', source: chain(3000), moduleName: 'pantry_tracker' });
    expect(long.findings.map((finding) => finding.checkId)).toEqual(['tests/file-not-python']);
  }, 60_000);
});
