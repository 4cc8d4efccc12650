import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CappedOutput, parseJsonLines } from './capped-output.js';

describe('CappedOutput', () => {
  it('keeps the first bytes, counts the rest', async () => {
    const stream = new PassThrough();
    const output = new CappedOutput(10).attach(stream);
    stream.write('0123456789abcdef');
    stream.end('ghij');
    await new Promise((resolve) => stream.on('end', resolve));
    expect(output.result()).toEqual({ text: '0123456789', totalBytes: 20, truncated: true });
  });

  it('knows the last complete record', () => {
    const output = new CappedOutput(1000);
    output.add(Buffer.from('{"event":"running","symbol":"A.b"}\n{"event":"run'));
    expect(output.lastRecord()).toEqual({ event: 'running', symbol: 'A.b' });
    output.add(Buffer.from('ning","symbol":"A.c"}\n'));
    expect(output.lastRecord()).toEqual({ event: 'running', symbol: 'A.c' });
  });
});

describe('parseJsonLines', () => {
  it('drops torn and non-object lines', () => {
    expect(parseJsonLines('{"a":1}\n[1]\nnoise\n{"b":2}\n{"c":')).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
