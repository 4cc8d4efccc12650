import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverableName } from './deliverable-name.js';
import { deliverModule } from './deliver-module.js';
import { writeFileAtomic } from './write-atomic.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'backsmith-deliver-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('deliverModule', () => {
  it('creates the folder and writes the module, leaving no temporary file', async () => {
    const out = path.join(directory, 'src', 'copilot_genereated', 'engineering');
    const delivery = await deliverModule(out, 'pond_tracker.py', 'x = 1\n');
    expect(delivery).toEqual({ path: path.join(out, 'pond_tracker.py'), backupPath: null });
    expect(await readFile(delivery.path, 'utf8')).toBe('x = 1\n');
    expect(await readdir(out)).toEqual(['pond_tracker.py']);
  });

  it('keeps an existing file as a timestamped backup, twice in the same second too', async () => {
    const now = new Date('2024-03-01T10:15:02.345Z');
    await writeFile(path.join(directory, 'pond_tracker.py'), 'old = 0\n');
    const first = await deliverModule(directory, 'pond_tracker.py', 'x = 1\n', now);
    const second = await deliverModule(directory, 'pond_tracker.py', 'x = 2\n', now);
    expect(first.backupPath).toBe(path.join(directory, 'pond_tracker.py.20240301T101502Z.bak'));
    expect(second.backupPath).toBe(path.join(directory, 'pond_tracker.py.20240301T101502Z-2.bak'));
    expect(await readFile(first.backupPath!, 'utf8')).toBe('old = 0\n');
    expect(await readFile(second.backupPath!, 'utf8')).toBe('x = 1\n');
    expect(await readFile(path.join(directory, 'pond_tracker.py'), 'utf8')).toBe('x = 2\n');
  });

  it('two deliveries of the same path at once take turns: each module is either in place or in a backup, none lost', async () => {
    const target = path.join(directory, 'pond_tracker.py');
    const now = new Date('2024-03-01T10:15:02.345Z');
    const fresh = await Promise.all([deliverModule(directory, 'pond_tracker.py', 'a = 1\n', now), deliverModule(directory, 'pond_tracker.py', 'b = 2\n', now)]);
    expect(fresh.filter((delivery) => delivery.backupPath === null)).toHaveLength(1);
    const kept = [await readFile(target, 'utf8'), ...(await Promise.all(fresh.filter((delivery) => delivery.backupPath).map((delivery) => readFile(delivery.backupPath!, 'utf8'))))];
    expect(kept.sort()).toEqual(['a = 1\n', 'b = 2\n']);
    const replaced = await Promise.all(['c = 3\n', 'd = 4\n', 'e = 5\n'].map((code) => deliverModule(directory, 'pond_tracker.py', code, now)));
    const contents = await Promise.all((await readdir(directory)).map((name) => readFile(path.join(directory, name), 'utf8')));
    expect(contents.sort()).toEqual(['a = 1\n', 'b = 2\n', 'c = 3\n', 'd = 4\n', 'e = 5\n']);
    expect(replaced.every((delivery) => delivery.backupPath !== null)).toBe(true);
  });

  it('takes over a delivery lock, and removes the temporary file, left by a run that was killed while delivering', async () => {
    const lock = path.join(directory, '.pond_tracker.py.backsmith-lock');
    await writeFile(lock, '2147483646');
    await writeFile(path.join(directory, '.pond_tracker.py.2147483646.0a1b2c3d.tmp'), 'half = ');
    await writeFile(path.join(directory, `.pond_tracker.py.${process.pid}.0a1b2c3d.tmp`), 'ours');
    await writeFile(path.join(directory, '.other.py.2147483646.0a1b2c3d.tmp'), 'not ours to clean');
    const delivery = await deliverModule(directory, 'pond_tracker.py', 'x = 1\n');
    expect(await readFile(delivery.path, 'utf8')).toBe('x = 1\n');
    expect((await readdir(directory)).sort()).toEqual([`.other.py.2147483646.0a1b2c3d.tmp`, `.pond_tracker.py.${process.pid}.0a1b2c3d.tmp`, 'pond_tracker.py']);
  });

  it('writes nothing and makes no backup when the file already holds exactly this module', async () => {
    const target = path.join(directory, 'pond_tracker.py');
    await writeFile(target, 'x = 1\n');
    const before = await stat(target);
    const delivery = await deliverModule(directory, 'pond_tracker.py', 'x = 1\n');
    expect(delivery).toEqual({ path: target, backupPath: null, unchanged: true });
    expect(await readdir(directory)).toEqual(['pond_tracker.py']);
    expect((await stat(target)).mtimeMs).toBe(before.mtimeMs);
  });

  it.each([0o600, 0o755, 0o640])('keeps the replaced file\'s mode %o (the backup keeps it too)', async (mode) => {
    const target = path.join(directory, 'pond_tracker.py');
    await writeFile(target, 'old = 0\n');
    await chmod(target, mode);
    const delivery = await deliverModule(directory, 'pond_tracker.py', 'x = 1\n');
    expect((await stat(target)).mode & 0o7777).toBe(mode);
    expect((await stat(delivery.backupPath!)).mode & 0o7777).toBe(mode);
  });

  it('gives each of many simultaneous deliveries its own backup (exclusive create, no backup overwritten)', async () => {
    const now = new Date('2024-03-01T10:15:02.345Z');
    await writeFile(path.join(directory, 'pond_tracker.py'), 'old = 0\n');
    const deliveries = await Promise.all(Array.from({ length: 8 }, (_, index) => deliverModule(directory, 'pond_tracker.py', `x = ${index + 1}\n`, now)));
    const backups = deliveries.map((delivery) => delivery.backupPath);
    expect(new Set(backups).size).toBe(8);
    const contents = await Promise.all(backups.map((backup) => readFile(backup!, 'utf8')));
    expect(contents).toContain('old = 0\n');
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('fails with a BacksmithError when the folder cannot be made', async () => {
    await writeFile(path.join(directory, 'blocker'), '');
    await expect(deliverModule(path.join(directory, 'blocker', 'sub'), 'a_b.py', 'x = 1\n')).rejects.toThrow(/^Cannot save .*a_b\.py: /);
  });
});

describe('writeFileAtomic', () => {
  it('removes its temporary file when the rename fails', async () => {
    const target = path.join(directory, 'a_dir');
    await (await import('node:fs/promises')).mkdir(path.join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('deliverableName', () => {
  const design = { featureName: 'library_lending', moduleName: 'service', deliverable: 'library_lending_service.py' };
  it.each([
    [{ design }, 'library_lending_service.py', 'design'],
    [{ design: { ...design, deliverable: null } }, 'library_lending_service.py', 'design'],
    [{ feature: 'pond', module: 'tracker', design }, 'pond_tracker.py', 'flags'],
    [{ feature: 'pond', design }, 'pond_service.py', 'flags and design'],
    [{ feature: 'pond', module: 'tracker' }, 'pond_tracker.py', 'flags'],
  ])('%j → %s', (sources, fileName, source) => {
    expect(deliverableName(sources)).toEqual({ fileName, source });
  });

  it('says which flags to pass, and refuses names that are not Python names', () => {
    expect(() => deliverableName({})).toThrow(/Pass --feature and --module/);
    expect(() => deliverableName({ design: { featureName: 'pond', moduleName: null, deliverable: null } })).toThrow(/does not name its module\. Pass --module/);
    expect(() => deliverableName({ feature: 'pond-life', module: 'x' })).toThrow(/"pond-life" cannot be part of a Python module name/);
    expect(() => deliverableName({ feature: '../etc', module: 'x' })).toThrow(/cannot be part/);
  });
});
