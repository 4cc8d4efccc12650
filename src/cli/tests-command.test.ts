import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, useFakeServerProject } from '../generate/test-support/fake-server-project.js';
import { FIXTURE_DIR } from '../generate/test-support/plant-swap-fixture.js';
import type { FakeServer } from '../model/test-support/fake-http-server.js';
import { openAiStreamEvents } from '../model/test-support/openai-wire.js';

const FAKE_KEY = 'sk-proj-BACKSMITHfakeKEY-testscmd-0123456789';
const fixture = useFakeServerProject({ withoutTests: true });
const { project } = fixture;
let server: FakeServer | null = null;
const backsmith = (args: string[], env: NodeJS.ProcessEnv = {}, onChild?: (child: ChildProcess) => void) => fixture.backsmith(args, { env, ...(onChild ? { onChild } : {}) });

describe.skipIf(!existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'tests-command.js')))('backsmith tests (built binary)', () => {
  it('writes checked tests through a fake server (exit 0) and names the run', async () => {
    const good = await readFile(path.join(FIXTURE_DIR, 'test_plant_swap_acceptance.py'), 'utf8');
    server = await fixture.serve([{ events: openAiStreamEvents(`Here you go:\n\n\`\`\`python\n${good}\`\`\`\n`, { finishReason: 'stop' }) }]);
    const run = await backsmith(['tests', '--design', project.design, '--stories', project.stories, '--model', 'openai:gpt-4.1', '--base-url', server.baseUrl, '--temperature', '0'], { OPENAI_API_KEY: FAKE_KEY });
    expect(run.code, run.stderr).toBe(0);
    // --temperature reaches the request, 0 included (a value, not an absent flag).
    expect(server.requests.map((request) => (request.body as { temperature?: number }).temperature)).toEqual([0]);
    expect(run.stdout).toMatch(/^✔ Wrote src\/copilot_genereated\/engineering\/test_plant_swap_acceptance\.py/);
    expect(run.stdout).toMatch(/8\/8 criteria have a test; imports plant_swap_registry/);
    expect(run.stdout).toMatch(/; 812 tokens in \/ \d{1,3}(,\d{3})* out;/);
    expect(run.stderr).toMatch(/✔ first test file: passed the test-file checks \(.*code fence/);
    expect(await readFile(path.join(project.dir, 'src/copilot_genereated/engineering/test_plant_swap_acceptance.py'), 'utf8')).toBe(good);
    expect(`${run.stdout}${run.stderr}`).not.toContain(FAKE_KEY);
  });

  it('refuses a --temperature out of range as a usage error, exit 2, before any request', async () => {
    const run = await backsmith(['tests', '--design', project.design, '--stories', project.stories, '--model', 'openai:gpt-4.1', '--temperature', '3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: option '--temperature <t>' argument '3' is invalid\. expected a number from 0 to 2\.\n/);
  });

  it('--json prints one result; exit 1 and nothing written when no round is usable', async () => {
    const copy = await readFile(path.join(FIXTURE_DIR, '../acceptance/reply-embedded-copy.py'), 'utf8');
    server = await fixture.serve([copy, copy].map((text) => ({ events: openAiStreamEvents(text, { finishReason: 'stop' }) })));
    const run = await backsmith(['tests', '--design', project.design, '--stories', project.stories, '--model', 'openai:gpt-4.1', '--base-url', server.baseUrl, '--max-rounds', '1', '--json'], { OPENAI_API_KEY: FAKE_KEY });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ outcome: 'failed', attempts: [{ round: 0, usable: false }, { round: 1, usable: false }] });
    expect(result.findings.map((finding: { checkId: string }) => finding.checkId)).toContain('tests/embedded-copy');
    expect(existsSync(result.path)).toBe(false);
  });

  it('generate without --tests asks the QA agent first and delivers the tests with the module; --no-tests does not', async () => {
    const good = await readFile(path.join(FIXTURE_DIR, 'test_plant_swap_acceptance.py'), 'utf8');
    const module = await readFile(path.join(FIXTURE_DIR, 'plant_swap_registry.py'), 'utf8');
    server = await fixture.serve([good, module].map((text) => ({ events: openAiStreamEvents(text, { finishReason: 'stop' }) })));
    const generate = ['generate', '--design', project.design, '--stories', project.stories, '--model', 'openai:gpt-4.1', '--base-url', server.baseUrl];
    const run = await backsmith([...generate, '--temperature', '0.4'], { OPENAI_API_KEY: FAKE_KEY });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/acceptance tests: test_plant_swap_acceptance\.py, 8 test\(s\) written by the QA agent, delivered next to the module/);
    expect(existsSync(path.join(project.dir, 'src/copilot_genereated/engineering/test_plant_swap_acceptance.py'))).toBe(true);
    expect(server.requests).toHaveLength(2);
    // --temperature reaches the test writer's request as well as the draft's.
    const bodies = server.requests.map((request) => request.body as { temperature?: number; messages: Array<{ content: string }> });
    expect(bodies[0]!.messages[0]!.content).toMatch(/^# QA engineer/);
    expect(bodies.map((body) => body.temperature)).toEqual([0.4, 0.4]);
    // The run record tells the test writer's call from the module writer's.
    const [runId] = await readdir(path.join(project.dir, '.backsmith', 'runs'));
    const record = JSON.parse(await readFile(path.join(project.dir, '.backsmith', 'runs', runId!, 'run.json'), 'utf8'));
    expect(record.calls.map((call: { role: string; round: number; kind: string }) => [call.role, call.round, call.kind])).toEqual([['test-writer', 0, 'draft'], ['module-writer', 0, 'draft']]);
    const show = await backsmith(['runs', 'show', runId!]);
    expect(show.stdout).toMatch(/\n {2}1\. test writer, round 0 draft 0: stop/);
    expect(show.stdout).toMatch(/\n {2}2\. round 0 draft 1: stop/);
    server = await fixture.serve([{ events: openAiStreamEvents(module, { finishReason: 'stop' }) }]);
    const skipped = await backsmith([...generate.slice(0, -1), server.baseUrl, '--no-tests', '--json'], { OPENAI_API_KEY: FAKE_KEY });
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(JSON.parse(skipped.stdout).acceptanceTests).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  }, 180_000);

  it('Ctrl-C while the model writes: exit 130, nothing written, the run recorded as cancelled', async () => {
    server = await fixture.serve([{ events: openAiStreamEvents('import unittest\n', { finishReason: 'stop' }), delayMs: 20_000 }]);
    const waiting = server;
    const run = await backsmith(['tests', '--design', project.design, '--stories', project.stories, '--model', 'openai:gpt-4.1', '--base-url', server.baseUrl], { OPENAI_API_KEY: FAKE_KEY }, (child) => {
      const poll = setInterval(() => {
        if (waiting.requests.length > 0) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 50);
      child.on('close', () => clearInterval(poll));
    });
    expect(run.code, run.stderr).toBe(130);
    expect(existsSync(path.join(project.dir, 'src'))).toBe(false);
    const [runId] = await readdir(path.join(project.dir, '.backsmith', 'runs'));
    const record = JSON.parse(await readFile(path.join(project.dir, '.backsmith', 'runs', runId!, 'run.json'), 'utf8'));
    expect(record.outcome).toBe('cancelled');
  });

  it('exits 2 with a one-line message for bad input and no model', async () => {
    const missing = await backsmith(['tests', '--design', 'nope.md', '--stories', project.stories, '--model', 'openai:gpt-4.1'], { OPENAI_API_KEY: FAKE_KEY });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const noModel = await backsmith(['tests', '--design', project.design, '--stories', project.stories]);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain('No model is configured');
    const rounds = await backsmith(['tests', '--design', project.design, '--stories', project.stories, '--max-rounds', 'lots']);
    expect(rounds.code).toBe(2);
  });
});
