import { describe, expect, it } from 'vitest';
import { canonicalName, importBindings } from './import-bindings.js';
import { readPythonModule } from './read-module.js';

describe('importBindings', () => {
  it('maps aliases and from-imports to dotted paths', async () => {
    const module = await readPythonModule(`import subprocess as sp
import urllib.request
import os.path
from os import system, popen as po
from . import sibling
from shutil import *
`);
    const bindings = importBindings(module);
    expect(Object.fromEntries(bindings)).toEqual({
      sp: 'subprocess', urllib: 'urllib', os: 'os', system: 'os.system', po: 'os.popen',
    });
    expect(canonicalName('sp.run', bindings)).toBe('subprocess.run');
    expect(canonicalName('po', bindings)).toBe('os.popen');
    expect(canonicalName('urllib.request.urlopen', bindings)).toBe('urllib.request.urlopen');
    expect(canonicalName('self._run', bindings)).toBe('self._run');
  });
});
