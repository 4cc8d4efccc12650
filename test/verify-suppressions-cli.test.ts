import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runBacksmith } from './run-cli.js';

const CLEAN_MODULE = path.join(REPO_ROOT, 'test-fixtures', 'modules', 'clean_counter.py');
let scratch: string;
let swallowing: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'backsmith-suppress-'));
  // The clean module plus one function that swallows every error (errors/swallowed-exception).
  swallowing = path.join(scratch, 'swallowing.py');
  writeFileSync(swallowing, `${readFileSync(CLEAN_MODULE, 'utf8')}

def quiet_load(path: str) -> None:
    """Load quietly.

    Args:
        path: Where to load from.
    """
    try:
        open(path).close()
    except Exception:  # backsmith: ignore[errors/swallowed-exception]
        pass
`);
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

describe('backsmith verify: suppressions, --select and --ignore', () => {
  it('an inline comment waives its finding; JSON and the human report say what was waived', () => {
    const json = runBacksmith(['verify', swallowing, '--json', '--no-run']);
    const [module] = JSON.parse(json.stdout).modules;
    expect(module.findings.map((finding: { checkId: string }) => finding.checkId)).not.toContain('errors/swallowed-exception');
    expect(module.suppressed).toContainEqual(expect.objectContaining({
      checkId: 'errors/swallowed-exception', line: lineOf(swallowing, 'except Exception:  # backsmith'),
      suppressedBy: { kind: 'line', text: '# backsmith: ignore[errors/swallowed-exception]', line: lineOf(swallowing, 'except Exception:  # backsmith') },
    }));
    const human = runBacksmith(['verify', swallowing, '--no-run']);
    expect(human.stdout).toMatch(/\d+ findings? suppressed: .*1 by # backsmith: ignore\[errors\/swallowed-exception\]/);
  });

  it('--ignore and --select waive whole categories; the verdict follows what is left', () => {
    const broken = path.join(scratch, 'no_docstring.py');
    writeFileSync(broken, 'def f(x: int) -> int:\n    return x\n');
    const ignored = runBacksmith(['verify', broken, '--no-run', '--json', '--ignore', 'quality/,errors/', '--ignore', 'format']);
    const [module] = JSON.parse(ignored.stdout).modules;
    expect(module.findings.filter((finding: { checkId: string }) => /^(quality|errors|format)\//.test(finding.checkId))).toEqual([]);
    expect(module.suppressed.map((finding: { suppressedBy: { text: string } }) => finding.suppressedBy.text)).toContain('ignore quality/');
    const selected = runBacksmith(['verify', broken, '--no-run', '--select', 'deps/']);
    expect(selected.code).toBe(0);
    // Findings outside a selection are counted in one line, not listed as waivers.
    expect(selected.stdout).toMatch(/\n\d+ findings? outside the selection \(not in select \[deps\/\]\) not shown; --json lists them\n/);
    expect(selected.stdout).not.toMatch(/suppressed|waived by not in select/);
  });

  it('the configuration file selects too, and the command line adds to its ignore list', () => {
    const config = path.join(scratch, 'ignore.config.json');
    writeFileSync(config, JSON.stringify({ ignore: ['quality/'] }));
    const run = runBacksmith(['verify', swallowing, '--no-run', '--json', '--config', config, '--ignore', 'errors/swallowed-exception']);
    const [module] = JSON.parse(run.stdout).modules;
    expect(module.suppressed.some((finding: { suppressedBy: { text: string } }) => finding.suppressedBy.text === 'ignore errors/swallowed-exception')).toBe(true);
  });

  it('SARIF marks waived results with suppressions', () => {
    const sarifFile = path.join(scratch, 'suppressed.sarif');
    runBacksmith(['verify', swallowing, '--no-run', '--sarif', sarifFile]);
    const [sarifRun] = JSON.parse(readFileSync(sarifFile, 'utf8')).runs;
    const waived = sarifRun.results.find((result: { ruleId: string }) => result.ruleId === 'errors/swallowed-exception');
    expect(waived.suppressions).toEqual([{ kind: 'inSource', justification: `# backsmith: ignore[errors/swallowed-exception] (line ${lineOf(swallowing, 'except Exception:  # backsmith')})` }]);
  });

  const unknown: Array<{ name: string; args: () => string[]; message: RegExp }> = [
    { name: '--ignore', args: () => ['--ignore', 'safety/,errors/swallowed-exceptions'], message: /^backsmith: Unknown check id "errors\/swallowed-exceptions" in --ignore; closest known: "errors\/swallowed-exception"/ },
    { name: '--select', args: () => ['--select', 'saftey'], message: /Unknown check id "saftey" in --select; closest known: "safety"/ },
    {
      name: 'the configuration file',
      args: () => {
        const config = path.join(scratch, 'unknown.config.json');
        writeFileSync(config, JSON.stringify({ select: ['threading/unlocked'] }));
        return ['--config', config];
      },
      message: /Unknown check id "threading\/unlocked" in the configuration's "select"; closest known: "threading\/unlocked-mutation"/,
    },
    {
      name: 'the configuration\'s severity map',
      args: () => {
        const config = path.join(scratch, 'severity.config.json');
        writeFileSync(config, JSON.stringify({ severity: { 'quality/lint': 'warning', 'quality/magic-numbr': 'off' } }));
        return ['--config', config];
      },
      message: /Unknown check id "quality\/magic-numbr" in the configuration's "severity"; closest known: "quality\/magic-number"/,
    },
  ];
  for (const testCase of unknown) {
    it(`an unknown id in ${testCase.name} is a one-line error with exit 2`, () => {
      const run = runBacksmith(['verify', CLEAN_MODULE, '--no-run', ...testCase.args()]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(testCase.message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    });
  }

  it('generate rejects an unknown id before calling any model', () => {
    const example = path.join(REPO_ROOT, 'examples', 'clinic_booking');
    const run = runBacksmith(['generate', '--design', path.join(example, 'clinic_booking_technical_design.md'), '--stories', path.join(example, 'clinic_booking_user_stories.md'), '--ignore', 'nosuch/check', '--model', 'openai:gpt-4.1'], { env: { ...process.env, OPENAI_API_KEY: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown check id "nosuch\/check" in --ignore/);
  });
});

describe('backsmith verify on a directory with links', () => {
  it('verifies linked files once and reports the entries it skipped, with the reason', () => {
    const directory = path.join(scratch, 'linked');
    mkdirSync(directory);
    writeFileSync(path.join(directory, 'counter.py'), readFileSync(CLEAN_MODULE));
    symlinkSync(CLEAN_MODULE, path.join(directory, 'linked_counter.py'));
    symlinkSync(path.join(directory, 'nowhere.py'), path.join(directory, 'broken.py'));
    const human = runBacksmith(['verify', directory, '--no-run']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`Skipped 1 entry: broken link ${path.join(directory, 'broken.py')}`);
    expect(human.stdout).toMatch(/✔ 2 modules verified/);
    const json = JSON.parse(runBacksmith(['verify', directory, '--no-run', '--json']).stdout);
    expect(json.modules.map((module: { path: string }) => path.basename(module.path))).toEqual(['counter.py', 'linked_counter.py']);
    expect(json.skipped).toEqual([{ path: path.join(directory, 'broken.py'), reason: 'broken link' }]);
  });
});
