import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runBacksmith } from './run-cli.js';

const CLEAN = readFileSync(path.join(REPO_ROOT, 'test-fixtures', 'modules', 'clean_counter.py'), 'utf8');
const MUTABLE_DEFAULT = '\n\ndef remember(item: int, seen: list[int] = []) -> list[int]:\n    """Remember an item.\n\n    Args:\n        item: The item.\n        seen: Items so far.\n\n    Returns:\n        list[int]: Every item.\n    """\n    seen.append(item)\n    return seen\n';
let scratch: string;

function scratchFile(name: string, content: string | Buffer): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'backsmith-limits-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('backsmith verify: no lint evasion by size (built binary)', () => {
  it('a module padded with a 133 KB comment line is still linted, and fails on the Ruff error the padding would hide', () => {
    const padding = `# ${'x'.repeat(133 * 1024)}\n`;
    const plain = runBacksmith(['verify', scratchFile('plain.py', `${CLEAN}${MUTABLE_DEFAULT}`), '--no-run', '--json']);
    const padded = runBacksmith(['verify', scratchFile('padded.py', `${CLEAN}${padding}${MUTABLE_DEFAULT}`), '--no-run', '--json']);
    for (const run of [plain, padded]) {
      expect(run.code).toBe(1);
      const [module] = JSON.parse(run.stdout).modules;
      const errors = module.findings.filter((finding: { severity: string }) => finding.severity === 'error');
      expect(errors.map((finding: { checkId: string; message: string }) => `${finding.checkId} ${finding.message.split(' ')[0]}`)).toEqual(['quality/lint B006']);
    }
    // Without the error, the padded module passes: the padding costs a line-length warning, no more.
    const cleanPadded = runBacksmith(['verify', scratchFile('clean_padded.py', `${CLEAN}${padding}`), '--no-run']);
    expect(cleanPadded.code).toBe(0);
    expect(cleanPadded.stdout).toContain('E501 Line too long');
  }, 120_000);

  it('a module with more code than Ruff runs on fails with one clear error, unless the user waives lint', () => {
    const file = scratchFile('big_code.py', `${CLEAN}${Array.from({ length: 8_000 }, (_, index) => `LIMIT_${index} = ${index}\n`).join('')}`);
    const run = runBacksmith(['verify', file, '--no-run']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/lint skipped: the module holds \d+ KB of code besides its comments and strings; Ruff runs on up to 128 KB of code .*so the module cannot pass {2}\(quality\/lint\)/);
    const waived = runBacksmith(['verify', file, '--no-run', '--ignore', 'quality/lint']);
    expect(waived.code).toBe(0);
    expect(waived.stdout).toMatch(/error quality\/lint: lint skipped: .* \(waived by ignore quality\/lint\)/);
  }, 120_000);
});
