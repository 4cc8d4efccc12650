import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { StdioLineTransport } from './stdio-line-transport.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'backsmith.js');

/** A transport over in-memory streams: what it passed on, what it wrote back, what it reported. */
function harness(maxLineBytes?: number) {
  const input = new PassThrough();
  const output = new PassThrough();
  const transport = new StdioLineTransport(input, output, maxLineBytes);
  const messages: JSONRPCMessage[] = [];
  const errors: string[] = [];
  let written = '';
  output.on('data', (chunk: Buffer) => void (written += chunk.toString()));
  transport.onmessage = (message) => void messages.push(message);
  transport.onerror = (error) => void errors.push(error.message);
  const replies = () => written.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { input, transport, messages, errors, replies };
}

const ping = (id: number) => `${JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' })}\n`;

describe('StdioLineTransport', () => {
  it.each([
    ['a line that is not JSON', 'not json', { id: null, error: { code: -32700, message: expect.stringMatching(/^Parse error: /) } }],
    ['half a JSON object', '{"jsonrpc": "2.0", "id": 1,', { id: null, error: { code: -32700 } }],
    ['JSON that is no JSON-RPC message', '42', { id: null, error: { code: -32600, message: 'Invalid Request: not a JSON-RPC 2.0 request or notification' } }],
    ['a request without "jsonrpc", its id kept', '{"id": 7, "method": "ping"}', { id: 7, error: { code: -32600 } }],
    ['a request with a string id and a bad method', '{"jsonrpc": "2.0", "id": "a", "method": 3}', { id: 'a', error: { code: -32600 } }],
    ['a batch', '[{"jsonrpc": "2.0", "id": 1, "method": "ping"}]', { id: null, error: { code: -32600, message: 'Invalid Request: batches are not supported' } }],
  ])('answers %s, reports it, and reads the next line', async (_name, line, reply) => {
    const { input, transport, messages, errors, replies } = harness();
    await transport.start();
    input.write(`${line}\n${ping(2)}`);
    expect(replies()).toHaveLength(1);
    expect(replies()[0]).toMatchObject({ jsonrpc: '2.0', ...reply });
    expect(errors).toHaveLength(1);
    expect(messages).toEqual([{ jsonrpc: '2.0', id: 2, method: 'ping' }]);
  });

  it('does not answer an invalid response (no reply to a reply), but reports it', async () => {
    const { input, transport, messages, errors, replies } = harness();
    await transport.start();
    input.write('{"id": 3, "result": {}}\n');
    expect(replies()).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(/invalid JSON-RPC response/i)]);
    expect(messages).toEqual([]);
  });

  it('joins a message split across chunks, takes CRLF and skips blank lines', async () => {
    const { input, transport, messages, replies } = harness();
    await transport.start();
    const line = ping(1);
    input.write(line.slice(0, 10));
    input.write(`${line.slice(10, -1)}\r\n\n   \n`);
    expect(messages).toEqual([{ jsonrpc: '2.0', id: 1, method: 'ping' }]);
    expect(replies()).toEqual([]);
  });

  it('answers a line over the size limit once, drops the rest of it, and reads the next line', async () => {
    const { input, transport, messages, replies } = harness(64);
    await transport.start();
    input.write(`{"jsonrpc": "2.0", "id": 1, "method": "ping", "params": {"x": "${'a'.repeat(40)}`);
    input.write(`${'b'.repeat(200)}"}}\n${ping(2)}`);
    expect(replies()).toEqual([{ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request: a message is longer than 64 bytes' } }]);
    expect(messages).toEqual([{ jsonrpc: '2.0', id: 2, method: 'ping' }]);
  });

  it('writes each sent message as one line, and closes once', async () => {
    const { transport, replies } = harness();
    let closed = 0;
    transport.onclose = () => void (closed += 1);
    await transport.start();
    await transport.send({ jsonrpc: '2.0', id: 1, result: {} });
    await transport.close();
    await transport.close();
    expect(replies()).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
    expect(closed).toBe(1);
  });

  it.skipIf(!existsSync(path.join(ROOT, 'dist', 'mcp', 'stdio-line-transport.js')))('backsmith mcp answers a non-JSON line with -32700 and keeps serving', async () => {
    const child = spawn(process.execPath, [BIN, 'mcp'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const twoLines = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.split('\n').length > 2) resolve();
      });
    });
    child.stdin.write(`hello server\n${ping(1)}`);
    await twoLines;
    child.stdin.end();
    await new Promise((resolve) => child.once('exit', resolve));
    const [first, second] = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
    expect(second).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
    expect(stderr).toMatch(/backsmith mcp: Parse error/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it.skipIf(!existsSync(path.join(ROOT, 'dist', 'mcp', 'stdio-line-transport.js')))('backsmith mcp stops quietly when the client closes its end of stdout (no EPIPE stack trace)', async () => {
    const child = spawn(process.execPath, [BIN, 'mcp'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.stdout.destroy();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Each answer is written to the closed pipe; the first EPIPE ends the server.
    for (let id = 1; id <= 3; id++) child.stdin.write(ping(id));
    const code = await Promise.race([exited, new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 20_000))]);
    if (code === 'running') child.kill();
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  }, 30_000);
});
