import { describe, expect, it } from 'vitest';
import { createProgressReporter } from './progress-reporter.js';

function capture(isTTY: boolean) {
  const writes: string[] = [];
  let time = 0;
  const reporter = createProgressReporter({ write: (text) => writes.push(text), isTTY }, () => time);
  return { writes, reporter, advance: (ms: number) => (time += ms) };
}

const stage = (stageName: 'drafting' | 'repairing' | 'verifying', round = 0) =>
  ({ type: 'stage', stage: stageName, round, candidate: 1, candidates: 2, maxRounds: 3 }) as const;

describe('createProgressReporter', () => {
  it('on a terminal redraws one live line with stage, round, tokens received and elapsed time', () => {
    const { writes, reporter, advance } = capture(true);
    reporter.onEvent(stage('drafting'));
    advance(2500);
    reporter.onEvent({ type: 'text', characters: 4000 });
    reporter.onEvent(stage('verifying'));
    expect(writes.at(-1)).toMatch(/^\r\x1b\[2K. verifying · first draft 1\/2 · ~1,000 tokens received · 2\.5 s$/);
    reporter.onEvent({ type: 'draft', round: 0, candidate: 1, passed: false, errors: 3, warnings: 1, stripped: 'removed code fence (```python)' });
    expect(writes.at(-2)).toBe('\r\x1b[2K✘ first draft 1: 3 error(s), 1 warning(s); removed code fence (```python)\n');
    reporter.onEvent(stage('repairing', 1));
    expect(writes.at(-1)).toMatch(/repairing · repair round 1\/3 · 2\.5 s$/);
    reporter.stop();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('resets the token count when a retry discards streamed text', () => {
    const { writes, reporter } = capture(true);
    reporter.onEvent(stage('drafting'));
    reporter.onEvent({ type: 'text', characters: 400 });
    reporter.onEvent({ type: 'retry', reason: 'HTTP 429', delayMs: 2000, discarded: true });
    expect(writes.at(-2)).toBe('\r\x1b[2K… provider retry in 2.0 s: HTTP 429\n');
    expect(writes.at(-1)).not.toContain('tokens received');
    reporter.onEvent({ type: 'retry', reason: 'HTTP 500', delayMs: 1000, discarded: false, retry: 2, maxRetries: 3 });
    expect(writes.at(-2)).toBe('\r\x1b[2K… retrying (2 of 3) in 1.0 s: HTTP 500\n');
    reporter.stop();
  });

  it('writes plain timestamped lines elsewhere, no control characters', () => {
    const { writes, reporter, advance } = capture(false);
    reporter.onEvent(stage('drafting'));
    reporter.onEvent({ type: 'text', characters: 400 });
    advance(1200);
    reporter.onEvent({ type: 'reply', outputTokens: 1234, finishReason: 'stop', continuations: 0 });
    reporter.onEvent({ type: 'draft', round: 1, candidate: 1, passed: true, errors: 0, warnings: 2, stripped: '' });
    reporter.stop();
    expect(writes).toEqual([
      '[0.0 s] drafting · first draft 1/2\n',
      '[1.2 s] reply: 1,234 tokens (stop)\n',
      '[1.2 s] ✔ repair round 1: passed (2 warning(s))\n',
    ]);
  });
});
