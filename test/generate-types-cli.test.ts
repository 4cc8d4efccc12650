import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeServerProject } from '../src/generate/test-support/fake-server-project.js';
import { GOOD_MODULE } from '../src/generate/test-support/plant-swap-fixture.js';
import { openAiStreamEvents } from '../src/model/test-support/openai-wire.js';

// generate --types/--no-types and the configuration's typesMaxFiles, as verify has them: the built
// binary against a fake OpenAI server on 127.0.0.1; what was (not) type-checked is read from the
// result and from the run's report page, which lists every skipped check with its reason.
const FAKE_KEY = 'sk-proj-BACKSMITHfakeKEY-types-0123456789abcdef';
const fixture = useFakeServerProject();
const { project } = fixture;
const SKIPPED_TYPES = /types\/argument-type \(types not checked: ([^)]*\)?)\)/;

async function generate(extra: string[]): Promise<{ result: Record<string, any>; page: string }> {
  const server = await fixture.serve([{ events: openAiStreamEvents(GOOD_MODULE, { deltaSize: 4000 }) }]);
  const run = await fixture.backsmith(['generate', '--design', project.design, '--stories', project.stories, '--no-run', '--model', 'openai:gpt-4.1', '--base-url', server.baseUrl, '--json', ...extra], { env: { OPENAI_API_KEY: FAKE_KEY } });
  expect(run.code, run.stderr + run.stdout).toBe(0);
  const result = JSON.parse(run.stdout);
  return { result, page: await readFile(path.join(result.runDir, 'report.html'), 'utf8') };
}

describe('generate --types / --no-types (built binary, fake OpenAI server)', { timeout: 120_000 }, () => {
  it('--no-types skips pyright: the types/ checks are reported as skipped with the reason, and the result says so', async () => {
    const { result, page } = await generate(['--no-types']);
    expect(result.outcome).toBe('delivered');
    expect(result.notChecked).toEqual(['types: --no-types given']);
    expect(page).toMatch(SKIPPED_TYPES);
    expect(SKIPPED_TYPES.exec(page)![1]).toBe('--no-types given');
  });

  it('typesMaxFiles 0 in the configuration skips them as in verify; --types checks them anyway', async () => {
    await writeFile(path.join(project.dir, 'backsmith.config.json'), JSON.stringify({ typesMaxFiles: 0 }));
    const skipped = await generate([]);
    expect(skipped.result.notChecked).toEqual(['types: typesMaxFiles is 0 in the configuration (pass --types to check them)']);
    expect(SKIPPED_TYPES.exec(skipped.page)![1]).toBe('typesMaxFiles is 0 in the configuration (pass --types to check them)');
    const forced = await generate(['--types']);
    expect(forced.result.outcome).toBe('delivered');
    expect(forced.result.notChecked).toBeUndefined();
    expect(forced.page).not.toMatch(/types not checked/);
  });

  it('says both flags in --help', async () => {
    const help = await fixture.backsmith(['generate', '--help']);
    expect(help.stdout).toMatch(/--types +type-check every draft with pyright/);
    expect(help.stdout).toMatch(/--no-types +skip the pyright type check of the drafts/);
  });
});
