/** Exit code of the launcher script when the sandbox could not be set up. */
export const SETUP_FAILED_EXIT = 97;

/** Where the sandbox folders (work, home, tmp, lib) appear inside the view. */
export const PRIVATE_ROOT = '/tmp/backsmith';

/** Name of the empty folder, in the host's sandbox folder, that the view's tmpfs is mounted on. */
export const VIEW_MOUNT_POINT = 'view';

/** The sandbox folders copied into the view (their host copies are deleted at once). */
export const STAGED_FOLDERS = ['work', 'home', 'tmp', 'lib'] as const;

/** System folders bound read-only (symlinks, as on merged-/usr systems, are recreated). */
const SYSTEM_FOLDERS = ['/usr', '/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32'];
const DEVICES = ['null', 'zero', 'full', 'random', 'urandom'];
/** Copied (not bound) from the host's /etc: the loader cache and the time zone; nothing else. */
const ETC_FILES = ['/etc/ld.so.cache', '/etc/localtime'];
/** Inodes of the view's tmpfs: tmpfs inodes cost kernel memory that `size=` does not count. */
const VIEW_INODES = 16_384;

/**
 * The shell script (run as root of the new mount namespace, before the uid switch) that builds
 * the minimal view: a size-limited tmpfs as the new root holding /tmp (with the sandbox
 * folders), /dev/shm and a synthetic /etc; the system folders and the interpreter's prefixes
 * bound read-only at their own paths; a few devices; the namespace's /proc. It then
 * pivot_roots into it and detaches the host's tree, so nothing else of the host (home folders,
 * the project, /run and its sockets, /etc) exists for the code under test.
 *
 * Arguments: host sandbox folder, tmpfs size in bytes, sandbox uid (or empty), read-only
 * paths, `--`, the command.
 */
export function viewScript(mount: string): string {
  const fail = `exit ${SETUP_FAILED_EXIT}`;
  return [
    'H="$1"; SIZE="$2"; ID="${3:-0}"; shift 3; P="$PATH"; PATH=/usr/sbin:/usr/bin:/sbin:/bin',
    `R="$H/${VIEW_MOUNT_POINT}"`,
    `${mount} -t tmpfs -o size=$SIZE,nr_inodes=${VIEW_INODES},mode=755,nosuid,nodev tmpfs "$R" || ${fail}`,
    // bind $1 read-only at the same path; an unreadable extra path is skipped (the interpreter
    // then fails to start in the sandbox and the report says why)
    'ro() {',
    '  if [ -L "$1" ]; then mkdir -p "$R$(dirname "$1")" && ln -s "$(readlink "$1")" "$R$1"; return; fi',
    '  [ -d "$1" ] && [ -x "$1" ] || return 0',
    `  mkdir -p "$R$1" && ${mount} --rbind "$1" "$R$1" && ${mount} -o remount,bind,ro,nosuid,nodev "$R$1"`,
    '}',
    `for p in ${SYSTEM_FOLDERS.join(' ')}; do ro "$p" || ${fail}; done`,
    `while [ "$1" != "--" ]; do ro "$1" || ${fail}; shift; done; shift`,
    `mkdir -p "$R/tmp/backsmith" "$R/dev/shm" "$R/proc" "$R/etc" && chmod 1777 "$R/tmp" "$R/dev/shm" || ${fail}`,
    `for d in ${DEVICES.join(' ')}; do : > "$R/dev/$d" && ${mount} --bind "/dev/$d" "$R/dev/$d" || ${fail}; done`,
    'ln -s /proc/self/fd "$R/dev/fd"; ln -s /proc/self/fd/0 "$R/dev/stdin"; ln -s /proc/self/fd/1 "$R/dev/stdout"; ln -s /proc/self/fd/2 "$R/dev/stderr"',
    `${mount} --rbind /proc "$R/proc" || ${fail}`,
    `printf 'root:x:0:0::/root:/bin/sh\\nsandbox:x:%s:%s::${PRIVATE_ROOT}/home:/bin/sh\\nnobody:x:65534:65534::/nonexistent:/bin/sh\\n' "$ID" "$ID" > "$R/etc/passwd"`,
    `printf 'root:x:0:\\nsandbox:x:%s:\\nnogroup:x:65534:\\n' "$ID" > "$R/etc/group"`,
    `printf '127.0.0.1 localhost\\n::1 localhost\\n' > "$R/etc/hosts"`,
    `for f in ${ETC_FILES.join(' ')}; do if [ -e "$f" ]; then cp -L "$f" "$R$f"; fi; done`,
    // The module and tests now live only in the view's tmpfs, which vanishes with the namespace
    // (even when backsmith is SIGKILLed); backsmith's helpers are read-only.
    `cp -a ${STAGED_FOLDERS.map((name) => `"$H/${name}"`).join(' ')} "$R${PRIVATE_ROOT}/" && rm -rf ${STAGED_FOLDERS.map((name) => `"$H/${name}"`).join(' ')} || ${fail}`,
    `${mount} --bind "$R${PRIVATE_ROOT}/lib" "$R${PRIVATE_ROOT}/lib" && ${mount} -o remount,bind,ro,nosuid,nodev "$R${PRIVATE_ROOT}/lib" || ${fail}`,
    `cd "$R" && mkdir .old && pivot_root . .old && umount -l /.old && rmdir /.old || ${fail}`,
    `cd ${PRIVATE_ROOT}/work || ${fail}`,
    'PATH="$P"',
    // Not `exec`: this shell stays pid 1 of the namespace, so the code under test is an
    // ordinary process, and when it ends the shell ends and the kernel kills the rest.
    '"$@"',
  ].join('\n');
}

/** The script's arguments before the command: host folder, size, uid, read-only paths, `--`. */
export function viewArguments(hostRoot: string, diskBytes: number, uid: number | null, readOnly: readonly string[]): string[] {
  return [hostRoot, String(diskBytes), uid === null ? '' : String(uid), ...readOnly, '--'];
}
