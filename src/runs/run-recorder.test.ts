import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BacksmithError } from '../errors.js';
import { fakeReport } from '../repair/test-support/fake-report.js';
import type { Draft } from '../repair/draft.js';
import { environmentSecrets } from './environment-secrets.js';
import { formatRun, formatRunList } from './format-run.js';
import { findRun, listRuns } from './list-runs.js';
import { isRunId, newRunId } from './run-id.js';
import { createRunRecorder } from './run-recorder.js';

const KEY = 'sk-proj-BACKSMITHFAKEKEY0123456789abcdef';
let project: string;
beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'backsmith-runs-'));
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

const INITIAL = {
  model: { provider: 'scripted', modelId: 'scripted', contextWindow: 128_000 },
  agent: { name: 'python-backend-engineer', source: 'built-in', sha256: 'a'.repeat(64) },
  inputs: { design: { path: 'd.md', sha256: 'b'.repeat(64), bytes: 10 }, stories: null, tests: [] },
  settings: { maxRounds: 3, candidates: 1, outDir: 'out', deliverable: 'pond_tracker.py' },
};

function draft(code: string): Draft {
  const report = fakeReport(code);
  return {
    round: 0, candidate: 1, code, report, score: { errors: report.summary.errors, warnings: 0, infos: 0 },
    extraction: { code, origin: 'fenced-block', stripped: [], blockCount: 1, matchedSymbols: [], parses: true, summary: 'removed code fence (```python)' },
  };
}

describe('run ids', () => {
  it('sort by time and have a checkable shape', () => {
    const early = newRunId(new Date('2024-03-01T10:15:02.003Z'));
    const late = newRunId(new Date('2024-03-01T10:15:02.120Z'));
    expect(early).toMatch(/^20240301-101502-003-[0-9a-f]{4}$/);
    expect([late, early].sort()).toEqual([early, late]);
    expect(isRunId(early)).toBe(true);
    expect(isRunId('../../etc')).toBe(false);
  });
});

describe('createRunRecorder', () => {
  it('records calls, drafts, the failing draft and totals; lists and shows the run', async () => {
    const clock = [new Date('2024-03-01T10:00:00Z'), new Date('2024-03-01T10:00:05Z')];
    const recorder = await createRunRecorder(project, INITIAL, { secrets: [], now: () => clock.shift() ?? new Date('2024-03-01T10:00:05Z') });
    expect(JSON.parse(await readFile(path.join(recorder.dir, 'run.json'), 'utf8')).outcome).toBe('running');
    const prompt = { system: 'sys', messages: [{ role: 'user' as const, content: 'task' }], sections: [], estimatedTokens: 5 };
    await recorder.recordCall({ round: 0, candidate: 1, kind: 'draft', request: 1, prompt, result: { text: 'reply', finishReason: 'stop', usage: { inputTokens: 100, outputTokens: 50 }, durationMs: 1200, attempts: 1 }, costUsd: 0.001 });
    await recorder.recordDraft(draft('x = 1\n# ERROR design/missing-method Pond.drain is missing\n'));
    const failing = await recorder.saveFailingDraft('x = 1\n');
    const record = await recorder.finish({ outcome: 'failed', reason: 'stopped after 3 rounds', stopReason: 'max-rounds' });
    expect(record).toMatchObject({
      outcome: 'failed', failingDraftFile: 'best-draft.FAILING.py', finishedAt: '2024-03-01T10:00:05.000Z',
      usage: { inputTokens: 100, outputTokens: 50, costUsd: 0.001 }, timings: { totalMs: 5000, modelMs: 1200 },
    });
    expect(record.calls[0]).toMatchObject({ promptFile: 'calls/01-round0-draft1.prompt.md', replyFile: 'calls/01-round0-draft1.reply.txt', finishReason: 'stop' });
    expect(await readFile(path.join(recorder.dir, record.calls[0]!.promptFile), 'utf8')).toBe('=== system ===\nsys\n\n=== user ===\ntask');
    expect(await readFile(failing, 'utf8')).toBe('x = 1\n');
    expect(record.drafts[0]).toMatchObject({ file: 'drafts/round0-candidate1.py', errors: 1, passed: false, stripped: 'removed code fence (```python)' });

    const runs = await listRuns(project);
    expect(runs.map((run) => run.id)).toEqual([recorder.id]);
    expect(formatRunList(runs)).toContain(`${recorder.id}  failed`);
    const found = await findRun(project, recorder.id.slice(0, 12));
    const shown = formatRun(found.record, found.dir);
    expect(shown).toContain(`Run ${recorder.id}: failed (stopped after 3 rounds)`);
    expect(shown).toContain('design/missing-method line 2: Pond.drain is missing');
    expect(shown).toContain('Best draft (FAILING, not delivered):');
    expect((await findRun(project, 'latest')).record.id).toBe(recorder.id);
    await expect(findRun(project, 'nope')).rejects.toThrow(/No run "nope"/);
  });

  it('never writes an API key from the environment, wherever it turns up', async () => {
    const secrets = environmentSecrets({ OPENAI_API_KEY: KEY, HOME: '/home/someone', SHORT_TOKEN: 'abc', HTTP_PROXY: 'http://proxy.corp:3128' });
    expect(secrets).toEqual([KEY]);
    expect(environmentSecrets({ https_proxy: 'http://jdoe:Winter%2F2026!@proxy.corp:3128' })).toEqual(['http://jdoe:Winter%2F2026!@proxy.corp:3128', 'Winter/2026!']);
    const recorder = await createRunRecorder(project, INITIAL, { secrets });
    const prompt = { system: `key ${KEY}`, messages: [{ role: 'user' as const, content: `Authorization: Bearer ${KEY}` }], sections: [], estimatedTokens: 5 };
    await recorder.recordCall({ round: 0, candidate: 1, kind: 'draft', request: 1, prompt, result: { text: `here: ${KEY}`, finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 1, attempts: 1 }, costUsd: null });
    await recorder.recordDraft(draft(`API_KEY = "${KEY}"\n`));
    await recorder.saveFailingDraft(`API_KEY = "${KEY}"\n`);
    await recorder.finish({ outcome: 'error', reason: `provider said: invalid key ${KEY}` });
    const files = await readdir(recorder.dir, { recursive: true, withFileTypes: true });
    let checked = 0;
    for (const file of files.filter((entry) => entry.isFile())) {
      const text = await readFile(path.join(file.parentPath, file.name), 'utf8');
      expect(text, file.name).not.toContain(KEY);
      expect(text, file.name).not.toContain(KEY.slice(8, 24));
      checked++;
    }
    expect(checked).toBe(5);
  });
});

describe('formatRun', () => {
  it('shows a dry run by its prompt estimate, without the loop settings, spend, calls and drafts it never had', async () => {
    const recorder = await createRunRecorder(project, { ...INITIAL, settings: { ...INITIAL.settings, maxRounds: 0, candidates: 0 } }, { secrets: [] });
    const dryRun = { promptFile: 'dry-run.prompt.md', estimatedTokens: 9067, sections: [{ name: 'design', tokens: 4034 }], fits: null };
    const record = await recorder.finish({ outcome: 'dry-run', reason: 'dry run: nothing was sent', dryRun });
    const shown = formatRun(record, recorder.dir);
    expect(shown).toContain('  model scripted:scripted; agent python-backend-engineer\n');
    expect(shown).toContain('Dry run: nothing was sent; first prompt about 9,067 tokens (design 4,034)');
    expect(shown).not.toMatch(/repair round|candidate|Calls|Drafts|tokens \? in|took /);
  });

  it('says a run that failed before any draft had none, with the failed call and its time', async () => {
    const recorder = await createRunRecorder(project, INITIAL, { secrets: [] });
    const prompt = { system: 'sys', messages: [{ role: 'user' as const, content: 'task' }], sections: [], estimatedTokens: 5 };
    await recorder.recordCall({ round: 0, candidate: 1, kind: 'draft', request: 1, prompt, result: { text: '', finishReason: 'error', usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 8200, attempts: 4 }, costUsd: 0 });
    const shown = formatRun(await recorder.finish({ outcome: 'error', reason: 'HTTP 500' }), recorder.dir);
    expect(shown).toContain('Calls:\n  1. round 0 draft 1: error, 0 in / 0 out, 8.2 s\n');
    expect(shown).toContain('\nDrafts: none\n');
  });

  it('points a tests run (test-writer calls only) at its test-file record, with thousands separated', async () => {
    const recorder = await createRunRecorder(project, INITIAL, { secrets: [] });
    const prompt = { system: 'sys', messages: [{ role: 'user' as const, content: 'task' }], sections: [], estimatedTokens: 5 };
    await recorder.recordCall({ role: 'test-writer', round: 0, candidate: 1, kind: 'draft', request: 1, prompt, result: { text: 'x', finishReason: 'stop', usage: { inputTokens: 1812, outputTokens: 5897 }, durationMs: 1100, attempts: 1 }, costUsd: 0 });
    const shown = formatRun(await recorder.finish({ outcome: 'delivered', reason: 'written' }), recorder.dir);
    expect(shown).toContain('  1. test writer, round 0 draft 1: stop, 1,812 in / 5,897 out, 1.1 s\n');
    expect(shown).toContain(`\nDrafts: none (the test files written: ${path.join(recorder.dir, 'acceptance-tests.json')})\n`);
  });
});

describe('a run the process ends first', () => {
  it('finishNow writes the final record synchronously, secrets removed', async () => {
    const recorder = await createRunRecorder(project, INITIAL, { secrets: [KEY] });
    recorder.finishNow({ outcome: 'cancelled', reason: `cancelled with ${KEY} in the air`, stopReason: 'cancelled' });
    const saved = JSON.parse(await readFile(path.join(recorder.dir, 'run.json'), 'utf8'));
    expect(saved).toMatchObject({ outcome: 'cancelled', stopReason: 'cancelled' });
    expect(saved.finishedAt).not.toBeNull();
    expect(JSON.stringify(saved)).not.toContain(KEY);
    expect((await readdir(recorder.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('finishOnExit records a cancelled run as cancelled, any other as an error, and a finished one not again', async () => {
    const { finishOnExit } = await import('./finish-on-exit.js');
    const controller = new AbortController();
    const cancelled = await createRunRecorder(project, INITIAL, { secrets: [] });
    const failed = await createRunRecorder(project, INITIAL, { secrets: [] });
    const done = await createRunRecorder(project, INITIAL, { secrets: [] });
    await done.finish({ outcome: 'delivered', reason: 'passed' });
    const before = new Set(process.listeners('exit'));
    const releases = [finishOnExit(cancelled, controller.signal), finishOnExit(failed), finishOnExit(done)];
    // Only the handlers added here run: emitting 'exit' would reach the test runner's own.
    const added = process.listeners('exit').filter((listener) => !before.has(listener));
    expect(added).toHaveLength(3);
    controller.abort();
    for (const listener of added) (listener as (code: number) => void)(130);
    for (const release of releases) release();
    expect(process.listeners('exit').filter((listener) => !before.has(listener))).toEqual([]);
    const read = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'run.json'), 'utf8'));
    expect(await read(cancelled.dir)).toMatchObject({ outcome: 'cancelled', stopReason: 'cancelled' });
    expect(await read(failed.dir)).toMatchObject({ outcome: 'error', reason: 'backsmith exited before the run finished' });
    expect(await read(done.dir)).toMatchObject({ outcome: 'delivered' });
  });
});

describe('a project where the record cannot be written', () => {
  it('is one BacksmithError naming the folder and why, not an internal error', async () => {
    await writeFile(path.join(project, '.backsmith'), 'not a folder');
    const attempt = createRunRecorder(project, INITIAL, { secrets: [] });
    await expect(attempt).rejects.toBeInstanceOf(BacksmithError);
    await expect(attempt).rejects.toThrow(`Cannot record the run in ${path.join(project, '.backsmith', 'runs')}: a part of the path is a file, not a folder (ENOTDIR). Run backsmith where it can write .backsmith/runs/ (its run records).`);
  });

  it('a record that fails mid-run (the folder taken away) fails its writes with the same one line', async () => {
    const recorder = await createRunRecorder(project, INITIAL, { secrets: [] });
    await rm(recorder.dir, { recursive: true });
    await writeFile(recorder.dir, 'in the way');
    await expect(recorder.recordDraft(draft('x = 1\n'))).rejects.toThrow(/^Cannot record the run in .*: a part of the path is a file, not a folder \(ENOTDIR\)\./);
  });
});

describe('runs show with terminal controls in the record', () => {
  it('shows a provider reason and a finding message with ESC/CR escaped, each on its one line', async () => {
    const recorder = await createRunRecorder(project, INITIAL, { secrets: [] });
    const bad = draft('x = 1\n');
    bad.report.findings.push({ checkId: 'stories/message-mismatch', category: 'stories', severity: 'error', message: 'found "\u001b[2Jcleared\rfake ✔ passed"', line: 3, column: 1, hint: '' });
    await recorder.recordDraft(bad);
    const shown = formatRun(await recorder.finish({ outcome: 'error', reason: 'HTTP 500: \u001b]0;pwned\u0007' }), recorder.dir);
    expect(shown).not.toMatch(/[\u001b\u0007\r]/);
    expect(shown).toContain('Run ' + recorder.id + ': error (HTTP 500: \\e]0;pwned\\x07)');
    expect(shown).toContain('found "\\e[2Jcleared\\rfake ✔ passed"');
    expect(formatRunList([await recorder.finish({ outcome: 'error', reason: 'x' })])).not.toMatch(/[\u001b\u0007\r]/);
  });
});
