import path from 'node:path';
import { PRIVATE_ROOT, SETUP_FAILED_EXIT, viewArguments, viewScript, viewStage } from './filesystem-view.js';
import { namespaceArguments } from './host-capabilities.js';
import type { HostCapabilities } from './sandbox-types.js';

export { PRIVATE_ROOT, SETUP_FAILED_EXIT } from './filesystem-view.js';

/** The folders of one sandbox, as seen from inside it. */
export interface SandboxPaths {
  root: string;
  work: string;
  home: string;
  tmp: string;
  lib: string;
  /** The trusted runner's own files (the acceptance tests): readable, never writable, by the code under test. */
  tests: string;
}

/** How to start one run. */
export interface LaunchPlan {
  command: string;
  args: string[];
  /** Paths as the sandboxed process sees them. */
  inner: SandboxPaths;
  /** Host folder to start the command in. */
  cwd: string;
  /** Host folder where the sandbox folders (work, home, tmp, lib) are prepared. */
  stage: string;
  /** Whether the minimal filesystem view must be prepared (`prepareView`) before the start. */
  view: boolean;
  /** uid/gid Node must switch to itself (root without namespaces). */
  spawnIds?: { uid: number; gid: number };
}

/** The sandbox folders under a root. */
export function sandboxPaths(root: string): SandboxPaths {
  return { root, work: path.join(root, 'work'), home: path.join(root, 'home'), tmp: path.join(root, 'tmp'), lib: path.join(root, 'lib'), tests: path.join(root, 'tests') };
}

function sharedTmpScript(): string {
  return [`cd "$1" || exit ${SETUP_FAILED_EXIT}`, 'shift', '"$@"'].join('\n');
}

/** Whether runs get namespaces (unshare and setpriv found, namespaces usable). */
function usesNamespaces(capabilities: HostCapabilities): boolean {
  return capabilities.namespaces && capabilities.unshare !== null && capabilities.setpriv !== null;
}

/** Whether runs get the minimal filesystem view (see filesystem-view.ts), as `buildLaunchPlan` decides. */
export function usesView(capabilities: HostCapabilities): boolean {
  return usesNamespaces(capabilities) && capabilities.privateTmp;
}

/**
 * Builds the command for one run: namespaces (net, pid, ipc, mount) via `unshare`, the
 * minimal filesystem view (see filesystem-view.ts), then `setpriv` to the dedicated uid with
 * no capabilities and no new privileges. Without namespaces the interpreter is started
 * directly (only with --allow-unsandboxed).
 */
export function buildLaunchPlan(
  capabilities: HostCapabilities,
  hostRoot: string,
  uid: number | null,
  python: (inner: SandboxPaths) => string[],
  diskBytes = 64 * 1024 * 1024,
): LaunchPlan {
  const { unshare, setpriv, privateTmp, mount } = capabilities;
  if (!unshare || !setpriv || !usesNamespaces(capabilities)) {
    const inner = sandboxPaths(hostRoot);
    const [command, ...args] = python(inner);
    return { command: command!, args, inner, cwd: inner.work, stage: hostRoot, view: false, ...(uid !== null ? { spawnIds: { uid, gid: uid } } : {}) };
  }
  const inner = sandboxPaths(privateTmp ? PRIVATE_ROOT : hostRoot);
  const drop = [
    setpriv,
    ...(uid !== null ? [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups'] : []),
    '--no-new-privs', '--inh-caps=-all', '--bounding-set=-all', '--',
  ];
  const script = privateTmp ? viewScript(mount ?? 'mount') : sharedTmpScript();
  const scriptArguments = privateTmp ? viewArguments(hostRoot, diskBytes) : [inner.work];
  return {
    // setpriv --pdeathsig: if backsmith itself dies, unshare dies, and with it the namespace.
    command: setpriv,
    args: ['--pdeathsig', 'KILL', '--', unshare, ...namespaceArguments(capabilities.isRoot), '--', '/bin/sh', '-c', script, 'sh', ...scriptArguments, ...drop, ...python(inner)],
    inner,
    cwd: privateTmp ? hostRoot : inner.work,
    stage: privateTmp ? viewStage(hostRoot) : hostRoot,
    view: privateTmp,
  };
}

/** The environment of a run: nothing from the host but a plain PATH and a UTF-8 locale. */
export function sandboxEnvironment(inner: SandboxPaths): Record<string, string> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: inner.home,
    TMPDIR: inner.tmp,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    USER: 'sandbox',
    LOGNAME: 'sandbox',
    // Threads otherwise reserve 64 MB malloc arenas each and hit the address-space limit.
    MALLOC_ARENA_MAX: '2',
    PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1',
  };
}
