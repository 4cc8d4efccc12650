import { describe, expect, it } from 'vitest';
import { startAttemptWatchdog } from './attempt-watchdog.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startAttemptWatchdog', () => {
  it('fires the idle timeout after silence; touching restarts it', async () => {
    const watchdog = startAttemptWatchdog({ requestTimeoutMs: 0, idleTimeoutMs: 60 });
    for (let step = 0; step < 4; step++) {
      await wait(30);
      watchdog.touch();
    }
    expect(watchdog.signal.aborted).toBe(false);
    await wait(100);
    expect(watchdog.signal.aborted).toBe(true);
    expect(watchdog.timedOut()).toBe('idle');
    watchdog.dispose();
  });

  it('fires the request timeout however busy the stream is', async () => {
    const watchdog = startAttemptWatchdog({ requestTimeoutMs: 50, idleTimeoutMs: 1000 });
    const ticker = setInterval(watchdog.touch, 5);
    await wait(90);
    clearInterval(ticker);
    expect(watchdog.timedOut()).toBe('request');
    watchdog.dispose();
  });

  it("forwards the caller's abort without calling it a timeout", () => {
    const controller = new AbortController();
    const watchdog = startAttemptWatchdog({ requestTimeoutMs: 1000, idleTimeoutMs: 1000 }, controller.signal);
    controller.abort();
    expect(watchdog.signal.aborted).toBe(true);
    expect(watchdog.timedOut()).toBeNull();
    watchdog.dispose();
  });
});
