import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeServerProject } from '../generate/test-support/fake-server-project.js';
import { FIXTURE_DIR } from '../generate/test-support/plant-swap-fixture.js';
import { resolveModel } from '../model/resolve-model.js';
import type { ScriptedResponse } from '../model/test-support/fake-http-server.js';
import { openAiStreamEvents } from '../model/test-support/openai-wire.js';
import { createScriptedModel } from '../model/scripted-model.js';
import { generateAcceptanceTests } from './generate-tests.js';

const FAKE_KEY = 'sk-proj-BACKSMITHfakeKEY-acceptance-0123456789';
const REPLIES = path.resolve(FIXTURE_DIR, '../acceptance');
const GOOD_TESTS = path.join(FIXTURE_DIR, 'test_plant_swap_acceptance.py');
const reply = (text: string): ScriptedResponse => ({ events: openAiStreamEvents(text, { finishReason: 'stop', deltaSize: 300 }) });

const fixture = useFakeServerProject({ withoutTests: true });
const { project } = fixture;

describe('generateAcceptanceTests over real HTTP (fake OpenAI server on 127.0.0.1)', () => {
  it('repairs a fenced file importing the wrong module, then one with its own copy of the module, and writes the checked third', async () => {
    const texts = await Promise.all([readFile(path.join(REPLIES, 'reply-fenced-wrong-import.md'), 'utf8'), readFile(path.join(REPLIES, 'reply-embedded-copy.py'), 'utf8'), readFile(GOOD_TESTS, 'utf8')]);
    const server = await fixture.serve(texts.map(reply));
    const model = resolveModel('openai:gpt-4.1', { baseUrl: server.baseUrl, env: { OPENAI_API_KEY: FAKE_KEY } });
    const progress: string[] = [];
    const result = await generateAcceptanceTests({ design: project.design, stories: project.stories, projectDir: project.dir, model, secrets: [FAKE_KEY], onProgress: (line) => progress.push(line) });

    expect(result).toMatchObject({ outcome: 'delivered', moduleName: 'plant_swap_registry', agent: 'qa-engineer' });
    expect(result.path).toBe(path.join(project.dir, 'src/copilot_genereated/engineering/test_plant_swap_acceptance.py'));
    expect(await readFile(result.path, 'utf8')).toBe(texts[2]);
    expect(result.attempts.map((attempt) => attempt.usable)).toEqual([false, false, true]);
    expect(result.attempts[0]!.stripped).toMatch(/code fence/);
    expect(result.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(result.uncovered).toEqual([]);
    expect(server.requests).toHaveLength(3);

    // The system prompt is the QA agent; the repair requests name the problems of the previous file.
    const bodies = server.requests.map((request) => request.body as { messages: { role: string; content: string }[] });
    expect(bodies[0]!.messages[0]!.content).toMatch(/^# QA engineer/);
    expect(bodies[0]!.messages[1]!.content).toContain('`test_us001_ac1_<slug>`');
    expect(bodies[1]!.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(bodies[1]!.messages[3]!.content).toMatch(/^# Problems to fix[\s\S]*plant_swap_registry/);
    expect(bodies[2]!.messages[3]!.content).toMatch(/# Problems to fix/);
    expect(progress.at(-1)).toMatch(/^✔ repair round 2: passed the test-file checks/);

    // The run record shows the three calls and each attempt.
    const record = JSON.parse(await readFile(path.join(result.runDir, 'run.json'), 'utf8'));
    expect(record).toMatchObject({ outcome: 'delivered', stopReason: 'passed', agent: { name: 'qa-engineer' }, settings: { deliverable: 'test_plant_swap_acceptance.py' }, delivered: { path: result.path } });
    expect(record.calls.map((call: { role: string; round: number; kind: string }) => [call.role, call.round, call.kind])).toEqual([['test-writer', 0, 'draft'], ['test-writer', 1, 'repair'], ['test-writer', 2, 'repair']]);
    const attempts = JSON.parse(await readFile(path.join(result.runDir, 'acceptance-tests.json'), 'utf8'));
    expect(attempts).toMatchObject({ status: 'usable', chosenRound: 2 });
    const ids = (index: number) => attempts.attempts[index].findings.map((finding: { checkId: string }) => finding.checkId);
    expect(ids(0)).toEqual(expect.arrayContaining(['tests/module-not-imported', 'tests/file-wrapped']));
    expect(ids(1)).toEqual(expect.arrayContaining(['tests/module-not-imported', 'tests/embedded-copy']));
    expect(ids(2)).toEqual([]);
    expect(await readFile(path.join(result.runDir, 'drafts', 'tests-round1.py'), 'utf8')).toBe(texts[1]);
    expect(await readFile(path.join(result.runDir, 'calls', '01-round0-draft1.reply.txt'), 'utf8')).toBe(texts[0]);
  });

  it('writes nothing when no round yields a usable file, and keeps the best one as FAILING in the run', async () => {
    const copy = await readFile(path.join(REPLIES, 'reply-embedded-copy.py'), 'utf8');
    const model = createScriptedModel([copy], { whenExhausted: 'repeat-last' });
    const result = await generateAcceptanceTests({ design: project.design, stories: project.stories, projectDir: project.dir, model, maxRounds: 2, secrets: [] });
    expect(result.outcome).toBe('failed');
    expect(result.reason).toMatch(/repair round 1 fixed none/);
    expect(existsSync(result.path)).toBe(false);
    expect(model.requests).toHaveLength(2);
    expect(await readFile(path.join(result.runDir, 'best-draft.FAILING.py'), 'utf8')).toBe(copy);
  });

  it('writes to --out, keeping a previous file as a backup', async () => {
    await writeFile(path.join(project.dir, 'mine.py'), '# old tests\n');
    const model = createScriptedModel([await readFile(GOOD_TESTS, 'utf8')]);
    const result = await generateAcceptanceTests({ design: project.design, stories: project.stories, projectDir: project.dir, model, out: 'mine.py', secrets: [] });
    expect(result).toMatchObject({ outcome: 'delivered', path: path.join(project.dir, 'mine.py') });
    expect(await readFile(result.backupPath!, 'utf8')).toBe('# old tests\n');
  });

  it('rejects a bad --max-rounds before any call', async () => {
    const model = createScriptedModel(['x']);
    await expect(generateAcceptanceTests({ design: project.design, stories: project.stories, projectDir: project.dir, model, maxRounds: 99 })).rejects.toThrow(/--max-rounds must be a whole number/);
    expect(model.requests).toHaveLength(0);
  });
});
