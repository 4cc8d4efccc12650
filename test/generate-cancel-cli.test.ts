import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFakeServerProject } from '../src/generate/test-support/fake-server-project.js';
import { GOOD_MODULE } from '../src/generate/test-support/plant-swap-fixture.js';
import type { FakeServer, ScriptedResponse } from '../src/model/test-support/fake-http-server.js';
import { openAiStreamEvents } from '../src/model/test-support/openai-wire.js';
import { hostCapabilities, missingProtections, protectionsFor } from '../src/sandbox/host-capabilities.js';
import { REQUIRED_PROTECTIONS } from '../src/sandbox/sandbox-types.js';
import { REPO_ROOT } from './run-cli.js';

// Ctrl-C and SIGTERM against the built CLI, with a real model stream (fake OpenAI server on
// 127.0.0.1) and a real sandboxed test run: exit 130/143 within a second, nothing delivered,
// the run recorded as cancelled.
const FAKE_KEY = 'sk-proj-BACKSMITHfakeKEY-0123456789abcdefXYZ';
const SLOW_TEST = path.join(REPO_ROOT, 'test-fixtures', 'cancel', 'test_plant_swap_slow.py');
const canSandbox = missingProtections(protectionsFor(await hostCapabilities()), REQUIRED_PROTECTIONS).length === 0;
const DELIVERABLE = 'src/copilot_genereated/engineering/plant_swap_registry.py';

const fixture = useFakeServerProject();
const { project } = fixture;
let server: FakeServer | null = null;
let tmp: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'backsmith-cancel-tmp-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

interface Interrupted {
  code: number | null;
  /** Milliseconds from the signal to the process's end. */
  afterSignalMs: number;
  stderr: string;
}

/** Runs the built CLI and sends `signal` once `ready(stderr)` holds (checked every 50 ms). */
async function interrupt(args: string[], signal: NodeJS.Signals, ready: (stderr: string) => boolean): Promise<Interrupted> {
  let stderr = '';
  let sentAt = 0;
  let poll: NodeJS.Timeout | undefined;
  let giveUp: NodeJS.Timeout | undefined;
  try {
    const run = await fixture.backsmith(args, {
      env: { TMPDIR: tmp, OPENAI_API_KEY: FAKE_KEY },
      onStderr: (text) => (stderr = text),
      onChild: (child) => {
        poll = setInterval(() => {
          if (sentAt === 0 && ready(stderr)) {
            sentAt = performance.now();
            child.kill(signal);
          }
        }, 50);
        giveUp = setTimeout(() => child.kill('SIGKILL'), 40_000);
      },
    });
    // A child ended by a signal it did not handle has no exit code.
    return { code: run.code === -1 ? null : run.code, afterSignalMs: sentAt === 0 ? Number.NaN : performance.now() - sentAt, stderr: run.stderr };
  } finally {
    clearInterval(poll);
    clearTimeout(giveUp);
  }
}

async function onlyRecord(): Promise<{ outcome: string; stopReason: string | null; finishedAt: string | null }> {
  const [runId, ...others] = await readdir(path.join(project.dir, '.backsmith', 'runs'));
  expect(others).toEqual([]);
  return JSON.parse(await readFile(path.join(project.dir, '.backsmith', 'runs', runId!, 'run.json'), 'utf8'));
}

/** A reply that streams its first chunks, then stalls: the model is still "typing" when the signal comes. */
const slowReply = (): ScriptedResponse => ({ events: openAiStreamEvents(GOOD_MODULE, { deltaSize: 200 }), stallAfterEvents: 4 });

const generate = (tests: string) => ['generate', '--design', project.design, '--stories', project.stories, '--tests', tests, '--model', 'openai:gpt-4.1', '--base-url', server!.baseUrl];

async function sandboxRunning(): Promise<boolean> {
  // Each sandboxed run gets /tmp/backsmith-sandbox-*/; its filesystem view exists once it is under way.
  const entries = existsSync(tmp) ? await readdir(tmp) : [];
  return entries.some((name) => name.startsWith('backsmith-sandbox-') && existsSync(path.join(tmp, name, 'view')));
}

describe('backsmith generate cancelled (built binary, fake OpenAI server, real sandbox)', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s while the model streams: exit %i within 1 s, nothing delivered, run recorded as cancelled', async (signal, code) => {
    server = await fixture.serve([slowReply()]);
    // Once the request is streaming (the SDK loaded, the first chunks in), not while the CLI is still starting up.
    let streaming = 0;
    const run = await interrupt(generate(project.tests), signal, () => server!.requests.length > 0 && (streaming ||= performance.now()) > 0 && performance.now() - streaming > 300);
    expect(run.code, run.stderr).toBe(code);
    expect(run.afterSignalMs).toBeLessThan(1000);
    expect(existsSync(path.join(project.dir, 'src'))).toBe(false);
    expect(await onlyRecord()).toMatchObject({ outcome: 'cancelled', stopReason: 'cancelled' });
    expect(server.requests).toHaveLength(1);
  }, 60_000);

  it.skipIf(!canSandbox).each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s while a sleeping test runs in the sandbox: exit %i within 1 s, no sandbox left, run recorded as cancelled', async (signal, code) => {
    await copyFile(SLOW_TEST, path.join(project.dir, 'test_plant_swap_slow.py'));
    server = await fixture.serve([{ events: openAiStreamEvents(GOOD_MODULE, { deltaSize: 4000 }) }]);
    let seen = 0;
    const run = await interrupt(generate('test_plant_swap_slow.py'), signal, () => {
      void sandboxRunning().then((running) => {
        if (running && seen === 0) seen = performance.now();
      });
      return seen > 0 && performance.now() - seen > 500;
    });
    expect(run.code, run.stderr).toBe(code);
    expect(run.afterSignalMs).toBeLessThan(1000);
    expect(existsSync(path.join(project.dir, DELIVERABLE))).toBe(false);
    expect(await onlyRecord()).toMatchObject({ outcome: 'cancelled', stopReason: 'cancelled' });
    // Nothing at all: no sandbox folder, no type-check workspace, no temporary file of pyright's.
    expect(await readdir(tmp)).toEqual([]);
  }, 60_000);
});
