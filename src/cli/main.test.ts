import { describe, expect, it } from 'vitest';
import { runCliInMemory as run } from './test-support/run-cli-in-memory.js';

const COMMAND_NAMES = ['verify', 'spec', 'checks', 'agents', 'runs', 'generate', 'tests', 'mcp', 'init'];

// Commands are loaded on demand (main.ts): whatever is loaded, the program must still know them all.
describe('backsmith command loading', () => {
  it.each([[['--help']], [['help']], [[]]])('%j lists every command', async (argv) => {
    const result = await run(argv);
    const text = result.out + result.err;
    for (const name of COMMAND_NAMES) expect(text).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
  });

  it('shows one command\'s help with its options', async () => {
    const result = await run(['verify', '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Usage: backsmith verify/);
    expect(result.out).toMatch(/--no-types/);
  });

  it.each([[['--version']], [['-V']]])('%j prints the version alone, exit 0 (no command loaded)', async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(0);
    expect(result.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('suggests the command meant by a misspelt name (exit 2)', async () => {
    const result = await run(['verfy', 'm.py']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/unknown command 'verfy'/);
    expect(result.err).toMatch(/Did you mean verify\?/);
  });

  it.each([['constructor'], ['__proto__'], ['toString']])('treats %s as an unknown command, not a key of the table', async (name) => {
    const result = await run([name]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/unknown command/);
  });
});
