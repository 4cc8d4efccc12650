import { describe, expect, it } from 'vitest';
import { helperEnvironment } from './allocator-tunables.js';

describe('helperEnvironment', () => {
  it.each([
    ['no settings of the user', {}, /^glibc\.malloc\.hugetlb=1:glibc\.malloc\.trim_threshold=\d+:glibc\.malloc\.mmap_threshold=\d+$/],
    ['an empty setting', { GLIBC_TUNABLES: '' }, /^glibc\.malloc\.hugetlb=1:[^:]+:[^:]+$/],
    ['the user’s own settings, which come last and so win', { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, /^glibc\.malloc\.hugetlb=1:.*:glibc\.malloc\.hugetlb=0$/],
  ])('%s', (_name, base: NodeJS.ProcessEnv, expected) => {
    expect(helperEnvironment({ PATH: '/bin', ...base }).GLIBC_TUNABLES).toMatch(expected);
  });

  it('keeps the rest of the environment and leaves the one given unchanged', () => {
    const base = { PATH: '/bin', HOME: '/home/me' };
    const env = helperEnvironment(base);
    expect(env).toMatchObject(base);
    expect(base).toEqual({ PATH: '/bin', HOME: '/home/me' });
  });
});
