import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, openSync, closeSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runBacksmith } from './run-cli.js';
import { useScratchFolder } from './scratch-folder.js';

const CLEAN = readFileSync(path.join(REPO_ROOT, 'test-fixtures', 'modules', 'clean_counter.py'), 'utf8');
const scratch = useScratchFolder('backsmith-bad-output-');

/** Runs the built CLI with its stdout on `stdoutFd` (a real file descriptor, as a shell redirect gives). */
function runWithStdout(args: string[], stdoutFd: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'backsmith.js'), ...args], { cwd: REPO_ROOT, stdio: ['ignore', stdoutFd, 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** The lines of stderr from backsmith's own message on (the progress lines before it are not errors). */
const errorLines = (stderr: string) => stderr.slice(stderr.indexOf('backsmith: ')).trim().split('\n');

describe('backsmith writing where it cannot (built binary)', () => {
  it('a full disk for stdout (> /dev/full) is exit 2 and one line, not a pass', async () => {
    const module = scratch.file('clean.py', CLEAN);
    for (const args of [['verify', module, '--no-run', '--no-types'], ['verify', module, '--no-run', '--no-types', '--json'], ['checks']]) {
      const full = openSync('/dev/full', 'w');
      try {
        const run = await runWithStdout(args, full);
        expect(run.code, args.join(' ')).toBe(2);
        expect(errorLines(run.stderr)).toEqual(['backsmith: cannot write the output: no space left on the device (ENOSPC).']);
      } finally {
        closeSync(full);
      }
    }
  }, 120_000);

  it('stderr on a full disk (2> /dev/full) does not fail a report written in full', async () => {
    // `runs` with a damaged record writes its list to stdout and a note to stderr.
    const project = scratch.join('stderr-full-project');
    mkdirSync(path.join(project, '.backsmith', 'runs', '20260101-120000-000-abcd'), { recursive: true });
    const [stdout, stderr] = [openSync('/dev/null', 'w'), openSync('/dev/full', 'w')];
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'backsmith.js'), 'runs'], { cwd: project, stdio: ['ignore', stdout, stderr] });
        child.on('error', reject);
        child.on('close', resolve);
      });
      expect(code).toBe(0);
    } finally {
      closeSync(stdout);
      closeSync(stderr);
    }
  }, 60_000);

  it('--sarif and --html naming a device are written to, never replaced by a plain file (/dev/full: exit 2, no space left)', () => {
    const module = scratch.file('device.py', CLEAN);
    for (const option of ['--sarif', '--html']) {
      const run = runBacksmith(['verify', module, '--no-run', '--no-types', option, '/dev/full']);
      expect(run.code, run.stderr).toBe(2);
      expect(errorLines(run.stderr)).toEqual([expect.stringMatching(/^backsmith: Cannot write the .* to \/dev\/full: no space left on the device \(ENOSPC\)\.$/)]);
      // Before, the report was renamed over the device: as root, /dev/full became a plain file.
      expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    }
    const toNull = runBacksmith(['verify', module, '--no-run', '--no-types', '--sarif', '/dev/null']);
    expect(toNull.code, toNull.stderr).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  }, 120_000);

  it('--sarif naming a FIFO writes the report into it for its reader, and the FIFO stays one', async () => {
    const module = scratch.file('piped.py', CLEAN);
    const fifo = scratch.join('report.sarif');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const reader = new Promise<void>((resolve, reject) => createReadStream(fifo).on('data', (chunk) => chunks.push(chunk as Buffer)).on('end', resolve).on('error', reject));
    const stdout = openSync('/dev/null', 'w');
    try {
      const run = await runWithStdout(['verify', module, '--no-run', '--no-types', '--sarif', fifo], stdout);
      expect(run.code, run.stderr).toBe(0);
    } finally {
      closeSync(stdout);
    }
    await reader;
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8')).version).toBe('2.1.0');
    expect(statSync(fifo).isFIFO()).toBe(true);
  }, 120_000);
});

describe('backsmith configuration files a user may really have (built binary)', () => {
  it('a configuration saved with a byte order mark and CRLF line ends is read', () => {
    const config = scratch.file('bom.json', Buffer.from('\ufeff{\r\n  "lineLength": 100\r\n}\r\n', 'utf8'));
    const run = runBacksmith(['verify', scratch.file('bom_module.py', CLEAN), '--no-run', '--no-types', '--config', config]);
    expect(run.code, run.stderr).toBe(0);
  }, 60_000);

  it.each([
    ['a misspelt key, naming the one meant', '{"lineLenght": 100}', /^backsmith: Invalid configuration in \S+: \(root\): Unrecognized key: "lineLenght" \(did you mean "lineLength"\?\)\.$/],
    ['a misspelt nested key', '{"retry": {"maxAttempt": 2}}', /retry: Unrecognized key: "maxAttempt" \(did you mean "maxAttempts"\?\)\.$/],
    ['broken JSON, with its line and column', '{\n  "lineLength": 100,\n  oops\n}', /^backsmith: Configuration \S+ is not valid JSON: .* at line 3, column 3$/],
    ['a binary file', Buffer.from([0x7b, 0x00, 0x01, 0xff, 0x1b, 0x5b, 0x32, 0x4a]), /^backsmith: Configuration \S+ is a binary file \(it contains NUL bytes\), not text\.$/],
    ['text that is not UTF-8', Buffer.from('{"python": "caf\xe9"}', 'latin1'), /^backsmith: Configuration \S+ is not valid UTF-8 text\. Save it as UTF-8 and try again\.$/],
    ['an empty file', '', /^backsmith: Configuration \S+ is empty\.$/],
  ])('refuses %s in one line (exit 2)', (_name, content, message) => {
    const config = scratch.file(`config-${_name.replaceAll(' ', '-').replaceAll(',', '')}.json`, content);
    const run = runBacksmith(['verify', scratch.file('any.py', CLEAN), '--no-run', '--no-types', '--config', config]);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toEqual([expect.stringMatching(message)]);
  }, 60_000);

  it('a folder given as --config is named as one', () => {
    const folder = scratch.join('config-folder.json');
    mkdirSync(folder);
    const run = runBacksmith(['verify', scratch.file('folder_config.py', CLEAN), '--no-run', '--no-types', '--config', folder]);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toEqual([`backsmith: Configuration ${folder} is a directory, not a file.`]);
  }, 60_000);
});

describe('backsmith runs with a damaged record (built binary)', () => {
  it('lists the run folder it could not read and says why `runs show` cannot show it', () => {
    const project = scratch.join('runs-project');
    const id = '20260101-120000-000-abcd';
    mkdirSync(path.join(project, '.backsmith', 'runs', id), { recursive: true });
    writeFileSync(path.join(project, '.backsmith', 'runs', id, 'run.json'), '{"schema": 1, "id": "2026');
    const list = runBacksmith(['runs'], { cwd: project });
    expect(list.code).toBe(0);
    expect(list.stderr.trim()).toBe(`1 run folder(s) could not be read: ${id} (run.json is not valid JSON (damaged)).`);
    const json = runBacksmith(['runs', '--json'], { cwd: project });
    expect(JSON.parse(json.stdout)).toEqual([]);
    const show = runBacksmith(['runs', 'show', id.slice(0, 15)], { cwd: project });
    expect(show.code).toBe(2);
    expect(errorLines(show.stderr)).toEqual([`backsmith: Run ${id} cannot be shown: run.json is not valid JSON (damaged); its files are in ${path.join(project, '.backsmith', 'runs', id)}.`]);
  }, 60_000);
});
