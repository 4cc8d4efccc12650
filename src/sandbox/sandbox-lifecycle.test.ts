import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canSandbox } from './test-support/runtime-fixtures.js';

// Ctrl-C (SIGINT) or SIGTERM while `backsmith verify` runs a module in the sandbox: the CLI
// (built dist/) ends, and nothing it made remains in its temporary folder: no sandbox folder, no
// type-check workspace, none of pyright's own temporary files, no process writing there.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin/backsmith.js');
const built = path.join(ROOT, 'dist/sandbox/sandbox-lifecycle.js');
const fresh = existsSync(built) && statSync(built).mtimeMs >= statSync(path.join(ROOT, 'src/sandbox/sandbox-lifecycle.ts')).mtimeMs;
const usable = (await canSandbox()) && fresh;

const SLOW_MODULE = [
  '"""Sleeps at import, long enough to be interrupted."""',
  'import time',
  '',
  'time.sleep(25)',
  '',
].join('\n');

const sandboxFolders = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('backsmith-sandbox-'));

async function interrupt(signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null; left: string[]; seen: boolean }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'backsmith-lifecycle-'));
  const work = mkdtempSync(path.join(os.tmpdir(), 'backsmith-lifecycle-module-'));
  try {
    const module = path.join(work, 'slow_import.py');
    writeFileSync(module, SLOW_MODULE);
    const child = spawn(process.execPath, [CLI, 'verify', module, '--json'], { env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' });
    const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let seen = false;
    for (let waited = 0; waited < 20_000 && !seen; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      // The module is staged, then moved into the sandbox's tmpfs: wait until the run is under way.
      seen = sandboxFolders(tmp).some((name) => !existsSync(path.join(tmp, name, 'skeleton')) && existsSync(path.join(tmp, name, 'view')));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill(signal);
    const exit = await ended;
    // A process that outlived the CLI would still be writing here: look twice.
    const left = readdirSync(tmp);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { ...exit, left: [...new Set([...left, ...readdirSync(tmp)])], seen };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

describe.skipIf(!usable)('backsmith interrupted during a sandboxed run', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s: the CLI ends and leaves nothing in its temporary folder', async (signal) => {
    const result = await interrupt(signal);
    expect(result.seen).toBe(true);
    expect(result.signal).toBe(signal);
    expect(result.left).toEqual([]);
  }, 40_000);
});
