import { describe, expect, it } from 'vitest';
import { compileRequestsWritten, compileWithPython } from './compile-server.js';

describe('compileRequestsWritten', () => {
  it('resolves at once with nothing pending', async () => {
    await expect(compileRequestsWritten()).resolves.toBeUndefined();
  });

  it('waits until a source larger than a pipe holds is written, while the event loop runs', async () => {
    const source = Array.from({ length: 40_000 }, (_, index) => `value_${index} = ${index}\n`).join('');
    expect(source.length).toBeGreaterThan(512 * 1024);
    const answer = compileWithPython('python3', source, 'large.py');
    let written = false;
    const waiting = compileRequestsWritten().then(() => (written = true));
    // More than a pipe takes at once: the rest goes out only as the event loop runs.
    expect(written).toBe(false);
    await waiting;
    expect((await answer).ok).toBe(true);
    await expect(compileRequestsWritten()).resolves.toBeUndefined();
  });
});
