import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateModule } from '../generate/generate-module.js';
import type { ProgressEvent } from '../generate/progress-events.js';
import { chatty, FIXTURE_DIR, GOOD_MODULE, makeProject } from '../generate/test-support/plant-swap-fixture.js';
import { createScriptedModel } from '../model/scripted-model.js';
import { formatAcceptanceLine } from './format-acceptance.js';

const GOOD_TESTS = await readFile(path.join(FIXTURE_DIR, 'test_plant_swap_acceptance.py'), 'utf8');
/** A test file the checks cannot fault (no message is reworded) whose expected data is wrong: Mint has 2 cuttings, not 3. */
const WRONG_DATA_TESTS = GOOD_TESTS.replace('[["P1", "Fern", 1], ["P2", "Mint", 2]]', '[["P1", "Fern", 1], ["P2", "Mint", 3]]');

let project: Awaited<ReturnType<typeof makeProject>>;
beforeEach(async () => {
  project = await makeProject();
  await rm(path.join(project.dir, project.tests));
});
afterEach(async () => {
  await rm(project.dir, { recursive: true, force: true });
});

function run(replies: string[], extra: Partial<Parameters<typeof generateModule>[0]> = {}) {
  const model = createScriptedModel(replies);
  const events: ProgressEvent[] = [];
  const result = generateModule({ design: project.design, stories: project.stories, projectDir: project.dir, model, secrets: [], onProgress: (event) => events.push(event), ...extra });
  return { model, events, result };
}

describe('generate without --tests writes acceptance tests first and verifies drafts against them', () => {
  it('writes and checks the tests, verifies the draft against them, delivers both side by side', async () => {
    const { model, result, events } = run([GOOD_TESTS, GOOD_MODULE]);
    const outcome = await result;
    expect(outcome).toMatchObject({ outcome: 'delivered', acceptanceTests: { status: 'usable', fileName: 'test_plant_swap_acceptance.py', suspectTests: [] } });
    expect(outcome.acceptanceTests!.tests).toHaveLength(8);
    expect(model.requests[0]!.system).toMatch(/^# QA engineer/);
    expect(model.requests[1]!.system).toMatch(/^# Python backend engineer/);
    const out = path.join(project.dir, 'src/copilot_genereated/engineering');
    expect(await readFile(path.join(out, 'test_plant_swap_acceptance.py'), 'utf8')).toBe(GOOD_TESTS);
    expect(outcome.acceptanceTests!.deliveredPath).toBe(path.join(out, 'test_plant_swap_acceptance.py'));
    const record = JSON.parse(await readFile(path.join(outcome.runDir, 'run.json'), 'utf8'));
    expect(record.calls.map((call: { candidate: number; kind: string }) => [call.candidate, call.kind])).toEqual([[0, 'draft'], [1, 'draft']]);
    expect(record.inputs.tests).toHaveLength(1);
    expect(record.inputs.tests[0].path).toBe(path.join(outcome.runDir, 'test_plant_swap_acceptance.py'));
    const acceptance = JSON.parse(await readFile(path.join(outcome.runDir, 'acceptance-tests.json'), 'utf8'));
    expect(acceptance).toMatchObject({ status: 'usable', deliveredPath: path.join(out, 'test_plant_swap_acceptance.py') });
    expect(events).toContainEqual({ type: 'note', message: 'acceptance tests: 8 test(s); every draft is verified against them' });
  });

  it('with --candidates, a test every independent draft fails while meeting everything else is suspect: reported, not blocking', async () => {
    const { result } = run([WRONG_DATA_TESTS, GOOD_MODULE, chatty(GOOD_MODULE)], { candidates: 2, maxRounds: 0 });
    const outcome = await result;
    expect(outcome.drafts.map((draft) => [draft.candidate, draft.passed])).toEqual([[1, false], [2, true]]);
    expect(outcome).toMatchObject({ outcome: 'delivered', acceptanceTests: { suspectTests: ['test_us003_ac1_list'] } });
    expect(outcome.acceptanceTests!.ranking.map((entry) => [entry.id, entry.agreeing, entry.passed])).toEqual([['draft 1', 2, 7], ['draft 2', 2, 7]]);
    const record = JSON.parse(await readFile(path.join(outcome.runDir, 'run.json'), 'utf8'));
    const warned = record.drafts[1].findings.find((finding: { checkId: string }) => finding.checkId === 'tests/failed');
    expect(warned).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^Suspect generated test/) });
  });

  it('with --candidates and no passing draft, repairs start from the draft ranked first by agreement, not the one with the fewest findings', async () => {
    // Drafts 2 and 3 behave right (all tests pass) but lack two return annotations; draft 1 is clean but lists rows wrongly.
    const unannotated = GOOD_MODULE.replace('def _validate_cuttings(cuttings: int) -> int:', 'def _validate_cuttings(cuttings: int):').replace('def _validate_name(name: str) -> str:', 'def _validate_name(name: str):');
    const wrongRows = GOOD_MODULE.replace('[plant["plant_id"], plant["name"], plant["cuttings"]]', '[plant["plant_id"], plant["cuttings"], plant["name"]]');
    const { model, result, events } = run([GOOD_TESTS, wrongRows, unannotated, chatty(unannotated), GOOD_MODULE], { candidates: 3, maxRounds: 1 });
    const outcome = await result;
    expect(outcome.drafts.map((draft) => [draft.round, draft.candidate, draft.errors])).toEqual([[0, 1, 1], [0, 2, 2], [0, 3, 2], [1, 1, 0]]);
    expect(model.requests[4]!.messages[1]!.content).toBe(unannotated);
    expect(outcome).toMatchObject({ outcome: 'delivered', acceptanceTests: { repairBase: 'draft 2', suspectTests: [] } });
    expect(outcome.acceptanceTests!.ranking.map((entry) => [entry.id, entry.score])).toEqual([['draft 2', 16], ['draft 3', 16], ['draft 1', 7]]);
    expect(events).toContainEqual({ type: 'note', message: expect.stringMatching(/^repairing draft 2, ranked first by agreement .*2 draft\(s\) pass the same 8 test\(s\)\), not draft 1$/) });
    expect(formatAcceptanceLine(outcome.acceptanceTests!)).toBe('acceptance tests: test_plant_swap_acceptance.py, 8 test(s) written by the QA agent, delivered next to the module; ranking by agreement (drafts passing the same tests × tests passed): draft 2 16 = draft 3 16 (tie: same other errors, so in draft order) > draft 1 7; repairs started from draft 2, ranked first');
  });

  it('a skipped test is not counted as passed when ranking the drafts', async () => {
    const skipping = GOOD_TESTS.replace('    def test_us003_ac2_empty(self) -> None:\n', '    @unittest.skip("the empty shelf is not settled yet")\n    def test_us003_ac2_empty(self) -> None:\n');
    const { result } = run([skipping, GOOD_MODULE], { maxRounds: 0 });
    const outcome = await result;
    expect(outcome).toMatchObject({ outcome: 'delivered', acceptanceTests: { status: 'usable' } });
    expect(outcome.acceptanceTests!.ranking.map((entry) => [entry.id, entry.passed])).toEqual([['draft 1', 7]]);
  });

  it('with one draft, generated tests still gate: no agreement to doubt them', async () => {
    const { result } = run([WRONG_DATA_TESTS, GOOD_MODULE], { maxRounds: 0 });
    const outcome = await result;
    expect(outcome.outcome).toBe('failed');
    expect(outcome.remainingErrors.map((finding) => finding.checkId)).toEqual(['tests/failed']);
    expect(existsSync(path.join(project.dir, 'src/copilot_genereated/engineering/test_plant_swap_acceptance.py'))).toBe(false);
  });

  it('charges the test writer\'s requests to the run\'s budget', async () => {
    const { model, result } = run([GOOD_TESTS, GOOD_MODULE], { maxRequests: 1 });
    const outcome = await result;
    expect(model.requests).toHaveLength(1);
    expect(outcome).toMatchObject({ outcome: 'failed', stopReason: 'budget', acceptanceTests: { status: 'usable' } });
    const record = JSON.parse(await readFile(path.join(outcome.runDir, 'run.json'), 'utf8'));
    expect(record.spent.requests).toBe(1);
  });

  it('--no-tests (and --no-run) write no tests', async () => {
    const skipped = run([GOOD_MODULE], { noTests: true, noRun: true });
    const outcome = await skipped.result;
    expect(outcome.acceptanceTests).toBeUndefined();
    expect(skipped.model.requests).toHaveLength(1);
    const noRun = run([GOOD_MODULE], { noRun: true });
    expect((await noRun.result).acceptanceTests).toBeUndefined();
    expect(noRun.events).toContainEqual({ type: 'note', message: 'no acceptance tests written: the sandbox that runs tests is skipped (--no-run)' });
  });

  it('goes on without tests, saying so, when the test writer never produces a usable file', async () => {
    const copy = await readFile(path.join(FIXTURE_DIR, '../acceptance/reply-embedded-copy.py'), 'utf8');
    const { result, events } = run([copy, copy, GOOD_MODULE]);
    const outcome = await result;
    expect(outcome.acceptanceTests).toMatchObject({ status: 'unusable', tests: [] });
    expect(outcome.outcome).toBe('delivered');
    expect(events).toContainEqual({ type: 'note', message: expect.stringMatching(/^no usable acceptance tests \(repair round 1 fixed none.*\); drafts are verified without them$/) });
  });
});
