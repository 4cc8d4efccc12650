import { accessSync, chmodSync, constants, copyFileSync, lstatSync, mkdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Exit code of the launcher script when the sandbox could not be set up. */
export const SETUP_FAILED_EXIT = 97;

/** Where the sandbox folders (work, home, tmp, lib) appear inside the view. */
export const PRIVATE_ROOT = '/tmp/backsmith';

/** Empty folder, in the host's sandbox folder, that the view's tmpfs is mounted on. */
export const VIEW_MOUNT_POINT = 'view';
/** The tree copied into the view's tmpfs: folders, symlinks, /etc, and the sandbox folders. */
const SKELETON = 'skeleton';
/** The bind mounts of the view, as an fstab for one `mount --all --fstab` call. */
const FSTAB = 'view.fstab';

/** System folders bound read-only (symlinks, as on merged-/usr systems, are recreated). */
const SYSTEM_FOLDERS = ['/usr', '/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32'];
const DEVICES = ['null', 'zero', 'full', 'random', 'urandom'];
const DEVICE_LINKS: Array<[string, string]> = [['fd', '/proc/self/fd'], ['stdin', '/proc/self/fd/0'], ['stdout', '/proc/self/fd/1'], ['stderr', '/proc/self/fd/2']];
/** Copied (not bound) from the host's /etc: the loader cache and the time zone; nothing else. */
const ETC_FILES = ['ld.so.cache', 'localtime'];
/** Inodes of the view's tmpfs: tmpfs inodes cost kernel memory that `size=` does not count. */
const VIEW_INODES = 16_384;
const READ_ONLY = 'ro,nosuid,nodev';

/** What the view holds besides the system folders, and how big it may grow. */
export interface ViewOptions {
  /** Host folders bound read-only at their own paths (the interpreter's prefixes). */
  readOnly: readonly string[];
  /** Size of the view's tmpfs (work folder, /tmp, /dev/shm together), in bytes. */
  diskBytes: number;
  /** Symlinks to recreate (path, target), e.g. /etc/alternatives/python3 on the way to the interpreter. */
  links?: ReadonlyArray<readonly [string, string]>;
}

/**
 * The launcher script, run as root of the new mount namespace before the uid switch: mounts a
 * size-limited tmpfs, copies the skeleton into it (then deletes the host copy, so the module and
 * tests live only in the tmpfs and vanish with the namespace, even if backsmith is SIGKILLed),
 * makes every bind mount in one `mount --all`, pivot_roots into it and detaches the host's
 * tree. Six processes in all, to keep start-up cheap.
 *
 * Arguments: host sandbox folder, tmpfs size in bytes, then the command.
 */
export function viewScript(mount: string): string {
  const fail = `exit ${SETUP_FAILED_EXIT}`;
  return [
    'H="$1"; SIZE="$2"; shift 2; P="$PATH"; PATH=/usr/sbin:/usr/bin:/sbin:/bin',
    `R="$H/${VIEW_MOUNT_POINT}"`,
    `${mount} -t tmpfs -o size=$SIZE,nr_inodes=${VIEW_INODES},mode=755,nosuid,nodev,noexec tmpfs "$R" || ${fail}`,
    `cp -a "$H/${SKELETON}/." "$R/" && rm -rf "$H/${SKELETON}" || ${fail}`,
    `${mount} --all --fstab "$H/${FSTAB}" || ${fail}`,
    `cd "$R" && pivot_root . .old && umount -l /.old || ${fail}`,
    `cd ${PRIVATE_ROOT}/work || ${fail}`,
    'PATH="$P"',
    // Not `exec`: this shell stays pid 1 of the namespace, so the code under test is an
    // ordinary process, and when it ends the shell ends and the kernel kills the rest.
    '"$@"',
  ].join('\n');
}

/** fstab fields escape blanks and backslashes as octal. */
function fstabField(text: string): string {
  return text.replace(/[\\\s]/g, (character) => `\\${character.charCodeAt(0).toString(8).padStart(3, '0')}`);
}

function kind(file: string): 'link' | 'folder' | 'file' | null {
  try {
    const stats = lstatSync(file);
    return stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'folder' : 'file';
  } catch {
    return null;
  }
}

function usable(folder: string): boolean {
  try {
    accessSync(folder, constants.R_OK | constants.X_OK);
    return kind(folder) === 'folder';
  } catch {
    return false;
  }
}

/**
 * Writes the skeleton and the fstab of the view into the host folder `hostRoot` and returns
 * the host folder to stage the sandbox folders in (it becomes `/tmp/backsmith` in the view).
 * Extra read-only folders this user cannot read are left out: the interpreter then fails to
 * start in the sandbox, and the interpreter check says why.
 *
 * Synchronous on purpose (a few milliseconds): a signal or an exit that removes the folder can
 * never find a file operation of ours still under way that would recreate part of it.
 */
export function prepareView(hostRoot: string, options: ViewOptions, uid: number | null): string {
  const skeleton = path.join(hostRoot, SKELETON);
  const view = path.join(hostRoot, VIEW_MOUNT_POINT);
  const stage = viewStage(hostRoot);
  const mounts: string[] = [];
  const bind = (source: string, options: string, target = source) => mounts.push(`${fstabField(source)} ${fstabField(path.join(view, target))} none ${options} 0 0`);
  for (const folder of [view, ...['work', 'home', 'tmp', 'lib', 'tests'].map((name) => path.join(stage, name)), path.join(skeleton, 'dev/shm'), path.join(skeleton, 'proc'), path.join(skeleton, 'etc'), path.join(skeleton, '.old')]) {
    mkdirSync(folder, { recursive: true });
  }
  for (const folder of [path.join(skeleton, 'tmp'), path.join(skeleton, 'dev/shm')]) chmodSync(folder, 0o1777);
  // Bound in a fixed order: system folders, interpreter, devices.
  const system = SYSTEM_FOLDERS.map((folder) => {
    const found = kind(folder);
    if (found === 'link') symlinkSync(readlinkSync(folder), path.join(skeleton, folder));
    else if (found === 'folder') mkdirSync(path.join(skeleton, folder));
    return found === 'folder' ? folder : null;
  });
  const extra = options.readOnly.map((folder) => {
    if (!usable(folder)) return null;
    mkdirSync(path.join(skeleton, folder), { recursive: true });
    return folder;
  });
  const devices = DEVICES.map((device) => {
    if (kind(`/dev/${device}`) === null) return null;
    writeFileSync(path.join(skeleton, 'dev', device), '');
    return `/dev/${device}`;
  });
  for (const folder of [...system, ...extra]) if (folder) bind(folder, `rbind,${READ_ONLY}`);
  for (const device of devices) if (device) bind(device, 'bind');
  for (const [name, target] of DEVICE_LINKS) symlinkSync(target, path.join(skeleton, 'dev', name));
  for (const [from, target] of options.links ?? []) {
    mkdirSync(path.dirname(path.join(skeleton, from)), { recursive: true });
    try {
      symlinkSync(target, path.join(skeleton, from));
    } catch {
      // already there (a link on the way to another)
    }
  }
  bind('/proc', 'rbind');
  // /tmp and /tmp/backsmith bound onto themselves: a mount point cannot be renamed (EBUSY), so
  // code that owns the tmpfs (no dedicated uid) cannot move them and put a forged tests/ at the
  // path the trusted runner reads. Before the read-only binds below, which they would hide.
  for (const folder of ['/tmp', PRIVATE_ROOT]) bind(path.join(view, folder), 'bind', folder);
  // backsmith's helpers, the run's configuration and the trusted runner's files (the acceptance
  // tests): readable, not writable, by the code under test.
  for (const folder of ['lib', 'tests']) bind(path.join(view, PRIVATE_ROOT, folder), `bind,${READ_ONLY}`, path.join(PRIVATE_ROOT, folder));
  const id = uid ?? 0;
  writeFileSync(path.join(skeleton, 'etc/passwd'), `root:x:0:0::/root:/bin/sh\nsandbox:x:${id}:${id}::${PRIVATE_ROOT}/home:/bin/sh\nnobody:x:65534:65534::/nonexistent:/bin/sh\n`);
  writeFileSync(path.join(skeleton, 'etc/group'), `root:x:0:\nsandbox:x:${id}:\nnogroup:x:65534:\n`);
  writeFileSync(path.join(skeleton, 'etc/hosts'), '127.0.0.1 localhost\n::1 localhost\n');
  for (const name of ETC_FILES) {
    try {
      copyFileSync(path.join('/etc', name), path.join(skeleton, 'etc', name));
    } catch {
      // not on this host: the view goes without it
    }
  }
  writeFileSync(path.join(hostRoot, FSTAB), `${mounts.join('\n')}\n`);
  return stage;
}

/** The host folder where the sandbox folders are staged before they are copied into the view. */
export function viewStage(hostRoot: string): string {
  return path.join(hostRoot, SKELETON, PRIVATE_ROOT);
}

/** The script's arguments before the command: the host folder and the tmpfs size. */
export function viewArguments(hostRoot: string, diskBytes: number): string[] {
  return [hostRoot, String(diskBytes)];
}
