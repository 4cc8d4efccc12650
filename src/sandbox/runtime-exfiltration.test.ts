import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canSandbox, FIXTURES, fixture, inject, verifySource } from './test-support/runtime-fixtures.js';

// A draft that raises RuntimeError(open(<host file>).read()) at import would carry the file
// into the report, the run record and the next repair prompt. With the minimal filesystem
// view the host file does not exist for it: the import error says so, and holds no secret.
const usable = await canSandbox();

describe.skipIf(!usable)('no host file out through an exception message', () => {
  const secret = `canary-${Math.random().toString(36).slice(2)}`;
  const canary = path.join(os.homedir(), `backsmith-exfiltration-${process.pid}.txt`);
  afterAll(() => rmSync(canary, { force: true }));

  it('reports an import error without the canary file content', async () => {
    writeFileSync(canary, secret, { mode: 0o644 });
    const name = 'exfiltrate_at_import.py';
    const source = inject(fixture(FIXTURES.hostile, name), 'CANARY_PATH = "/nonexistent/canary"', `CANARY_PATH = ${JSON.stringify(canary)}`);
    const report = await verifySource(name, source);
    expect(report.sandbox?.status).toBe('ran');
    const importError = report.findings.find((finding) => finding.checkId === 'runtime/import-error');
    expect(importError?.message).toMatch(/FileNotFoundError/);
    expect(JSON.stringify(report)).not.toContain(secret);
  }, 60_000);
});
