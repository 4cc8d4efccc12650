import { describe, expect, it } from 'vitest';
import { missingProtections, protectionsFor } from './host-capabilities.js';
import { buildLaunchPlan, PRIVATE_ROOT, sandboxEnvironment, sandboxPaths } from './sandbox-command.js';
import { REQUIRED_PROTECTIONS, type HostCapabilities } from './sandbox-types.js';

const LINUX_ROOT: HostCapabilities = {
  isRoot: true, unshare: '/usr/bin/unshare', setpriv: '/usr/bin/setpriv', mount: '/usr/bin/mount', namespaces: true, privateTmp: true, notes: [],
};
const python = (inner: { lib: string }) => ['/usr/bin/python3', '-I', `${inner.lib}/probe_harness.py`];

describe('buildLaunchPlan', () => {
  it('as root: namespaces, private /tmp, then the dedicated uid without capabilities', () => {
    const plan = buildLaunchPlan(LINUX_ROOT, '/tmp/backsmith-sandbox-x', 1850000123, python);
    expect(plan.command).toBe('/usr/bin/setpriv');
    expect(plan.args.slice(0, 4)).toEqual(['--pdeathsig', 'KILL', '--', '/usr/bin/unshare']);
    expect(plan.args).toEqual(expect.arrayContaining(['--net', '--pid', '--mount-proc', '--kill-child', '--reuid=1850000123', '--clear-groups', '--no-new-privs', '--bounding-set=-all']));
    expect(plan.args).not.toContain('--user');
    expect(plan.inner).toEqual(sandboxPaths(PRIVATE_ROOT));
    expect(plan.args.at(-1)).toBe(`${PRIVATE_ROOT}/lib/probe_harness.py`);
    expect(plan.spawnIds).toBeUndefined();
    expect(plan.cwd).toBe('/tmp/backsmith-sandbox-x');
  });

  it('builds the view: ipc namespace, the tmpfs size, folders staged in the skeleton', () => {
    const plan = buildLaunchPlan(LINUX_ROOT, '/tmp/b', 1850000123, python, 1000);
    expect(plan.args).toContain('--ipc');
    const script = plan.args[plan.args.indexOf('-c') + 1]!;
    expect(script).toContain('pivot_root . .old');
    expect(script).toContain('umount -l /.old');
    expect(plan.args.slice(plan.args.indexOf('-c') + 2, plan.args.indexOf('-c') + 5)).toEqual(['sh', '/tmp/b', '1000']);
    expect(plan).toMatchObject({ view: true, stage: '/tmp/b/skeleton/tmp/backsmith', cwd: '/tmp/b' });
  });

  it('as a user: a user namespace, no uid switch', () => {
    const plan = buildLaunchPlan({ ...LINUX_ROOT, isRoot: false }, '/tmp/r', null, python);
    expect(plan.args).toEqual(expect.arrayContaining(['--user', '--map-root-user']));
    expect(plan.args.some((arg) => arg.startsWith('--reuid'))).toBe(false);
  });

  it('without namespaces: the interpreter directly, switched to the uid by Node', () => {
    const plan = buildLaunchPlan({ ...LINUX_ROOT, namespaces: false, privateTmp: false }, '/tmp/r', 1850000123, python);
    expect(plan.command).toBe('/usr/bin/python3');
    expect(plan.spawnIds).toEqual({ uid: 1850000123, gid: 1850000123 });
    expect(plan.inner.work).toBe('/tmp/r/work');
  });
});

describe('sandboxEnvironment', () => {
  it('passes nothing from the host environment', () => {
    const environment = sandboxEnvironment(sandboxPaths('/tmp/backsmith'));
    expect(Object.keys(environment).sort()).toEqual(['HOME', 'LANG', 'LC_ALL', 'LOGNAME', 'MALLOC_ARENA_MAX', 'PATH', 'PYTEST_DISABLE_PLUGIN_AUTOLOAD', 'TMPDIR', 'USER']);
    expect(environment.HOME).toBe('/tmp/backsmith/home');
  });
});

describe('required protections', () => {
  it('a host without namespaces (macOS, no user namespaces) lacks the network namespace', () => {
    const protections = protectionsFor({ ...LINUX_ROOT, isRoot: false, namespaces: false, privateTmp: false, unshare: null });
    expect(missingProtections(protections, REQUIRED_PROTECTIONS)).toEqual(['networkNamespace', 'filesystemView', 'ipcNamespace', 'killAll']);
  });

  it('namespaces without the filesystem view are not enough', () => {
    const protections = protectionsFor({ ...LINUX_ROOT, privateTmp: false });
    expect(missingProtections(protections, REQUIRED_PROTECTIONS)).toEqual(['filesystemView']);
    expect(protections.diskQuota).toBe(false);
  });

  it('root with namespaces has them all', () => {
    expect(missingProtections(protectionsFor(LINUX_ROOT), REQUIRED_PROTECTIONS)).toEqual([]);
  });
});
