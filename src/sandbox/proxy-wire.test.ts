import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonHelperPath } from '../python/package-paths.js';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { FIXTURES } from './test-support/runtime-fixtures.js';

// The trusted runner decodes whatever the module's process sends: the decoder must refuse
// oversized, too deep, malformed and unknown input with a WireError (never another exception,
// never a crash), and still round-trip plain values. Real interpreter, real socket pair.
const results: Record<string, [string, string]> = existsSync(SYSTEM_PYTHON)
  ? JSON.parse(execFileSync(SYSTEM_PYTHON, ['-I', '-B', path.join(FIXTURES.runtime, 'proxy_wire_check.py'), path.dirname(pythonHelperPath('proxy_wire.py'))], { encoding: 'utf8', timeout: 30_000 }))
  : {};

describe.skipIf(!existsSync(SYSTEM_PYTHON))('proxy wire format against hostile input', () => {
  it('round-trips datetimes, decimals, sets, bytes and paths by copy', () => {
    expect(results['round-trip']?.[0]).toBe('ok');
    expect(results['round-trip']?.[1]).toContain("datetime.datetime(2024, 5, 6, 8, 0)");
    expect(results['round-trip']?.[1]).toContain("PosixPath('/tmp/out.csv')");
  });

  it.each([
    ['too-deep-value', 'too large or too deep'],
    ['too-deep-json', 'malformed message'],
    ['oversized-frame', 'over the 16777216-byte limit'],
    ['cut-off-frame', 'closed the connection'],
    ['not-an-object', 'not an object'],
    ['unknown-tag', 'unknown tag pickle'],
    ['untagged-list', 'without a tag'],
    ['unhashable-key', 'malformed value: TypeError'],
    ['too-many-parts', 'too large or too deep'],
    ['bad-timedelta', 'malformed timedelta'],
  ])('%s is refused with a WireError (%s)', (name, message) => {
    expect(results[name]).toEqual(['WireError', expect.stringContaining(message)]);
  });
});
