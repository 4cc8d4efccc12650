import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CHILD = path.join(ROOT, 'src/sandbox/test-support/run-sandboxed-child.mjs');

/** A regular user of this host. */
export interface User { uid: number; gid: number; home: string; name: string }

/** A regular user with a home folder, to run the sandbox as when the tests run as root. */
export function regularUser(): User | null {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [name = '', , uid, gid, , home = ''] = line.split(':');
    if (Number(uid) >= 1000 && Number(uid) < 60000 && home && existsSync(home) && statSync(home).uid === Number(uid)) {
      return { name, uid: Number(uid), gid: Number(gid), home };
    }
  }
  return null;
}

/** dist/ holds the code under test: built after the last change to `sources` (paths from the repository root). */
export function distIsFresh(sources: string[] = ['src/sandbox/filesystem-view.ts']): boolean {
  const built = path.join(ROOT, 'dist/sandbox/filesystem-view.js');
  return existsSync(built) && sources.every((source) => statSync(built).mtimeMs >= statSync(path.join(ROOT, source)).mtimeMs);
}

/** Runs one job of run-sandboxed-child.mjs as `user` (through setpriv) and returns what it printed, parsed. */
export function runChildAs(user: User, job: Record<string, unknown>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn('setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--', process.execPath, CHILD, JSON.stringify(job)], {
      cwd: user.home, env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: user.home, USER: user.name }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 40_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the sandbox child failed (${code}): ${stderr.slice(-500)}`));
      resolve(JSON.parse(stdout) as Record<string, unknown>);
    });
  });
}
