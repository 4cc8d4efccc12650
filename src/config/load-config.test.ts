import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BacksmithError } from '../errors.js';
import { configSchema, defaultConfig } from './config-schema.js';
import { loadConfig } from './load-config.js';

const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'backsmith-config-'));
  folders.push(directory);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(directory, name), content);
  return directory;
}

describe('loadConfig', () => {
  it('uses defaults when nothing is configured', async () => {
    expect(await loadConfig(undefined, folderWith({}))).toEqual(defaultConfig());
    expect(defaultConfig().lineLength).toBe(100);
  });

  it('builds the defaults without zod exactly as the schema fills in an empty file', () => {
    expect(defaultConfig()).toStrictEqual(configSchema.parse({}));
    expect(defaultConfig()).not.toBe(defaultConfig());
  });

  it('reads backsmith.config.json from the folder', async () => {
    const directory = folderWith({ 'backsmith.config.json': JSON.stringify({ allowedImports: ['pandas'], lineLength: 120 }) });
    const config = await loadConfig(undefined, directory);
    expect(config.allowedImports).toEqual(['pandas']);
    expect(config.lineLength).toBe(120);
    expect(config.checks).toEqual({ include: [], exclude: [] });
  });

  it('falls back to package.json#backsmith', async () => {
    const directory = folderWith({ 'package.json': JSON.stringify({ name: 'x', backsmith: { severity: { 'quality/lint': 'off' } } }) });
    expect((await loadConfig(undefined, directory)).severity).toEqual({ 'quality/lint': 'off' });
  });

  it('reads the "backsmith" key of a package.json given explicitly, and says when it has none', async () => {
    const directory = folderWith({ 'package.json': JSON.stringify({ name: 'x', version: '1.0.0', backsmith: { lineLength: 88 } }) });
    expect((await loadConfig(path.join(directory, 'package.json'), directory)).lineLength).toBe(88);
    const bare = folderWith({ 'package.json': JSON.stringify({ name: 'x' }) });
    await expect(loadConfig(path.join(bare, 'package.json'), bare)).rejects.toThrow(/package\.json has no "backsmith" key: add one, or give a backsmith\.config\.json\.$/);
  });

  it('prefers an explicit file', async () => {
    const directory = folderWith({ 'backsmith.config.json': '{"lineLength": 90}', 'other.json': '{"lineLength": 80}' });
    expect((await loadConfig(path.join(directory, 'other.json'), directory)).lineLength).toBe(80);
  });

  it.each([
    ['an unknown key', { colour: 'blue' }, /Unrecognized key/],
    ['a bad severity', { severity: { 'quality/lint': 'fatal' } }, /severity\.quality\/lint/],
    ['a line length out of range', { lineLength: 5 }, /lineLength/],
    ['a bad checks selector', { checks: { only: ['x'] } }, /checks/],
  ])('rejects %s with a message naming the field', async (_name, value, message) => {
    const directory = folderWith({ 'backsmith.config.json': JSON.stringify(value) });
    const attempt = loadConfig(undefined, directory);
    await expect(attempt).rejects.toBeInstanceOf(BacksmithError);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toThrow(/^Invalid configuration in \S+backsmith\.config\.json: [^\n]+\.$/);
  });
});
