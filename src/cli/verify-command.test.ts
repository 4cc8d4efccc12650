import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInMemory } from './test-support/run-cli-in-memory.js';

describe('backsmith verify --select (in process)', () => {
  let dir = '';
  let module = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'backsmith-select-'));
    module = path.join(dir, 'greet.py');
    await writeFile(module, '"""Tiny."""\n\n\ndef greet(name: str) -> str:\n    """Greets.\n\n    Example:\n        >>> greet("a")\n        \'hi a\'\n    """\n    return f"hi {name}"\n');
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('refuses a selection whose every check would be skipped (exit 2, one line) instead of passing having checked nothing', async () => {
    const run = await runCliInMemory(['verify', module, '--no-run', '--no-types', '--select', 'design/,runtime/hang']);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toBe('backsmith: --select design/,runtime/hang runs no check: every check it selects is skipped (no --design given; --no-run given). Give what they need, or select other checks.\n');
  });

  it('runs a selection of which some check can run', async () => {
    const run = await runCliInMemory(['verify', module, '--no-run', '--no-types', '--select', 'design/,quality/']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });
});
