// Issue 11 part B: what the preflight costs before the first model call (CPU time, the ~900-line
// clinic example's tests parsed with tree-sitter), and how long Ctrl-C takes to end `generate`
// (built CLI, fake OpenAI server on 127.0.0.1): while the model streams, and while a test that
// sleeps runs in the sandbox. Wall-clock medians from the signal to the process's exit.
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDesign } from '../dist/inputs/design/index.js';
import { preflightGeneration } from '../dist/preflight/preflight-generation.js';
import { openAiStreamEvents, startOpenAiServer } from '../dist/model/test-support/openai-wire.js';
import { hostCapabilities, missingProtections, protectionsFor } from '../dist/sandbox/host-capabilities.js';
import { REQUIRED_PROTECTIONS } from '../dist/sandbox/sandbox-types.js';
import { median, report } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLINIC = path.join(ROOT, 'examples', 'clinic_booking');
const PLANT = path.join(ROOT, 'test-fixtures', 'generate');
const RUNS = 3;

async function preflightCpu() {
  const design = await readDesign(await readFile(path.join(CLINIC, 'clinic_booking_technical_design.md'), 'utf8'), { sourceName: 'clinic_booking_technical_design.md' });
  const testPath = path.join(CLINIC, 'test_clinic_booking_acceptance.py');
  const tests = [{ path: testPath, text: await readFile(testPath, 'utf8') }];
  const outDir = await mkdtemp(path.join(tmpdir(), 'backsmith-bench-preflight-'));
  const input = { outDir, deliverable: { fileName: design.deliverable ?? 'clinic_booking_scheduler.py', nameSource: 'the design' }, namedByFlags: false, design, tests, allowedImports: [] };
  await preflightGeneration(input);
  const cpu = [];
  for (let run = 0; run < 20; run++) {
    const before = process.cpuUsage();
    await preflightGeneration(input);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  await rm(outDir, { recursive: true, force: true });
  report(`preflight (clinic example, ${tests[0].text.split('\n').length}-line test file), CPU`, cpu);
}

/** One generate run interrupted by SIGINT once `ready()` holds; ms from the signal to the exit. */
async function interrupted(testFile, replyOptions, ready) {
  const dir = await mkdtemp(path.join(tmpdir(), 'backsmith-bench-cancel-'));
  const tmp = await mkdtemp(path.join(tmpdir(), 'backsmith-bench-cancel-tmp-'));
  for (const name of ['plant_swap_technical_design.md', 'plant_swap_user_stories.md', 'test_plant_swap_acceptance.py']) await copyFile(path.join(PLANT, name), path.join(dir, name));
  await copyFile(path.join(ROOT, 'test-fixtures', 'cancel', 'test_plant_swap_slow.py'), path.join(dir, 'test_plant_swap_slow.py'));
  const good = await readFile(path.join(PLANT, 'plant_swap_registry.py'), 'utf8');
  const server = await startOpenAiServer([{ events: openAiStreamEvents(good, { deltaSize: replyOptions.deltaSize }), ...(replyOptions.stall ? { stallAfterEvents: 4 } : {}) }]);
  const args = [path.join(ROOT, 'bin', 'backsmith.js'), 'generate', '--design', 'plant_swap_technical_design.md', '--stories', 'plant_swap_user_stories.md', '--tests', testFile, '--model', 'openai:gpt-4.1', '--base-url', server.baseUrl];
  const child = spawn(process.execPath, args, { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: tmp, OPENAI_API_KEY: 'sk-bench-0123456789abcdef' } });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  let sentAt = 0;
  const closed = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  while (!sentAt) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (await ready(stderr, tmp, server)) {
      sentAt = performance.now();
      child.kill('SIGINT');
    }
  }
  const code = await closed;
  const ms = performance.now() - sentAt;
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await rm(tmp, { recursive: true, force: true });
  if (code !== 130) throw new Error(`expected exit 130, got ${code}`);
  return ms;
}

async function sandboxRunning(tmp) {
  const entries = await readdir(tmp);
  return entries.some((name) => name.startsWith('backsmith-sandbox-') && existsSync(path.join(tmp, name, 'view')));
}

/** Prints the figures. */
export default async function bench() {
  await preflightCpu();
  const drafting = [];
  for (let run = 0; run < RUNS; run++) {
    let seen = 0;
    // Once the server has the request: the stream is open and the SDK loaded.
    drafting.push(await interrupted('test_plant_swap_acceptance.py', { deltaSize: 200, stall: true }, (_, __, server) => server.requests.length > 0 && (seen ||= performance.now()) && performance.now() - seen > 300));
  }
  report('Ctrl-C while the model streams: signal → exit 130 (wall)', drafting);
  if (missingProtections(protectionsFor(await hostCapabilities()), REQUIRED_PROTECTIONS).length > 0) {
    console.log('Ctrl-C during the sandboxed test run: skipped (this host cannot sandbox)');
    return;
  }
  const sandbox = [];
  for (let run = 0; run < RUNS; run++) {
    let seen = 0;
    sandbox.push(await interrupted('test_plant_swap_slow.py', { deltaSize: 4000, stall: false }, async (_, tmp) => {
      if (!seen && (await sandboxRunning(tmp))) seen = performance.now();
      return seen > 0 && performance.now() - seen > 500;
    }));
  }
  report('Ctrl-C while a test sleeps in the sandbox: signal → exit 130 (wall)', sandbox);
  console.log(`(medians ${median(drafting).toFixed(0)} / ${median(sandbox).toFixed(0)} ms; the limit is 1,000 ms, a forced exit comes at 500 ms)`);
}
