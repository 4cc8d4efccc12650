import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostCapabilities, missingProtections, protectionsFor } from './host-capabilities.js';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runSandboxed } from './run-sandboxed.js';
import { DEFAULT_SANDBOX_LIMITS, REQUIRED_PROTECTIONS, type SandboxLimits, type SandboxRunResult } from './sandbox-types.js';
import { distIsFresh, regularUser, runChildAs, type User } from './test-support/run-as-user.js';

// The minimal filesystem view and the IPC namespace, against hostile code without audit hooks
// (run_script.py): host files, Unix sockets (in /run, in a home, abstract) and SysV IPC are out
// of reach, and the work folder is size-limited — as root, and as an unprivileged user (the
// user-namespace path, through the built dist/ in a child process run with setpriv).
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const usable = missingProtections(protectionsFor(await hostCapabilities()), REQUIRED_PROTECTIONS).length === 0 && existsSync(SYSTEM_PYTHON);
const isRoot = process.getuid?.() === 0;

type Outcome = { result: SandboxRunResult } | { missing: string[] };

interface Mode { name: string; home: string; owner: User | null; run: (args: unknown[], limits?: Partial<SandboxLimits>) => Promise<Outcome> }

const fixtureName = 'reach_host.py';

async function runHere(args: unknown[], limits: Partial<SandboxLimits> = {}): Promise<Outcome> {
  const result = await runSandboxed({
    interpreter: SYSTEM_PYTHON,
    files: [{ name: fixtureName, content: readFileSync(path.join(ROOT, 'test-fixtures/hostile', fixtureName), 'utf8') }],
    script: 'run_script.py',
    config: { target: fixtureName, args },
    limits: { ...DEFAULT_SANDBOX_LIMITS, wallMs: 15_000, ...limits },
    allowUnsandboxed: false,
  });
  return { result };
}

function runAs(user: User): Mode['run'] {
  return async (args, limits = {}) => {
    const parsed = await runChildAs(user, { fixture: fixtureName, args, limits });
    return 'missing' in parsed ? (parsed as { missing: string[] }) : { result: parsed as unknown as SandboxRunResult };
  };
}

const user = isRoot ? regularUser() : null;
const modes: Mode[] = [{ name: isRoot ? 'root (dedicated uid)' : 'non-root (user namespace)', home: os.homedir(), owner: null, run: runHere }];
if (user && distIsFresh()) modes.push({ name: `non-root (user namespace, as ${user.name})`, home: user.home, owner: user, run: runAs(user) });

const reportOf = (result: SandboxRunResult) => JSON.parse(/^REPORT (.*)$/m.exec(result.stdout.text)?.[1] ?? 'null') as Record<string, any> | null;
const sysvKeys = (kind: 'shm' | 'msg') => readFileSync(`/proc/sysvipc/${kind}`, 'utf8').split('\n').slice(1).map((line) => Number(line.trim().split(/\s+/)[0]));

describe.skipIf(!usable).each(modes)('the sandbox view, $name', (mode) => {
  const tag = `backsmith-view-${process.pid}-${mode.owner ? 'user' : 'self'}`;
  const secret = `canary-${Math.random().toString(36).slice(2)}`;
  const canary = path.join(mode.home, `${tag}.txt`);
  const sockets = [path.join('/run', `${tag}.sock`), path.join(mode.home, `${tag}.sock`), `@${tag}`];
  const hostKey = 0x4b000000 + (process.pid % 0xffff) * 2 + (mode.owner ? 1 : 0);
  const runKey = hostKey + 0x100000;
  const servers: net.Server[] = [];
  let connections = 0;

  beforeAll(async () => {
    writeFileSync(canary, secret, { mode: 0o600 });
    if (mode.owner) chownSync(canary, mode.owner.uid, mode.owner.gid);
    for (const socketPath of sockets) {
      const server = net.createServer((socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise<void>((resolve) => server.listen(socketPath.startsWith('@') ? `\0${socketPath.slice(1)}` : socketPath, resolve));
      if (!socketPath.startsWith('@')) chmodSync(socketPath, 0o777);
      servers.push(server);
    }
    // A SysV segment of the host, which the run must not see.
    execFileSync(SYSTEM_PYTHON, ['-c', `import ctypes, ctypes.util; assert ctypes.CDLL(ctypes.util.find_library("c")).shmget(${hostKey}, 4096, 0o1600) >= 0`]);
  });

  afterAll(async () => {
    rmSync(canary, { force: true });
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    for (const key of [hostKey, runKey]) for (const flag of ['-M', '-Q']) try { execFileSync('ipcrm', [flag, String(key)], { stdio: 'ignore' }); } catch { /* not there: as expected */ }
  });

  it('shows no host file, home, project, /run or socket; /etc is synthetic; SysV IPC is private', async (context) => {
    const read = [canary, path.join(ROOT, 'package.json'), '/etc/hostname', '/etc/shadow', `/proc/1/root${canary}`, '/etc/passwd'];
    const outcome = await mode.run([JSON.stringify({ read, sockets, list: ['/', '/etc', '/tmp'], ipc_create: runKey, ipc_find: hostKey })]);
    if ('missing' in outcome) return context.skip(`this user cannot have every protection: ${outcome.missing.join(', ')}`);
    const { result } = outcome;
    const report = reportOf(result);
    expect(report, result.stderr.text).not.toBeNull();
    expect(Object.values(result.protections).every(Boolean)).toBe(true);
    for (const file of read.slice(0, -1)) expect(report!.read[file], file).not.toMatch(/^read:/);
    expect(report!.read['/etc/passwd']).toMatch(/^read:root:x:0:0::\/root:\/bin\/sh\nsandbox:x:/);
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(Object.values(report!.sockets).every((outcome) => outcome !== 'connected')).toBe(true);
    expect(connections).toBe(0);
    expect(report!.list['/'].filter((name: string) => !['bin', 'dev', 'etc', 'lib', 'lib32', 'lib64', 'libx32', 'proc', 'sbin', 'tmp', 'usr', '.old'].includes(name))).toEqual([]);
    expect(report!.list['/etc'].filter((name: string) => !['group', 'hosts', 'ld.so.cache', 'localtime', 'passwd'].includes(name))).toEqual([]);
    expect(report!.list['/tmp']).toEqual(['backsmith']);
    // The run created its segment and queue in its own IPC namespace: gone with it.
    expect(report!.ipc_create.segment).toBeGreaterThanOrEqual(0);
    expect(report!.ipc_find.segment).toBe(-1);
    expect(sysvKeys('shm')).toContain(hostKey);
    expect(sysvKeys('shm')).not.toContain(runKey);
    expect(sysvKeys('msg')).not.toContain(runKey);
  }, 60_000);

  it('limits the work folder, /tmp and /dev/shm together to diskBytes', async (context) => {
    const outcome = await mode.run([JSON.stringify({ fill_mib: 24 })], { diskBytes: 8 * 1024 * 1024 });
    if ('missing' in outcome) return context.skip(`this user cannot have every protection: ${outcome.missing.join(', ')}`);
    const report = reportOf(outcome.result);
    expect(report?.fill.mib).toBeLessThan(8);
    expect(report?.fill.error).toBe('OSError');
  }, 60_000);
});

describe.skipIf(!usable || !isRoot)('the non-root mode is tested', () => {
  it('has a regular user and a fresh dist/ to run the sandbox as that user (else: npm run build)', (context) => {
    if (!user) return context.skip('no regular user with a home folder on this host');
    if (!distIsFresh()) return context.skip('dist/ is older than src/sandbox: run npm run build to test the non-root mode');
    expect(modes).toHaveLength(2);
  });
});
