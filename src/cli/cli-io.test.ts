import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE = path.join(ROOT, 'examples', 'clinic_booking');

/** Runs the built CLI and closes its stdout after the first chunk, as `| head -1` does. */
function runClosingStdout(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'backsmith.js'), ...args], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe.skipIf(!existsSync(path.join(ROOT, 'dist', 'cli', 'cli-io.js')))('the CLI when its reader goes away (| head)', () => {
  it('generate --dry-run stops writing quietly and exits 0: no EPIPE stack trace', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backsmith-epipe-'));
    try {
      const run = await runClosingStdout(['generate', '--design', path.join(EXAMPLE, 'clinic_booking_technical_design.md'), '--stories', path.join(EXAMPLE, 'clinic_booking_user_stories.md'), '--model', 'openai:gpt-4.1', '--dry-run', '--no-tests'], dir);
      expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect(run.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
