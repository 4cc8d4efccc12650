import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { earlyPython, optionArgument } from './early-start.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'backsmith-early-'));
  folders.push(directory);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(directory, name), content);
  return directory;
}

describe('optionArgument', () => {
  it.each([
    [['verify', 'm.py'], undefined],
    [['verify', 'm.py', '--python', '/usr/bin/python3'], '/usr/bin/python3'],
    [['verify', '--python=/opt/py/bin/python', 'm.py'], '/opt/py/bin/python'],
    [['verify', '--python', 'a', '--python', 'b'], 'b'],
    [['verify', 'm.py', '--python'], undefined],
    [['verify', '--python='], undefined],
    [['verify', '--pythonic', 'x'], undefined],
    [['verify', '--', '--python', 'x'], undefined],
  ])('reads --python in %j as %j', (args, expected) => {
    expect(optionArgument(args, '--python')).toBe(expected);
  });
});

describe('earlyPython', () => {
  it('prefers --python, then the configuration, then python3', async () => {
    const configured = folderWith({ 'backsmith.config.json': '{"python": "/opt/py/bin/python3"}' });
    expect(await earlyPython(['verify', 'm.py', '--python', 'py'], configured)).toBe('py');
    expect(await earlyPython(['verify', 'm.py'], configured)).toBe('/opt/py/bin/python3');
    expect(await earlyPython(['verify', 'm.py'], folderWith({}))).toBe('python3');
  });

  it('reads the configuration file given with --config', async () => {
    const directory = folderWith({ 'other.json': '{"python": "python3.12"}' });
    expect(await earlyPython(['verify', 'm.py', '--config', path.join(directory, 'other.json')], folderWith({}))).toBe('python3.12');
  });

  it.each([['{"python": 3}'], ['{"python": '], ['{"colour": "blue"}']])('starts no interpreter for a configuration the command will reject (%s)', async (text) => {
    expect(await earlyPython(['verify', 'm.py'], folderWith({ 'backsmith.config.json': text }))).toBeNull();
  });
});
