import path from 'node:path';
import { namespaceArguments } from './host-capabilities.js';
import type { HostCapabilities } from './sandbox-types.js';

/** Where the sandbox root appears inside the private /tmp. */
export const PRIVATE_ROOT = '/tmp/backsmith';

/** Exit code of the launcher script when the sandbox could not be set up. */
export const SETUP_FAILED_EXIT = 97;

/** The folders of one sandbox, as seen from inside it. */
export interface SandboxPaths {
  root: string;
  work: string;
  home: string;
  tmp: string;
  lib: string;
}

/** How to start one run. */
export interface LaunchPlan {
  command: string;
  args: string[];
  /** Paths as the sandboxed process sees them. */
  inner: SandboxPaths;
  /** uid/gid Node must switch to itself (root without namespaces). */
  spawnIds?: { uid: number; gid: number };
}

/** The sandbox folders under a root. */
export function sandboxPaths(root: string): SandboxPaths {
  return { root, work: path.join(root, 'work'), home: path.join(root, 'home'), tmp: path.join(root, 'tmp'), lib: path.join(root, 'lib') };
}

function privateTmpScript(mount: string): string {
  const tmpfs = (size: string) => `${mount} -t tmpfs -o size=${size},mode=1777,nosuid,nodev tmpfs`;
  // The sandbox root lives under the host's /tmp, which the private /tmp hides: keep it open
  // on fd 9 and bind it back at a fixed place inside the new /tmp.
  return [
    `exec 9<"$1" || exit ${SETUP_FAILED_EXIT}`,
    'shift',
    `${tmpfs('64m')} /tmp || exit ${SETUP_FAILED_EXIT}`,
    `mkdir ${PRIVATE_ROOT} && ${mount} --bind /proc/self/fd/9 ${PRIVATE_ROOT} || exit ${SETUP_FAILED_EXIT}`,
    `for d in /var/tmp /dev/shm /run/lock; do if [ -d "$d" ]; then ${tmpfs('8m')} "$d" || exit ${SETUP_FAILED_EXIT}; fi; done`,
    'exec 9<&-',
    `cd ${PRIVATE_ROOT}/work || exit ${SETUP_FAILED_EXIT}`,
    // Not `exec`: this shell stays pid 1 of the namespace, so the code under test is an
    // ordinary process, and when it ends the shell ends and the kernel kills the rest.
    '"$@"',
  ].join('\n');
}

function sharedTmpScript(): string {
  return [`cd "$1" || exit ${SETUP_FAILED_EXIT}`, 'shift', '"$@"'].join('\n');
}

/**
 * Builds the command for one run: namespaces (net, pid, mount) via `unshare`, a private /tmp,
 * then `setpriv` to the dedicated uid with no capabilities and no new privileges.
 * Without namespaces the interpreter is started directly (only with --allow-unsandboxed).
 */
export function buildLaunchPlan(
  capabilities: HostCapabilities,
  hostRoot: string,
  uid: number | null,
  python: (inner: SandboxPaths) => string[],
): LaunchPlan {
  const { unshare, setpriv, namespaces, privateTmp, mount } = capabilities;
  if (!namespaces || !unshare || !setpriv) {
    const inner = sandboxPaths(hostRoot);
    const [command, ...args] = python(inner);
    return { command: command!, args, inner, ...(uid !== null ? { spawnIds: { uid, gid: uid } } : {}) };
  }
  const inner = sandboxPaths(privateTmp ? PRIVATE_ROOT : hostRoot);
  const drop = [
    setpriv,
    ...(uid !== null ? [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups'] : []),
    '--no-new-privs', '--inh-caps=-all', '--bounding-set=-all', '--',
  ];
  const script = privateTmp ? privateTmpScript(mount ?? 'mount') : sharedTmpScript();
  const scriptArgument = privateTmp ? hostRoot : inner.work;
  return {
    // setpriv --pdeathsig: if backsmith itself dies, unshare dies, and with it the namespace.
    command: setpriv,
    args: ['--pdeathsig', 'KILL', '--', unshare, ...namespaceArguments(capabilities.isRoot), '--', '/bin/sh', '-c', script, 'sh', scriptArgument, ...drop, ...python(inner)],
    inner,
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
