import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInMemory as run } from './test-support/run-cli-in-memory.js';
import { ALL_CHECKS } from '../verify/registry.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-fixtures/designs');
const fixture = (name: string, kind: 'technical_design' | 'user_stories') => path.join(FIXTURES, name, `${name}_${kind}.md`);

describe('backsmith spec', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'backsmith-spec-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('lists the API, exceptions, models, constants, messages per story and warnings', async () => {
    const { code, out } = await run(['spec', '--design', fixture('task_board', 'technical_design'), '--stories', fixture('task_board', 'user_stories')]);
    expect(code).toBe(0);
    for (const text of [
      'Deliverable    task_board_service.py', 'Primary class  TaskBoard', 'API: primary class TaskBoard, 5 methods',
      'add_task(title: str, *, priority: int = DEFAULT_PRIORITY, assignee: Optional[str] = None) -> Dict[str, Any]',
      'TaskValidationError(BoardError)  codes: TITLE_REQUIRED', 'Task (dataclass)', 'MAX_TASKS = 200',
      'US-102 Move a task: 3 criteria', 'AC2  error: "There is no task #[task id]."  = TASK_NOT_FOUND',
      'Understood: 1 class, 5 methods, 1 function, 4 exceptions, 1 model, 4 constants, 12 design messages, 3 stories, 11 story messages, 0 warnings.',
    ]) expect(out).toContain(text);
  });

  it('warns about disagreements and story messages missing from the design', async () => {
    const { code, out } = await run(['spec', '--design', fixture('gym_booking', 'technical_design'), '--stories', fixture('gym_booking', 'user_stories')]);
    expect(code).toBe(0);
    expect(out).toContain('Warnings (3)');
    expect(out).toContain('gym_booking_technical_design.md:76  `BookingScheduler.book` is given twice');
    expect(out).toContain('gym_booking_user_stories.md:17  GYM-2 AC-2 quotes "Ana has no booking for spin-1800.", which is not in the design\'s message tables');
  });

  it('says when no API was found', async () => {
    const { code, out } = await run(['spec', '--design', fixture('newsletter', 'technical_design')]);
    expect(code).toBe(0);
    expect(out).toContain('API: none found');
    expect(out).toContain('no API found');
  });

  it('says how much of a real-style design it understood, and lists what it could not place', async () => {
    const wrapped = await run(['spec', '--design', path.join(FIXTURES, 'real-styles', 'outer-fence-headings.design.md')]);
    expect(wrapped.out).toContain('Understood     6 of 6 signature-like snippets placed; the outer markdown fence was unwrapped');
    expect(wrapped.out).toContain('late_fee(days: int) -> float');
    expect(wrapped.out).toContain('(provided elsewhere)');
    const partial = path.join(directory, 'partial_design.md');
    await writeFile(partial, '# Notes\n\n### Class: Account\n\n- `deposit(self, amount: float) -> None`\n- `withdraw(amount: float, ???)`: takes money.\n');
    const { out } = await run(['spec', '--design', partial]);
    expect(out).toContain('Understood     1 of 2 signature-like snippets placed; 1 could not be (see warnings)');
    expect(out).toContain('partial_design.md:6  `withdraw(amount: float, ???)` looks like a signature but does not read as Python parameters; not placed');
  });

  it('prints one JSON document with --json', async () => {
    const { code, out } = await run(['spec', '--design', fixture('recipe_box', 'technical_design'), '--stories', fixture('recipe_box', 'user_stories'), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.design.primaryClass).toBe('RecipeCatalog');
    expect(report.design.layoutFiles).toEqual(['exceptions.py', 'models.py', 'catalog.py']);
    expect(report.stories.stories.map((story: { id: string }) => story.id)).toEqual(['RB-1', 'RB-2']);
    expect(report.storyMessages[0].designMessage.code).toBe('SAVED');
  });

  it('exits 2 with a clear message for a missing, empty or oversized document, or no --design', async () => {
    const empty = path.join(directory, 'empty.md');
    const huge = path.join(directory, 'huge.md');
    await writeFile(empty, '\n');
    await writeFile(huge, 'x'.repeat(2 * 1024 * 1024 + 10));
    const missing = await run(['spec', '--design', path.join(directory, 'missing.md')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Design document not found');
    expect((await run(['spec', '--design', empty])).err).toContain('is empty');
    expect((await run(['spec', '--design', huge])).err).toContain('the limit is 1.0 MB');
    expect((await run(['spec', '--design', fixture('task_board', 'technical_design'), '--stories', empty])).code).toBe(2);
    expect((await run(['spec'])).code).toBe(2);
  });

  it('shows terminal controls quoted from the documents escaped, not obeyed', async () => {
    const design = path.join(directory, 'esc_design.md');
    const stories = path.join(directory, 'esc_stories.md');
    await writeFile(design, '# Design\n\n## API\n\n```python\nclass Shop:\n    def buy(self, item: str) -> dict:\n        """Buy."""\n```\n');
    await writeFile(stories, '# Stories\n\n## US-001: Buy\n\nAs a buyer I want to buy.\n\n### Acceptance Criteria\n\n- Given an item, when I buy it, then I see "Bought \u001b]0;pwned\u0007 {item}."\n');
    const { code, out } = await run(['spec', '--design', design, '--stories', stories]);
    expect(code).toBe(0);
    expect(out).not.toMatch(/[\u001b\u0007]/);
    expect(out).toContain('"Bought \\e]0;pwned\\x07 {item}."');
  });
});

describe('backsmith verify --design --stories', () => {
  it('runs the design/ and stories/ checks when the documents are given', async () => {
    const module = path.join(FIXTURES, 'task_board', 'task_board_service.py');
    const { out } = await run(['verify', module, '--design', fixture('task_board', 'technical_design'), '--stories', fixture('task_board', 'user_stories'), '--no-run', '--json']);
    const report = JSON.parse(out);
    const checks = report.modules[0].checks.filter((check: { id: string }) => /^(design|stories)\//.test(check.id));
    expect(checks).toHaveLength(ALL_CHECKS.filter((check) => /^(design|stories)\//.test(check.id)).length);
    expect(checks.filter((check: { status: string }) => check.status !== 'passed')).toEqual([]);
  });

  it('exits 2 for an unreadable design, before verifying anything', async () => {
    const module = path.join(FIXTURES, 'task_board', 'task_board_service.py');
    const { code, err } = await run(['verify', module, '--design', path.join(FIXTURES, 'nope.md'), '--no-run']);
    expect(code).toBe(2);
    expect(err).toContain('Design document not found');
  });
});
