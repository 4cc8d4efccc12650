import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTextFile } from './read-text-file.js';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'backsmith-read-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const LIMITS = { maxBytes: 1024 * 1024, label: 'Python module' };
const TEXT = '"""Doc."""\nx = 1\n';
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('readTextFile refuses with one line that says what to do', () => {
  it.each([
    ['UTF-16 with its byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), /is UTF-16 text, not UTF-8: save it as UTF-8 and try again\.$/],
    ['big-endian UTF-16 with its byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), /is UTF-16 text, not UTF-8/],
    ['UTF-16 without a byte order mark', Buffer.from(TEXT, 'utf16le'), /is UTF-16 text, not UTF-8/],
    ['UTF-32 with its byte order mark', Buffer.from([0xff, 0xfe, 0, 0, 0x78, 0, 0, 0, 0x0a, 0, 0, 0]), /is UTF-32 text, not UTF-8/],
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0x78, 0x79]), /is a binary file \(it contains NUL bytes\), not text\.$/],
    ['Latin-1', Buffer.from('x = "caf\xe9"\n', 'latin1'), /is not valid UTF-8 text/],
  ])('%s', async (_name, bytes, message) => {
    const file = path.join(scratch, 'module.py');
    writeFileSync(file, bytes);
    await expect(readTextFile(file, LIMITS)).rejects.toThrow(message);
  });

  it('names sizes in exact bytes when rounding would show the same figure as the limit', async () => {
    const file = path.join(scratch, 'over.py');
    writeFileSync(file, `${'x = 1\n'.repeat(180_000)}`);
    await expect(readTextFile(file, LIMITS)).rejects.toThrow(/ is 1,080,000 bytes; the limit is 1,048,576 bytes \(1\.0 MB\)\. Is this the right file\?$/);
    writeFileSync(file, `${'x = 1\n'.repeat(400_000)}`);
    await expect(readTextFile(file, LIMITS)).rejects.toThrow(/ is 2\.3 MB; the limit is 1\.0 MB\./);
  });

  it('stops reading a device or a pipe at the limit, whose size stat gives as 0', async () => {
    await expect(readTextFile('/dev/zero', LIMITS)).rejects.toThrow(/^Python module \/dev\/zero is more than the limit of 1\.0 MB \(reading stopped there\)\. Is this the right file\?$/);
    const fifo = path.join(scratch, 'endless.py');
    execFileSync('mkfifo', [fifo]);
    // The writer ends when the reader closes the pipe (SIGPIPE).
    const writer = spawn('sh', ['-c', `yes 'x = 1' > '${fifo}'`], { stdio: 'ignore' });
    try {
      await expect(readTextFile(fifo, LIMITS)).rejects.toThrow(/is more than the limit of 1\.0 MB/);
    } finally {
      writer.kill();
    }
  });

  it('reads a pipe under the limit in full', async () => {
    const fifo = path.join(scratch, 'short.py');
    execFileSync('mkfifo', [fifo]);
    spawn('sh', ['-c', `printf '%s' "$0" > '${fifo}'`, TEXT], { stdio: 'ignore' });
    expect(await readTextFile(fifo, LIMITS)).toBe(TEXT);
  });

  it('reads UTF-8, with or without its byte order mark', async () => {
    const file = path.join(scratch, 'fine.py');
    writeFileSync(file, `\ufeff${TEXT}`);
    expect(await readTextFile(file, LIMITS)).toBe(TEXT);
  });
});
