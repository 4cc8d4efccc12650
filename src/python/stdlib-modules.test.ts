import { describe, expect, it } from 'vitest';
import { stdlibStatus } from './stdlib-modules.js';

describe('stdlibStatus', () => {
  it('knows modules of every shipped version, and when some were removed or added', () => {
    expect(stdlibStatus('os')).toEqual({ versions: ['3.10', '3.11', '3.12', '3.13'], removedIn: null });
    expect(stdlibStatus('distutils')).toEqual({ versions: ['3.10', '3.11'], removedIn: '3.12' });
    expect(stdlibStatus('telnetlib').removedIn).toBe('3.13');
    expect(stdlibStatus('tomllib').versions).toEqual(['3.11', '3.12', '3.13']);
    expect(stdlibStatus('requests')).toEqual({ versions: [], removedIn: null });
    expect(stdlibStatus('__future__').versions).toHaveLength(4);
  });
});
