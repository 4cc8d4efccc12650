import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runBacksmith } from './run-cli.js';
import { useScratchFolder } from './scratch-folder.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'clinic_booking');
const DESIGN = path.join(EXAMPLE, 'clinic_booking_technical_design.md');
const STORIES = path.join(EXAMPLE, 'clinic_booking_user_stories.md');
const scratch = useScratchFolder('backsmith-bad-options-');

/** The lines of stderr from backsmith's or commander's message on (progress lines before it are not errors). */
const errorLines = (stderr: string) => stderr.slice(Math.max(0, stderr.search(/backsmith: |error: /))).trim().split('\n');

describe('option values out of range are refused before anything runs (built binary)', () => {
  it.each([
    ['--candidates', '0', 'expected a whole number from 1 to 10.'],
    ['--candidates', '11', 'expected a whole number from 1 to 10.'],
    ['--jobs', '0', 'expected a whole number from 1 to 10.'],
    ['--max-rounds', '21', 'expected a whole number from 0 to 20.'],
    ['--max-output-tokens', '0', 'expected a whole number from 1.'],
    ['--max-requests', '0', 'expected a whole number from 1 to 1000.'],
    ['--max-tokens', '0', 'expected a whole number from 1.'],
  ])('generate %s %s, even with --dry-run (which used to print the prompt and exit 0)', (option, value, expected) => {
    const run = runBacksmith(['generate', '--design', DESIGN, '--stories', STORIES, '--model', 'openai:gpt-4.1', '--no-tests', '--dry-run', option, value], { cwd: scratch.join() });
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)[0]).toBe(`error: option '${option} <n>' argument '${value}' is invalid. ${expected}`);
    expect(run.stdout).toBe('');
  }, 60_000);

  it('tests --max-output-tokens 0 and --max-rounds 21 are usage errors', () => {
    for (const [option, value] of [['--max-output-tokens', '0'], ['--max-rounds', '21']] as const) {
      const run = runBacksmith(['tests', '--design', DESIGN, '--stories', STORIES, '--model', 'openai:gpt-4.1', option, value], { cwd: scratch.join() });
      expect(run.code).toBe(2);
      expect(errorLines(run.stderr)[0]).toMatch(new RegExp(`^error: option '${option} <n>' argument '${value}' is invalid\\.`));
    }
  }, 60_000);
});

describe('an option given with its --no- form in one command line is refused (built binary)', () => {
  it.each([
    [['generate', '--design', DESIGN, '--stories', STORIES, '--model', 'openai:gpt-4.1', '--dry-run', '--tests', path.join(EXAMPLE, 'test_clinic_booking_acceptance.py'), '--no-tests'], 'tests'],
    [['generate', '--design', DESIGN, '--stories', STORIES, '--model', 'openai:gpt-4.1', '--dry-run', '--no-tests', '--no-types', '--types'], 'types'],
    [['verify', path.join(EXAMPLE, 'clinic_booking_scheduler.py'), '--no-run', '--types', '--no-types'], 'types'],
  ])('%j: exit 2, one line (commander kept the last one silently: --no-tests dropped the given tests)', (args, name) => {
    const run = runBacksmith(args, { cwd: scratch.join() });
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toEqual([`backsmith: --${name} and --no-${name} cannot be combined: give one of them.`]);
    expect(run.stdout).toBe('');
  }, 60_000);
});

describe('backsmith tests --out naming something that cannot take the file (built binary)', () => {
  it('a folder at --out is exit 2 in one line before any model is resolved or called (no run recorded)', () => {
    const folder = scratch.join('already_a_folder.py');
    mkdirSync(folder);
    // No key and no server: the check comes first, so nothing is spent learning the file cannot be written.
    const run = runBacksmith(['tests', '--design', DESIGN, '--stories', STORIES, '--model', 'openai:gpt-4.1', '--out', folder], { cwd: scratch.join(), env: { PATH: process.env.PATH } });
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toEqual([`backsmith: --out ${folder} is a folder: give the test file's name, e.g. ${path.join(folder, 'test_feature_acceptance.py')}.`]);
  }, 60_000);
});

describe('backsmith tests: where the file goes is checked before the model (built binary)', () => {
  it('--out under a file, and --out-dir naming a file, are exit 2 in one line with no key or server needed', () => {
    const blocker = scratch.file('blocker.txt', 'a file where a folder should be');
    for (const [args, message] of [
      [['--out', path.join(blocker, 'test_x.py')], `backsmith: Preflight: the folder of --out ${path.join(blocker, 'test_x.py')} is a file, not a folder: remove it or pass another --out.`],
      [['--out-dir', blocker], `backsmith: Preflight: --out-dir ${blocker} is a file, not a folder: remove it or pass another --out-dir.`],
    ] as const) {
      const run = runBacksmith(['tests', '--design', DESIGN, '--stories', STORIES, '--model', 'openai:gpt-4.1', ...args], { cwd: scratch.join(), env: { PATH: process.env.PATH } });
      expect(run.code).toBe(2);
      expect(errorLines(run.stderr)).toEqual([message]);
    }
  }, 60_000);
});

describe('terminal controls in what the user passed are shown, not obeyed (built binary)', () => {
  it('a module named with ESC and BEL sequences gets a one-line error with them escaped', () => {
    const file = scratch.file('z\u001b]0;pwned\u0007\u001b[2K.py', Buffer.from([0x78, 0x00, 0x01]));
    const run = runBacksmith(['verify', file, '--no-run', '--no-types']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(errorLines(run.stderr)).toEqual([`backsmith: Python module ${scratch.join('z\\e]0;pwned\\x07\\e[2K.py')} is a binary file (it contains NUL bytes), not text.`]);
  }, 60_000);

  it('agents shows an agent file\'s description with its ESC sequence escaped', () => {
    const project = scratch.join('agents-project');
    mkdirSync(path.join(project, '.github', 'agents'), { recursive: true });
    writeFileSync(path.join(project, '.github', 'agents', 'evil.agent.md'), '---\ndescription: "Helps \\e[2J\\e]0;pwned\\a you"\n---\nDo things.\n');
    const run = runBacksmith(['agents'], { cwd: project });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/[\u001b\u0007]/);
    expect(run.stdout).toContain('    Helps \\e[2J\\e]0;pwned\\x07 you');
  }, 60_000);

  it('an unknown option holding ESC is escaped in commander\'s error too', () => {
    const run = runBacksmith(['verify', 'x.py', '--\u001b[31mred']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain("unknown option '--\\e[31mred'");
  }, 60_000);
});

describe('a project folder where run records cannot be written (built binary)', () => {
  it('generate stops in one line (exit 2) before any model call, not with an internal error', () => {
    const project = scratch.join('blocked-project');
    mkdirSync(project);
    writeFileSync(path.join(project, '.backsmith'), 'a file where the runs folder goes');
    // Port 9 (discard) has no server: a model call would fail differently, after the record was needed.
    const run = runBacksmith(['generate', '--design', DESIGN, '--stories', STORIES, '--model', 'openai:gpt-4.1', '--base-url', 'http://127.0.0.1:9/v1', '--no-tests', '--no-run'], { cwd: project, env: { PATH: process.env.PATH, OPENAI_API_KEY: 'sk-test-not-a-real-key-0000000000' } });
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toEqual([`backsmith: Cannot record the run in ${path.join(project, '.backsmith', 'runs')}: a part of the path is a file, not a folder (ENOTDIR). Run backsmith where it can write .backsmith/runs/ (its run records).`]);
  }, 60_000);
});

describe('backsmith mcp refuses a broken registration when the editor starts it (built binary)', () => {
  it.each([
    [['--model', 'gpt-4.1'], 'backsmith: Model id "gpt-4.1" must be PROVIDER:MODEL. Did you mean --model openai:gpt-4.1?'],
    [['--model', 'nope:x'], expect.stringMatching(/^backsmith: Unknown provider "nope" in model id "nope:x"\. Known providers: /)],
    [['--base-url', 'localhost:8080'], 'backsmith: --base-url "localhost:8080" is not an http(s) URL; expected e.g. http://localhost:8080/v1.'],
    [['--config', 'missing-config.json'], 'backsmith: Configuration file not found: missing-config.json'],
  ])('mcp %j: exit 2 and one line on stderr, nothing on stdout (the protocol channel)', (args, message) => {
    const run = runBacksmith(['mcp', ...args], { cwd: scratch.join() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([message]);
  }, 60_000);
});
