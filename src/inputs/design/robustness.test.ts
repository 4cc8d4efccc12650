import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BacksmithError } from '../../errors.js';
import { readStories } from '../stories/read-stories.js';
import { readStoriesFile } from '../stories/read-stories-file.js';
import { readDesign } from './read-design.js';
import { MAX_DOCUMENT_BYTES, readDesignFile } from './read-design-file.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/designs');
const taskBoard = () => readFileSync(path.join(FIXTURES, 'task_board/task_board_technical_design.md'), 'utf8');

describe('design and stories readers on hostile input', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'backsmith-documents-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('refuses empty, binary, missing and oversized files with a clear BacksmithError', async () => {
    const empty = path.join(directory, 'empty_technical_design.md');
    const binary = path.join(directory, 'binary.md');
    const huge = path.join(directory, 'huge_technical_design.md');
    await writeFile(empty, '  \n\n');
    await writeFile(binary, Buffer.from([0x23, 0x20, 0x00, 0xff, 0x10]));
    await writeFile(huge, taskBoard().repeat(Math.ceil((2 * 1024 * 1024) / taskBoard().length)));
    await expect(readDesignFile(empty)).rejects.toThrow(/Design document .* is empty/);
    await expect(readDesignFile(binary)).rejects.toThrow(/binary file/);
    await expect(readDesignFile(path.join(directory, 'nope.md'))).rejects.toThrow(/Design document not found/);
    await expect(readDesignFile(huge)).rejects.toThrow(/is 2\.0 MB; the limit is 1\.0 MB/);
    await expect(readStoriesFile(huge)).rejects.toBeInstanceOf(BacksmithError);
    expect(MAX_DOCUMENT_BYTES).toBe(1024 * 1024);
  });

  it('reads a 2 MB design in memory without crashing, and a repeated design like the design once', async () => {
    const once = await readDesign(taskBoard());
    const text = taskBoard().repeat(Math.ceil((2 * 1024 * 1024) / taskBoard().length));
    const started = performance.now();
    const big = await readDesign(text);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(big.classes.map((cls) => `${cls.name}:${cls.methods.length}`)).toEqual(once.classes.map((cls) => `${cls.name}:${cls.methods.length}`));
    expect(big.messages.length).toBe(once.messages.length);
    expect(big.warnings).toEqual([]);
  });

  it('turns text that is not a design into warnings', async () => {
    for (const text of ['', 'just one line', '{"json": true, "list": [1, 2]}', 'def f(x):\n    return x\n\n# a comment\nclass A:\n    pass\n']) {
      const spec = await readDesign(text);
      expect(spec.warnings.some((warning) => warning.kind === 'no-api' || warning.kind === 'naming')).toBe(true);
    }
    expect(readStories('').warnings.map((warning) => warning.kind)).toEqual(['no-stories']);
  });

  it('survives broken fences, ragged tables, unbalanced quotes and deep nesting', async () => {
    const text = [
      '# Broken', '', '| Method | Parameters | Returns |', '|---|---|---|', '| `f` | `x: int` |', '| `g(` | `y: ???` | `dict` | extra |', '| | | |', '',
      '| Code | Message |', '|---|---|', '| `E1` | "Unclosed quote |', '',
      `${'  '.repeat(0)}${Array.from({ length: 150 }, (_unused, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n')}`, '',
      '```python', 'class Open(:', '    def f(self) -> int: ...', '',
    ].join('\n');
    const spec = await readDesign(text);
    // The unclosed fence runs to the end; its broken class is still read, and the table's `f` joins it.
    expect(spec.classes.map((cls) => `${cls.name}: ${cls.methods.map((method) => method.name).join(', ')}`)).toEqual(['Open: f']);
    expect(spec.warnings.map((warning) => warning.kind).filter((kind) => kind !== 'naming')).toEqual(['conflict', 'unparseable', 'unparseable']);
    const stories = readStories('## US-1 x\n\n- Given "a, then "b." and "c\n- **AC2** "Done."\n');
    expect(stories.stories[0]!.criteria.length).toBe(2);
  });

  // CPU time of the process, not wall time: the machine is shared. Linear work gives about 4x; 9x allows noise.
  it.each([
    ['Sphinx directives', (count: number) => '.. py:class:: A(x: int)\n   .. py:attribute:: y\n   .. py:method:: f(self, a: int) -> int\n'.repeat(count)],
    ['a long line of dotted signatures', (count: number) => `# T\n\n${'`Box.put(self, x: int) -> None` stores it; '.repeat(count)}\n`],
    ['an Org document', (count: number) => `#+TITLE: T\n${'* ~a~ =b=\n#+BEGIN_SRC python\nx = 1\n#+END_SRC\n- ~f(self, a: int) -> None~ :: text\n'.repeat(count)}`],
    ['a Python block of unindented garbage (an Org source block left open)', (count: number) => `#+TITLE: T\n${'* ~a~ =b= `c`\n#+BEGIN_SRC python\n'.repeat(2 * count)}`],
    ['setext headings over signature bullets', (count: number) => 'Class `A`\n---------\n\n* `f(self, a: int) -> int`\n\n'.repeat(count)],
    ['a JSON API', (count: number) => `\`\`\`json\n{"classes": [{"name": "A", "methods": [${Array.from({ length: count }, (_unused, index) => `{"name": "m${index}", "params": [{"name": "a", "type": "int"}]}`).join(', ')}]}]}\n\`\`\`\n`],
  ])('reads %s in time linear in its size', async (_name, make) => {
    const cpu = async (text: string) => {
      const started = process.cpuUsage();
      await readDesign(text);
      const used = process.cpuUsage(started);
      return used.user + used.system;
    };
    await cpu(make(200));
    const small = await cpu(make(1_000));
    const large = await cpu(make(4_000));
    expect(large / small).toBeLessThan(9);
  }, 60_000);
});
