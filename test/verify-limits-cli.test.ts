import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runBacksmith } from './run-cli.js';
import { useScratchFolder } from './scratch-folder.js';

const CLEAN = readFileSync(path.join(REPO_ROOT, 'test-fixtures', 'modules', 'clean_counter.py'), 'utf8');
const MUTABLE_DEFAULT = '\n\ndef remember(item: int, seen: list[int] = []) -> list[int]:\n    """Remember an item.\n\n    Args:\n        item: The item.\n        seen: Items so far.\n\n    Returns:\n        list[int]: Every item.\n    """\n    seen.append(item)\n    return seen\n';
const scratch = useScratchFolder('backsmith-limits-');

describe('backsmith verify: no lint evasion by size (built binary)', () => {
  it('a module padded with a 133 KB comment line is still linted, and fails on the Ruff error the padding would hide', () => {
    const padding = `# ${'x'.repeat(133 * 1024)}\n`;
    const plain = runBacksmith(['verify', scratch.file('plain.py', `${CLEAN}${MUTABLE_DEFAULT}`), '--no-run', '--json']);
    const padded = runBacksmith(['verify', scratch.file('padded.py', `${CLEAN}${padding}${MUTABLE_DEFAULT}`), '--no-run', '--json']);
    for (const run of [plain, padded]) {
      expect(run.code).toBe(1);
      const [module] = JSON.parse(run.stdout).modules;
      const errors = module.findings.filter((finding: { severity: string }) => finding.severity === 'error');
      expect(errors.map((finding: { checkId: string; message: string }) => `${finding.checkId} ${finding.message.split(' ')[0]}`)).toEqual(['quality/lint B006']);
    }
    // Without the error, the padded module passes: the padding costs a line-length warning, no more.
    const cleanPadded = runBacksmith(['verify', scratch.file('clean_padded.py', `${CLEAN}${padding}`), '--no-run']);
    expect(cleanPadded.code).toBe(0);
    expect(cleanPadded.stdout).toContain('E501 Line too long');
  }, 120_000);

  it('a module with more code than Ruff runs on fails with one clear error, unless the user waives lint', () => {
    const file = scratch.file('big_code.py', `${CLEAN}${Array.from({ length: 8_000 }, (_, index) => `LIMIT_${index} = ${index}\n`).join('')}`);
    const run = runBacksmith(['verify', file, '--no-run']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/lint skipped: the module holds \d+ KB of code besides its comments and strings; Ruff runs on up to 128 KB of code .*so the module cannot pass {2}\(quality\/lint\)/);
    const waived = runBacksmith(['verify', file, '--no-run', '--ignore', 'quality/lint']);
    expect(waived.code).toBe(0);
    expect(waived.stdout).toMatch(/error quality\/lint: lint skipped: .* \(waived by ignore quality\/lint\)/);
  }, 120_000);
});

describe('backsmith verify: a large module is not left to pyright by default (built binary)', () => {
  it('a 600 KB module: the types/ checks are skipped for its size, saying how to check it anyway', () => {
    const file = scratch.file('large_module.py', Array.from({ length: 30_000 }, (_, index) => `x${index} = y.z(${index})\n`).join(''));
    const run = runBacksmith(['verify', file, '--no-run', '--json']);
    expect(run.code).toBe(1);
    const [module] = JSON.parse(run.stdout).modules;
    const reasons = new Set(module.checks.filter((check: { id: string }) => check.id.startsWith('types/')).map((check: { reason?: string }) => check.reason));
    expect(reasons).toEqual(new Set(['types not checked: the module is 565 KB, more than the 128 KB type-checked by default (typesMaxKb in the configuration; pass --types to check it anyway)']));
  }, 120_000);
});

describe('backsmith verify: inputs it cannot read say why in one line (built binary)', () => {
  it('a UTF-16 module, and a module just over the limit in exact bytes', () => {
    const utf16 = runBacksmith(['verify', scratch.file('wide.py', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN, 'utf16le')])), '--no-run']);
    expect(utf16.code).toBe(2);
    expect(utf16.stderr).toMatch(/^backsmith: Python module .*wide\.py is UTF-16 text, not UTF-8: save it as UTF-8 and try again\.\n$/);
    const over = runBacksmith(['verify', scratch.file('over.py', 'x = 1\n'.repeat(180_000)), '--no-run']);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/^backsmith: Python module .*over\.py is 1,080,000 bytes; the limit is 1,048,576 bytes \(1\.0 MB\)\. Is this the right file\?\n$/);
  }, 60_000);

  it('in a directory: a link cycle is named as one, and an unreadable module is a finding without a syntax note', () => {
    const directory = scratch.join('tree');
    mkdirSync(directory);
    writeFileSync(path.join(directory, 'a_counter.py'), CLEAN);
    writeFileSync(path.join(directory, 'b_binary.py'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]));
    symlinkSync(path.join(directory, 'd_cycle.py'), path.join(directory, 'c_cycle.py'));
    symlinkSync(path.join(directory, 'c_cycle.py'), path.join(directory, 'd_cycle.py'));
    const run = runBacksmith(['verify', directory, '--no-run']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Skipped 2 entries: link cycle ${path.join(directory, 'c_cycle.py')}, link cycle ${path.join(directory, 'd_cycle.py')}`);
    expect(run.stdout).toMatch(/b_binary\.py {2}Python module .*b_binary\.py is a binary file \(it contains NUL bytes\), not text\. {2}\(verify\/unreadable-module\)/);
    expect(run.stdout).not.toContain('Syntax judged by tree-sitter');
  }, 60_000);
});

describe('errors are one line (a second only for what is already set) (built binary)', () => {
  it('an invalid configuration names every problem on one line', () => {
    const config = scratch.file('invalid.config.json', JSON.stringify({ lineLength: 5, colour: 'blue' }));
    const run = runBacksmith(['verify', scratch.file('one_line.py', CLEAN), '--no-run', '--config', config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^backsmith: Invalid configuration in .*invalid\.config\.json: lineLength: .*; \(root\): Unrecognized key: "colour"\.\n$/);
  }, 60_000);

  it('no model configured: one line with an example per provider', () => {
    const example = path.join(REPO_ROOT, 'examples', 'clinic_booking');
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/API_KEY|BASE_URL|OLLAMA_HOST|^BACKSMITH_MODEL/.test(name)));
    const run = runBacksmith(['generate', '--design', path.join(example, 'clinic_booking_technical_design.md'), '--stories', path.join(example, 'clinic_booking_user_stories.md'), '--no-tests'], { cwd: scratch.join(), env });
    expect(run.code).toBe(2);
    // Progress lines come first on stderr; the error is what follows `backsmith:`.
    const error = (stderr: string) => stderr.slice(stderr.indexOf('backsmith: '));
    expect(error(run.stderr)).toMatch(/^backsmith: No model is configured: pass --model PROVIDER:MODEL or set "model" in backsmith\.config\.json, e\.g\. openai:gpt-4\.1 \(with OPENAI_API_KEY\), .*\.\n$/);
    const withKey = runBacksmith(['generate', '--design', path.join(example, 'clinic_booking_technical_design.md'), '--stories', path.join(example, 'clinic_booking_user_stories.md'), '--no-tests'], { cwd: scratch.join(), env: { ...env, ANTHROPIC_API_KEY: 'sk-ant-not-a-key' } });
    expect(error(withKey.stderr).trim().split('\n')).toEqual([expect.stringMatching(/^backsmith: No model is configured/), 'Found in the environment: ANTHROPIC_API_KEY is set: try --model anthropic:claude-sonnet-4-20250514.']);
    expect(withKey.stderr).not.toContain('sk-ant-not-a-key');
  }, 60_000);
});

describe('generate --dry-run checks the model id as the real run does (built binary)', () => {
  const example = path.join(REPO_ROOT, 'examples', 'clinic_booking');
  const inputs = ['--design', path.join(example, 'clinic_booking_technical_design.md'), '--stories', path.join(example, 'clinic_booking_user_stories.md'), '--no-tests', '--dry-run'];

  it.each([
    ['an unknown provider', 'foo:bar', /^backsmith: Unknown provider "foo" in model id "foo:bar"\. Known providers: openai, /],
    ['an id without a provider', 'gpt-4.1', /^backsmith: Model id "gpt-4\.1" must be PROVIDER:MODEL\. Did you mean --model openai:gpt-4\.1\?/],
  ])('%s is exit 2 with one line, nothing recorded', (_name, model, message) => {
    const project = mkdtempSync(scratch.join('dry-'));
    const run = runBacksmith(['generate', ...inputs, '--model', model], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr.slice(run.stderr.indexOf('backsmith: '))).toMatch(message);
    expect(run.stderr.slice(run.stderr.indexOf('backsmith: ')).trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
    expect(existsSync(path.join(project, '.backsmith'))).toBe(false);
  }, 60_000);

  it('a known model still gets the prompt and its fit', () => {
    const run = runBacksmith(['generate', ...inputs, '--model', 'openai:gpt-4.1'], { cwd: mkdtempSync(scratch.join('dry-')) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/context window/);
  }, 60_000);
});
