import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareView, viewStage } from './filesystem-view.js';

describe('prepareView', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the skeleton and one fstab: read-only binds, devices, /proc, helpers read-only', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'backsmith-view-test-'));
    const prefix = mkdtempSync(path.join(os.tmpdir(), 'backsmith view prefix '));
    try {
      const stage = await prepareView(root, { readOnly: [prefix, '/nonexistent/prefix'], diskBytes: 1 << 20, links: [['/etc/alternatives/python3', '/usr/bin/python3.11']] }, 1850000001);
      expect(stage).toBe(viewStage(root));
      for (const folder of ['work', 'home', 'tmp', 'lib', 'tests']) expect(existsSync(path.join(stage, folder))).toBe(true);
      const skeleton = path.join(root, 'skeleton');
      expect(readFileSync(path.join(skeleton, 'etc/passwd'), 'utf8')).toContain('sandbox:x:1850000001:1850000001::/tmp/backsmith/home:');
      expect(readlinkSync(path.join(skeleton, 'etc/alternatives/python3'))).toBe('/usr/bin/python3.11');
      expect(readlinkSync(path.join(skeleton, 'dev/fd'))).toBe('/proc/self/fd');
      expect(lstatSync(path.join(skeleton, 'tmp')).mode & 0o1777).toBe(0o1777);
      const fstab = readFileSync(path.join(root, 'view.fstab'), 'utf8').trim().split('\n');
      const view = path.join(root, 'view');
      expect(fstab).toContain(`/usr ${view}/usr none rbind,ro,nosuid,nodev 0 0`);
      // Blanks in paths are escaped as octal, as fstab wants; an unreadable prefix is left out.
      expect(fstab).toContain(`${prefix.replaceAll(' ', '\\040')} ${view}${prefix.replaceAll(' ', '\\040')} none rbind,ro,nosuid,nodev 0 0`);
      expect(fstab.some((line) => line.includes('/nonexistent'))).toBe(false);
      expect(fstab).toContain(`/dev/null ${view}/dev/null none bind 0 0`);
      expect(fstab).toContain(`/proc ${view}/proc none rbind 0 0`);
      // /tmp and /tmp/backsmith become mount points (not renamable), then helpers and tests go read-only on them.
      expect(fstab.slice(-4)).toEqual([
        `${view}/tmp ${view}/tmp none bind 0 0`,
        `${view}/tmp/backsmith ${view}/tmp/backsmith none bind 0 0`,
        `${view}/tmp/backsmith/lib ${view}/tmp/backsmith/lib none bind,ro,nosuid,nodev 0 0`,
        `${view}/tmp/backsmith/tests ${view}/tmp/backsmith/tests none bind,ro,nosuid,nodev 0 0`,
      ]);
      expect(fstab.some((line) => /\/(home|root|run|var|etc)\b/.test(line.split(' ')[0]!))).toBe(false);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});
