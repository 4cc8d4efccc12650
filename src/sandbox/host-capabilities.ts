import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { prepareView, viewArguments, viewScript } from './filesystem-view.js';
import { trackRun } from './sandbox-lifecycle.js';
import type { HostCapabilities, SandboxProtections } from './sandbox-types.js';

const SEARCH_PATH = ['/usr/bin', '/bin', '/usr/sbin', '/sbin'];
const TRIAL_TIMEOUT_MS = 5_000;

function findTool(name: string): string | null {
  for (const directory of SEARCH_PATH) {
    const candidate = path.join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Runs a short trial command; resolves to its stdout, or null when it failed. */
function trial(command: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'], timeout: TRIAL_TIMEOUT_MS, env: { PATH: SEARCH_PATH.join(':') } });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code === 0 ? stdout : null));
  });
}

/** The `unshare` arguments that create the namespaces (a user namespace when not root). */
export function namespaceArguments(isRoot: boolean): string[] {
  return [...(isRoot ? [] : ['--user', '--map-root-user']), '--net', '--ipc', '--pid', '--fork', '--mount-proc', '--kill-child'];
}

/** Builds the real view once, with a shell in place of the interpreter. */
async function viewWorks(unshare: string, mount: string, isRoot: boolean): Promise<boolean> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'backsmith-sandbox-'));
  const untrack = trackRun({ hostRoot: root, pid: null, uid: null });
  try {
    await prepareView(root, { readOnly: [], diskBytes: 1024 * 1024 }, null);
    const script = viewScript(mount);
    const output = await trial(unshare, [...namespaceArguments(isRoot), '--', '/bin/sh', '-c', script, 'sh', ...viewArguments(root, 1024 * 1024), '/bin/sh', '-c', 'test -d /etc && test ! -e /home/. && echo view']);
    return output?.includes('view') === true;
  } finally {
    await rm(root, { recursive: true, force: true });
    untrack();
  }
}

async function detect(): Promise<HostCapabilities> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const unshare = process.platform === 'linux' ? findTool('unshare') : null;
  const setpriv = process.platform === 'linux' ? findTool('setpriv') : null;
  const mount = process.platform === 'linux' ? findTool('mount') : null;
  const notes: string[] = [];
  let namespaces = false;
  let privateTmp = false;
  if (!unshare || !setpriv) {
    notes.push(`${process.platform === 'linux' ? 'util-linux unshare/setpriv not found' : `no Linux namespaces on ${process.platform}`}`);
  } else {
    privateTmp = await viewWorks(unshare, mount ?? 'mount', isRoot);
    namespaces = privateTmp || (await trial(unshare, [...namespaceArguments(isRoot), '--', '/bin/sh', '-c', 'echo ok']))?.includes('ok') === true;
    if (!namespaces) notes.push('unshare could not create network/ipc/pid/mount namespaces (user namespaces disabled?)');
    else if (!privateTmp) notes.push('the minimal filesystem view (tmpfs, read-only bind mounts, pivot_root) cannot be built in the new mount namespace');
  }
  return { isRoot, unshare, setpriv, mount, namespaces, privateTmp, notes };
}

let cached: Promise<HostCapabilities> | null = null;

/** What this host offers for sandboxing; detected once per process. */
export function hostCapabilities(): Promise<HostCapabilities> {
  cached ??= detect();
  return cached;
}

/** The protections runs get on a host with these capabilities. */
export function protectionsFor(capabilities: HostCapabilities): SandboxProtections {
  const { isRoot, namespaces, privateTmp } = capabilities;
  return {
    privateWorkingDirectory: true,
    isolatedInterpreter: true,
    minimalEnvironment: true,
    networkNamespace: namespaces,
    pidNamespace: namespaces,
    privateTmp,
    filesystemView: privateTmp,
    ipcNamespace: namespaces,
    diskQuota: privateTmp,
    // As root we switch to a dedicated uid (Node can do that even without setpriv);
    // otherwise the user is already unprivileged.
    unprivilegedUser: true,
    resourceLimits: process.platform !== 'win32',
    auditHooks: true,
    // The pid namespace takes every process down with it; as root, the dedicated uid is swept too.
    killAll: namespaces || isRoot,
  };
}

/** Names of the required protections this host lacks. */
export function missingProtections(protections: SandboxProtections, required: ReadonlyArray<keyof SandboxProtections>): string[] {
  return required.filter((name) => !protections[name]);
}
