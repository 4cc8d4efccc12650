import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useFakeServerProject } from '../src/generate/test-support/fake-server-project.js';
import { GOOD_MODULE } from '../src/generate/test-support/plant-swap-fixture.js';
import type { FakeServer } from '../src/model/test-support/fake-http-server.js';
import { openAiStreamEvents } from '../src/model/test-support/openai-wire.js';
import { REPO_ROOT } from './run-cli.js';

// Inputs and preflight of `generate`, through the built CLI and a fake OpenAI server on 127.0.0.1:
// every preflight problem exits 2 before the first request; --dry-run needs no model and no key, and is recorded;
// --requirements alone (no stories) delivers.
const FAKE_KEY = 'sk-proj-BACKSMITHfakeKEY-0123456789abcdefXYZ';
const REQUIREMENTS = path.join(REPO_ROOT, 'test-fixtures', 'requirements', 'plant_swap_requirements.txt');
const DELIVERABLE = 'src/copilot_genereated/engineering/plant_swap_registry.py';

const fixture = useFakeServerProject();
const { project } = fixture;
let server: FakeServer | null = null;
beforeEach(async () => {
  server = await fixture.serve([{ events: openAiStreamEvents(GOOD_MODULE, { deltaSize: 4000 }) }]);
});
const backsmith = (args: string[], env: NodeJS.ProcessEnv = { OPENAI_API_KEY: FAKE_KEY }) => fixture.backsmith(args, { env });

const model = () => ['--model', 'openai:gpt-4.1', '--base-url', server!.baseUrl];
const withStories = () => ['generate', '--design', project.design, '--stories', project.stories, ...model()];

describe('generate preflight: exit 2 with one line, before any model request', () => {
  it.each([
    ['an out-dir that is a file', async () => {
      await writeFile(path.join(project.dir, 'out'), 'not a folder\n');
      return ['--out-dir', 'out', '--tests', project.tests];
    }, /^backsmith: Preflight: --out-dir \S*\/out is a file, not a folder/],
    ['tests that import another module than the deliverable', async () => {
      const renamed = (await readFile(path.join(project.dir, project.tests), 'utf8')).replace('from plant_swap_registry import', 'from plant_shelf import');
      await writeFile(path.join(project.dir, 'test_shelf.py'), renamed);
      return ['--tests', 'test_shelf.py'];
    }, /^backsmith: Preflight: test_shelf\.py line \d+ imports `plant_shelf`, but the deliverable is plant_swap_registry\.py/],
    ['--feature/--module against the design\'s stated file name', async () => ['--feature', 'plant', '--module', 'shelf', '--tests', project.tests], /^backsmith: Preflight: --feature\/--module name the deliverable plant_shelf\.py, but the design states plant_swap_registry\.py/],
    ['neither --stories nor --requirements', async () => ['--tests', project.tests], /^backsmith: Pass --stories FILE/],
  ])('%s', async (_, setUp, message) => {
    const extra = await setUp();
    const args = message.source.includes('Pass --stories') ? ['generate', '--design', project.design, ...model(), ...extra] : [...withStories(), ...extra];
    const run = await backsmith(args);
    expect(run.code, run.stderr).toBe(2);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('backsmith:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(server!.requests).toHaveLength(0);
    expect(existsSync(path.join(project.dir, '.backsmith'))).toBe(false);
  }, 60_000);

  it('a read-only out-dir is refused before the model is called (sysfs refuses even root)', async () => {
    if (!existsSync('/sys/kernel')) return;
    const run = await backsmith([...withStories(), '--out-dir', '/sys/backsmith-out', '--tests', project.tests]);
    expect(run.code, run.stderr + run.stdout).toBe(2);
    expect(run.stderr).toMatch(/Preflight: --out-dir \/sys\/backsmith-out is not writable/);
    expect(server!.requests).toHaveLength(0);
  }, 60_000);
});

describe('generate --dry-run', () => {
  it('prints the first prompt with its token estimate and exits 0, without a key and without a request; the run folder keeps the prompt and the estimate', async () => {
    const run = await backsmith([...withStories(), '--tests', project.tests, '--dry-run'], {});
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^# backsmith generate --dry-run: nothing was sent; no model was called/);
    expect(run.stdout).toMatch(/# first prompt: about [\d,]+ tokens \(estimate: agent [\d,]+, task [\d,]+, design [\d,]+, stories [\d,]+/);
    expect(run.stdout).toMatch(/fits openai:gpt-4\.1's [\d,]+-token context window/);
    expect(run.stdout).toContain('=== system ===');
    expect(run.stdout).toContain('<user_stories file="plant_swap_user_stories.md">');
    expect(run.stdout).not.toContain('QA agent');
    expect(server!.requests).toHaveLength(0);

    // Recorded as every run is: run.json (outcome dry-run, inputs, estimate) and the prompt that was not sent.
    const runs = await readdir(path.join(project.dir, '.backsmith', 'runs'));
    expect(runs).toHaveLength(1);
    const runDir = path.join(project.dir, '.backsmith', 'runs', runs[0]!);
    expect(run.stdout).toContain(`# recorded in ${runDir} (backsmith runs show ${runs[0]})`);
    const record = JSON.parse(await readFile(path.join(runDir, 'run.json'), 'utf8'));
    expect(record).toMatchObject({
      outcome: 'dry-run', calls: [], drafts: [], model: { provider: 'openai', modelId: 'gpt-4.1' },
      settings: { deliverable: 'plant_swap_registry.py' }, inputs: { tests: [{ path: expect.stringMatching(/test_plant_swap_acceptance\.py$/) }] },
      dryRun: { promptFile: 'dry-run.prompt.md', estimatedTokens: expect.any(Number), fits: { ok: true } },
    });
    expect(record.dryRun.sections.map((section: { name: string }) => section.name)).toEqual(expect.arrayContaining(['agent', 'design', 'stories']));
    expect(run.stdout).toContain(`# first prompt: about ${record.dryRun.estimatedTokens.toLocaleString('en-US')} tokens`);
    const prompt = await readFile(path.join(runDir, 'dry-run.prompt.md'), 'utf8');
    expect(run.stdout.endsWith(prompt)).toBe(true);
    const show = await backsmith(['runs', 'show', 'latest'], {});
    expect(show.stdout).toMatch(/^Run \S+: dry-run \(dry run: the first prompt \(about [\d,]+ tokens\) was saved, not sent; no model was called\)/);
    expect(show.stdout).toMatch(/\nDry run: nothing was sent; first prompt about [\d,]+ tokens \(agent [\d,]+, .*\); fits the [\d,]+-token context window\nPrompt: .*dry-run\.prompt\.md\n/);

    const json = await backsmith(['generate', '--design', project.design, '--requirements', REQUIREMENTS, '--dry-run', '--json'], {});
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ model: null, fits: null, deliverable: { fileName: 'plant_swap_registry.py' }, runId: expect.any(String), testsFirst: true });
    expect(result.prompt.sections.map((section: { name: string }) => section.name)).toContain('requirements');
    expect(JSON.parse(await readFile(path.join(result.runDir, 'run.json'), 'utf8'))).toMatchObject({ outcome: 'dry-run', model: null, dryRun: { fits: null } });
  }, 60_000);

  it('still prints the prompt (exit 0) when the run folder cannot be written, and says why it was not recorded', async () => {
    await writeFile(path.join(project.dir, '.backsmith'), 'a file where the run folder would go\n');
    const run = await backsmith([...withStories(), '--dry-run'], {});
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\n# not recorded: .*\.backsmith/);
    // No --tests: the real run asks the QA agent first, a request the prompt shown does not include.
    expect(run.stdout).toMatch(/\n# before it, the QA agent is asked for the acceptance tests \(no --tests given\): .*--no-tests skips it\n/);
    expect((await backsmith([...withStories(), '--dry-run', '--no-tests'], {})).stdout).not.toContain('QA agent');
    expect(run.stdout).toContain('=== system ===');
    const json = JSON.parse((await backsmith([...withStories(), '--dry-run', '--json'], {})).stdout);
    expect(json).toMatchObject({ runId: null, runDir: null, notRecorded: expect.stringMatching(/\.backsmith/) });
  }, 60_000);
});

describe('generate --requirements (no user stories)', () => {
  it('delivers through the fake server, with the requirements in the prompt and the story checks said to be skipped', async () => {
    await copyFile(REQUIREMENTS, path.join(project.dir, 'requirements.txt'));
    const run = await backsmith(['generate', '--design', project.design, '--requirements', 'requirements.txt', '--tests', project.tests, ...model(), '--json']);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.outcome).toBe('delivered');
    expect(result.notChecked).toEqual([expect.stringMatching(/^story messages: no --stories given \(--requirements has no story structure/)]);
    expect(await readFile(path.join(project.dir, DELIVERABLE), 'utf8')).toBe(GOOD_MODULE);
    const request = server!.requests[0]!.body as { messages: Array<{ role: string; content: string }> };
    const user = request.messages.find((message) => message.role === 'user')!.content;
    expect(user).toContain('# Requirements');
    expect(user).toContain('<requirements file="requirements.txt">');
    expect(user).not.toContain('# User stories');
    const [runId] = await readdir(path.join(project.dir, '.backsmith', 'runs'));
    const record = JSON.parse(await readFile(path.join(project.dir, '.backsmith', 'runs', runId!, 'run.json'), 'utf8'));
    expect(record.inputs.stories).toBeNull();
    expect(record.inputs.requirements.path).toMatch(/requirements\.txt$/);
    expect(record.drafts[0].findings.filter((finding: { category: string }) => finding.category === 'stories')).toEqual([]);
  }, 120_000);
});
