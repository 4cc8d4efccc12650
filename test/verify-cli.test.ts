import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runBacksmith } from './run-cli.js';
import { useScratchFolder } from './scratch-folder.js';

const CLEAN_MODULE = path.join(REPO_ROOT, 'test-fixtures', 'modules', 'clean_counter.py');
const scratch = useScratchFolder('backsmith-cli-');

describe('backsmith verify (built binary)', () => {
  it('passes a clean module with exit 0 and a one-line verdict', () => {
    const run = runBacksmith(['verify', CLEAN_MODULE, '--no-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/PASS .*clean_counter\.py/);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^✔ 1 module verified: no errors/);
  });

  it('fails invalid Python with exit 1 and the interpreter\'s message', () => {
    const broken = scratch.file('broken.py', '"""Doc."""\ndef f(:\n    return 1\n');
    const run = runBacksmith(['verify', broken, '--no-run']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('syntax/invalid-python');
    expect(run.stdout).toContain(`${broken}:2`);
    expect(run.stdout).toMatch(/✖ 1 of 1 module failed/);
  });

  it('prints one stable JSON document with --json', () => {
    const run = runBacksmith(['verify', CLEAN_MODULE, '--json', '--no-run']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['tool', 'modules', 'passed']);
    expect(report.tool.name).toBe('backsmith');
    expect(report.passed).toBe(true);
    const [module] = report.modules;
    expect(module).toMatchObject({ path: CLEAN_MODULE, passed: true, summary: { errors: 0 } });
    expect(module.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(module.checks.length).toBeGreaterThan(0);
    for (const check of module.checks) {
      expect(['passed', 'failed', 'skipped']).toContain(check.status);
      expect(typeof check.durationMs).toBe('number');
      if (check.status === 'skipped') expect(check.reason).toBeTruthy();
    }
  });

  it('writes SARIF 2.1.0 with rules and located results', () => {
    const broken = scratch.file('sarif_broken.py', 'def f(:\n    pass\n');
    const sarifFile = scratch.join('out.sarif');
    const run = runBacksmith(['verify', broken, '--sarif', sarifFile, '--no-run']);
    expect(run.code).toBe(1);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    expect(sarifRun.tool.driver.name).toBe('backsmith');
    expect(sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('syntax/invalid-python');
    const result = sarifRun.results.find((entry: { ruleId: string }) => entry.ruleId === 'syntax/invalid-python');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(1);
  });

  it('verifies every module of a directory, leaving test files out', () => {
    const directory = scratch.join('package');
    mkdirSync(directory);
    writeFileSync(path.join(directory, 'counter.py'), readFileSync(CLEAN_MODULE));
    writeFileSync(path.join(directory, 'test_counter.py'), 'import counter\n');
    const run = runBacksmith(['verify', directory, '--json', '--no-run']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).modules.map((module: { path: string }) => path.basename(module.path))).toEqual(['counter.py']);
  });

  it('accepts a configuration file that turns a check off', () => {
    const broken = scratch.file('off.py', 'def f(:\n    pass\n');
    const config = scratch.file('off.config.json', JSON.stringify({ severity: { 'syntax/invalid-python': 'off' } }));
    const run = runBacksmith(['verify', broken, '--config', config, '--json', '--no-run']);
    const [module] = JSON.parse(run.stdout).modules;
    expect(module.checks.find((check: { id: string }) => check.id === 'syntax/invalid-python')).toMatchObject({
      status: 'skipped',
      reason: 'turned off in configuration',
    });
  });
});

describe('backsmith verify on bad input: a clear message and exit 2, never a stack trace', () => {
  const cases: Array<{ name: string; make: () => string[]; message: RegExp }> = [
    { name: 'a missing file', make: () => [scratch.join('absent.py')], message: /not found: .*absent\.py/ },
    { name: 'an empty file', make: () => [scratch.file('empty.py', '')], message: /is empty/ },
    { name: 'a whitespace-only file', make: () => [scratch.file('blank.py', '\n  \n')], message: /is empty/ },
    { name: 'a binary file', make: () => [scratch.file('binary.py', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))], message: /binary file/ },
    { name: 'a non-UTF-8 file', make: () => [scratch.file('latin1.py', Buffer.from('x = "caf\xe9"\n', 'latin1'))], message: /not valid UTF-8/ },
    { name: 'a 5 MB file', make: () => [scratch.file('huge.py', `x = 1\n`.repeat(900_000))], message: /is 5\.\d MB; the limit is 1\.0 MB/ },
    {
      name: 'a directory with no modules',
      make: () => {
        const directory = scratch.join('no-modules');
        mkdirSync(directory, { recursive: true });
        writeFileSync(path.join(directory, 'notes.txt'), 'hello');
        return [directory];
      },
      message: /No Python modules .* found in directory/,
    },
    {
      name: 'an unreadable path (a file used as a folder)',
      make: () => [path.join(scratch.file('plain.txt', 'x'), 'module.py')],
      message: /Cannot read .*plain\.txt\/module\.py/,
    },
    {
      name: 'a dangling symlink',
      make: () => {
        const link = scratch.join('dangling.py');
        symlinkSync(scratch.join('nowhere.py'), link);
        return [link];
      },
      message: /not found: .*dangling\.py/,
    },
    { name: 'a missing configuration file', make: () => [CLEAN_MODULE, '--config', scratch.join('nope.json')], message: /Configuration file not found/ },
    { name: 'an invalid configuration', make: () => [CLEAN_MODULE, '--config', scratch.file('bad.json', '{"lineLength": "long"}')], message: /^backsmith: Invalid configuration in \S+bad\.json: lineLength: .*\n$/ },
    { name: 'a missing acceptance test file', make: () => [CLEAN_MODULE, '--tests', scratch.join('test_absent.py')], message: /test file not found: .*test_absent\.py/ },
    { name: '--tests together with --no-run', make: () => [CLEAN_MODULE, '--tests', scratch.file('test_given.py', 'import unittest\n')], message: /^backsmith: --tests cannot be combined with --no-run: [^\n]*\n$/ },
    {
      name: 'two test files with one base name',
      make: () => {
        mkdirSync(scratch.join('one'), { recursive: true });
        mkdirSync(scratch.join('two'), { recursive: true });
        const first = scratch.join('one', 'test_same.py');
        const second = scratch.join('two', 'test_same.py');
        writeFileSync(first, 'import unittest\n');
        writeFileSync(second, 'import unittest\n');
        return [CLEAN_MODULE, '--tests', first, second];
      },
      message: /Test files .*one\/test_same\.py and .*two\/test_same\.py have the same name, test_same\.py: rename one so both can run\./,
    },
    { name: 'a SARIF path under a file', make: () => [CLEAN_MODULE, '--sarif', path.join(scratch.file('plain.txt', 'x'), 'out.sarif')], message: /--sarif .*plain\.txt\/out\.sarif cannot be written: .*plain\.txt is a file, not a folder\./ },
    { name: 'a configuration that is not JSON', make: () => [CLEAN_MODULE, '--config', scratch.file('bad2.json', '{oops')], message: /not valid JSON/ },
  ];
  for (const testCase of cases) {
    it(`rejects ${testCase.name}`, () => {
      const run = runBacksmith(['verify', ...testCase.make(), '--no-run']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(testCase.message);
      expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
      expect(run.stdout).toBe('');
    });
  }

  it('rejects an unknown option with exit 2', () => {
    const run = runBacksmith(['verify', CLEAN_MODULE, '--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--frobnicate'");
  });

  it('rejects a missing path argument with exit 2', () => {
    const run = runBacksmith(['verify']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing required argument');
  });
});
