import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runBacksmith } from './run-cli.js';

const CLEAN_MODULE = path.join(REPO_ROOT, 'test-fixtures', 'modules', 'clean_counter.py');
const BASE_ENV = { PATH: process.env.PATH, HOME: process.env.HOME };

describe('backsmith verify colour (built binary, output piped)', () => {
  it('is plain when piped and coloured with FORCE_COLOR (NO_COLOR and terminals: src/report/colour.test.ts)', () => {
    const piped = runBacksmith(['verify', CLEAN_MODULE, '--no-run'], { env: BASE_ENV });
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toContain('\u001b');
    const forced = runBacksmith(['verify', CLEAN_MODULE, '--no-run'], { env: { ...BASE_ENV, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[32m\u001b[1mPASS\u001b[22m\u001b[39m');
  }, 120_000);
});
