import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUpOnExit, pendingCleanUps } from './clean-up-on-exit.js';

// Each case runs a real node process that registers clean-ups (appending to a log file), then ends
// the way a user's backsmith would: a signal nobody else handles, a signal another handler owns
// (generate's cancellation), or a plain exit.
// The built module (`npm test` builds first), since a child node cannot load TypeScript.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILT = path.join(ROOT, 'dist/cancel/clean-up-on-exit.js');
const MODULE = pathToFileURL(BUILT).href;
const fresh = existsSync(BUILT) && statSync(BUILT).mtimeMs >= statSync(path.join(ROOT, 'src/cancel/clean-up-on-exit.ts')).mtimeMs;
let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function runScript(body: string, signal: NodeJS.Signals | null): Promise<{ code: number | null; signal: string | null; log: string[] }> {
  folder = mkdtempSync(path.join(os.tmpdir(), 'backsmith-clean-up-'));
  const log = path.join(folder, 'log');
  const script = `import { appendFileSync } from 'node:fs';
const { cleanUpOnExit } = await import(${JSON.stringify(MODULE)});
const note = (text) => appendFileSync(${JSON.stringify(log)}, text + '\\n');
${body}
console.log('ready');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  if (signal) child.kill(signal);
  const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { ...exit, log: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
}

describe('cleanUpOnExit', () => {
  it.skipIf(!fresh).each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s nobody else handles: the clean-ups run, then the signal ends the process', async (signal) => {
    const run = await runScript(`cleanUpOnExit(() => note('a')); cleanUpOnExit(() => note('b')); setTimeout(() => {}, 20000);`, signal);
    expect(run.signal).toBe(signal);
    expect(run.log.sort()).toEqual(['a', 'b']);
  }, 20_000);

  it.skipIf(!fresh)('a signal another handler owns: the clean-ups run at the signal and once more at exit, and the owner decides the exit', async () => {
    const run = await runScript(`cleanUpOnExit(() => note('a')); process.on('SIGTERM', () => setTimeout(() => process.exit(143), 100)); setTimeout(() => {}, 20000);`, 'SIGTERM');
    expect(run.code).toBe(143);
    expect(run.log).toEqual(['a', 'a']);
  }, 20_000);

  it.skipIf(!fresh)('a clean-up that throws does not stop the others', async () => {
    const run = await runScript(`cleanUpOnExit(() => { throw new Error('x'); }); cleanUpOnExit(() => note('b')); setTimeout(() => process.exit(0), 50);`, null);
    expect(run.code).toBe(0);
    expect(run.log).toEqual(['b']);
  }, 20_000);

  it.skipIf(!fresh)('an unregistered clean-up does not run, and with none left no handler stays installed', async () => {
    const run = await runScript(`const count = () => ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit'].map((name) => process.listenerCount(name)).join(' '); const before = count(); const forget = cleanUpOnExit(() => note('a')); note(String(count() !== before)); forget(); note(String(count() === before));`, null);
    expect(run.code).toBe(0);
    expect(run.log).toEqual(['true', 'true']);
  }, 20_000);

  it('counts what is registered', () => {
    const before = pendingCleanUps();
    const forget = cleanUpOnExit(() => undefined);
    expect(pendingCleanUps()).toBe(before + 1);
    forget();
    forget();
    expect(pendingCleanUps()).toBe(before);
  });
});
