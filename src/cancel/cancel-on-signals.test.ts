import { afterEach, describe, expect, it } from 'vitest';
import { cancelOnSignals, type Cancellation } from './cancel-on-signals.js';

let cancellation: Cancellation | null = null;
afterEach(() => cancellation?.release());

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('cancelOnSignals', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s aborts the signal, says so once, and forces exit %i after the grace time', async (name, code) => {
    const exits: number[] = [];
    const notices: string[] = [];
    cancellation = cancelOnSignals({ graceMs: 50, exit: (exitCode) => exits.push(exitCode), notify: (signal) => notices.push(signal) });
    expect(cancellation.exitCode()).toBeNull();
    process.emit(name, name);
    expect(cancellation.signal.aborted).toBe(true);
    expect(cancellation.received()).toBe(name);
    expect(cancellation.exitCode()).toBe(code);
    expect(notices).toEqual([name]);
    expect(exits).toEqual([]);
    await wait(120);
    expect(exits).toEqual([code]);
  });

  it('exitIfCancelled ends at once when cancelled, and does nothing otherwise', () => {
    const exits: number[] = [];
    cancellation = cancelOnSignals({ graceMs: 10_000, exit: (code) => exits.push(code) });
    cancellation.exitIfCancelled();
    expect(exits).toEqual([]);
    process.emit('SIGTERM', 'SIGTERM');
    cancellation.exitIfCancelled();
    expect(exits).toEqual([143]);
  });

  it('a second signal exits at once with the first signal\'s code', () => {
    const exits: number[] = [];
    cancellation = cancelOnSignals({ graceMs: 10_000, exit: (code) => exits.push(code) });
    process.emit('SIGTERM', 'SIGTERM');
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([143]);
  });

  it('release removes its handlers; a pending forced exit still ends a process that lingers', async () => {
    const before = process.listenerCount('SIGINT');
    const exits: number[] = [];
    cancellation = cancelOnSignals({ graceMs: 20, exit: (code) => exits.push(code) });
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    cancellation.release();
    expect(process.listenerCount('SIGINT')).toBe(before);
    cancellation = cancelOnSignals({ graceMs: 20, exit: (code) => exits.push(code) });
    process.emit('SIGINT', 'SIGINT');
    cancellation.release();
    expect(process.listenerCount('SIGINT')).toBe(before);
    await wait(60);
    expect(exits).toEqual([130]);
  });
});
