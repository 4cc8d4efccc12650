import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractModule } from './extract-module.js';
import { findFencedBlocks } from './find-fenced-blocks.js';
import { blockCandidates } from './reply-candidates.js';
import { strippedParts } from './stripped-parts.js';
import type { ModuleExpectation } from './module-expectation.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-fixtures/sanitize');
const MODULE = readFileSync(path.join(FIXTURES, 'module.py'), 'utf8');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8').replace('@@MODULE@@', MODULE);
const EXPECT: ModuleExpectation = { primaryClass: 'WateringPlanner', symbols: ['PlannerError', 'litres_label'] };
const USAGE = 'planner = WateringPlanner()\nprint(planner.add_bed("North", 12))\n';
const TESTS = 'import unittest\n\n\nclass TestPlanner(unittest.TestCase):\n    def test_add(self):\n        self.assertTrue(True)\n';

interface Case {
  name: string;
  reply: string;
  expectation?: ModuleExpectation;
  code?: string;
  origin?: string;
  stripped?: string[];
  summary?: RegExp;
}

const cases: Case[] = [
  { name: 'raw Python, as the contract asks', reply: MODULE, code: MODULE, origin: 'raw', stripped: [], summary: /^$/ },
  { name: 'raw Python without a final newline', reply: MODULE.trimEnd(), code: MODULE, stripped: [] },
  { name: '```python fence', reply: `\`\`\`python\n${MODULE}\`\`\`\n`, code: MODULE, origin: 'fenced-block', stripped: ['fence', 'fence'], summary: /code fence \(```python\)/ },
  { name: '```py fence', reply: `\`\`\`py\n${MODULE}\`\`\``, code: MODULE, stripped: ['fence', 'fence'] },
  { name: '~~~ fence', reply: `~~~python\n${MODULE}~~~\n`, code: MODULE, stripped: ['fence', 'fence'] },
  { name: 'unlabelled fence', reply: `\`\`\`\n${MODULE}\`\`\`\n`, code: MODULE },
  { name: 'four-backtick fence', reply: `\`\`\`\`python\n${MODULE}\`\`\`\`\n`, code: MODULE },
  { name: 'fence with a file-name label', reply: `\`\`\`python title="watering_planner.py"\n${MODULE}\`\`\`\n`, code: MODULE },
  { name: 'fence labelled with the file name', reply: `\`\`\`watering_planner.py\n${MODULE}\`\`\`\n`, code: MODULE },
  { name: 'indented fence (inside a list item)', reply: `1. The module:\n\n   \`\`\`python\n${MODULE.split('\n').map((line) => (line ? `   ${line}` : line)).join('\n')}   \`\`\`\n`, code: MODULE },
  { name: 'CRLF line endings', reply: `\`\`\`python\r\n${MODULE.replaceAll('\n', '\r\n')}\`\`\`\r\n`, code: MODULE },
  {
    name: 'prose before and after a fence',
    reply: `Here's the implementation:\n\n\`\`\`python\n${MODULE}\`\`\`\n\nThis module covers every story.\nLet me know if you need changes.\n`,
    code: MODULE, stripped: ['prose', 'fence', 'fence', 'prose'], summary: /code fence \(```python\), 3 lines of prose/,
  },
  {
    name: 'prose before and after raw code, no fence',
    reply: `Here's the implementation:\n\n${MODULE}\nThis module covers every story. Hope this helps!\n`,
    code: MODULE, origin: 'raw', stripped: ['prose', 'prose'],
  },
  { name: 'a bare "python" line before raw code', reply: `python\n${MODULE}`, code: MODULE, stripped: ['prose'] },
  { name: 'usage block first, module second', reply: fixture('reply-chatty-two-blocks.md'), code: MODULE, origin: 'fenced-block' },
  { name: 'usage block first, module second, no design known', reply: fixture('reply-chatty-two-blocks.md'), expectation: {}, code: MODULE },
  { name: 'module then its tests', reply: `\`\`\`python\n${MODULE}\`\`\`\n\nTests:\n\n\`\`\`python\n${TESTS}\`\`\`\n`, code: MODULE, stripped: ['fence', 'fence', 'prose', 'other-block'] },
  { name: 'tests first, module second, no design known', reply: `\`\`\`python\n${TESTS}\`\`\`\n\`\`\`python\n${MODULE}\`\`\`\n`, expectation: {}, code: MODULE },
  {
    name: 'broken draft then a corrected one: the one that parses',
    reply: `\`\`\`python\n${MODULE.replace('def add_bed(self, name: str, litres: int)', 'def add_bed(self, name: str, litres: int')}\`\`\`\nOops, fixed:\n\`\`\`python\n${MODULE}\`\`\`\n`,
    code: MODULE,
  },
  {
    name: 'shell and JSON blocks are never the module',
    reply: `Install:\n\`\`\`bash\npip install gradio\n\`\`\`\n\`\`\`python\n${MODULE}\`\`\`\nConfig:\n\`\`\`json\n{"beds": 3}\n\`\`\`\n`,
    code: MODULE,
  },
  {
    name: 'module split over two blocks with distinct definitions',
    reply: `Exceptions:\n\`\`\`python\n${MODULE.slice(0, MODULE.indexOf('def litres_label'))}\`\`\`\nService:\n\`\`\`python\n${MODULE.slice(MODULE.indexOf('def litres_label'))}\`\`\`\n`,
    code: `${MODULE.slice(0, MODULE.indexOf('def litres_label')).trimEnd()}\n\n\n${MODULE.slice(MODULE.indexOf('def litres_label'))}`,
    origin: 'joined-blocks',
  },
  { name: '<think> reasoning before the code', reply: fixture('reply-reasoning.md'), code: MODULE, stripped: ['reasoning'], summary: /4 lines of reasoning/ },
  { name: 'bare ``` inside a docstring ends the first block early', reply: fixture('reply-docstring-fence.md'), origin: 'outermost-fence' },
  { name: 'raw module whose docstring holds a fenced example', reply: fixture('reply-raw-docstring-fence.md'), origin: 'raw', stripped: [] },
  { name: 'unclosed fence (model forgot to close it)', reply: `\`\`\`python\n${MODULE}`, code: MODULE, stripped: ['fence'] },
];

describe('extractModule', () => {
  it.each(cases)('$name', async ({ reply, expectation, code, origin, stripped, summary }) => {
    const result = await extractModule(reply, expectation ?? EXPECT);
    if (!result.ok) throw new Error(result.error.reason);
    if (code !== undefined) expect(result.value.code.replace(/\n{3,}/g, '\n\n\n')).toBe(code);
    expect(result.value.parses).toBe(true);
    if (origin) expect(result.value.origin).toBe(origin);
    if (stripped) expect(result.value.stripped.map((part) => part.kind)).toEqual(stripped);
    if (summary) expect(result.value.summary).toMatch(summary);
  });

  it('reports where stripped parts were and what they said', async () => {
    const result = await extractModule(`Here's the implementation:\n\n\`\`\`python\n${MODULE}\`\`\`\n`, EXPECT);
    expect(result.ok && result.value.stripped[0]).toEqual({ kind: 'prose', startLine: 1, endLine: 1, preview: "Here's the implementation:" });
    expect(result.ok && result.value.matchedSymbols.sort()).toEqual(['PlannerError', 'WateringPlanner', 'litres_label']);
  });

  it('keeps a module that does not parse (the verifier reports it) rather than a parsing usage snippet', async () => {
    const broken = MODULE.replace('return {"success": True', 'return {"success": True,,');
    const result = await extractModule(`\`\`\`python\n${USAGE}\`\`\`\n\`\`\`python\n${broken}\`\`\`\n`, {});
    expect(result.ok && result.value.code).toBe(broken);
    expect(result.ok && result.value.parses).toBe(false);
  });

  it.each([
    ['an empty reply', '', /empty/],
    ['only whitespace', '  \n\n', /empty/],
    ['a refusal', "I'm sorry, but I can't help with that request.", /no Python code/],
    ['only a shell block', 'Run:\n```bash\npip install gradio\n```\n', /none of the reply's code blocks/],
    ['only reasoning', '<think>\nLet me think.\n</think>\n', /empty/],
  ])('fails (without throwing) on %s', async (_label, reply, reason) => {
    const result = await extractModule(reply, EXPECT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toMatch(reason);
  });

  it('costs time linear in the number of code blocks (a reply of thousands of blocks)', () => {
    // What was stripped is described line by line; each line's block is found without a scan of every
    // block. Measured against finding the blocks (one linear pass) on the same 80,000 lines: about 0.2-0.5x
    // of it now, 11-37x when every line scanned every block.
    const lines = Array.from({ length: 20_000 }, (_, index) => [`Step ${index}:`, '```python', `x = ${index}`, '```']).flat();
    const cpu = (work: () => unknown) => {
      const start = process.cpuUsage();
      work();
      const used = process.cpuUsage(start);
      return used.user + used.system;
    };
    const blocks = findFencedBlocks(lines);
    const chosen = blockCandidates(blocks)[0]!;
    expect(strippedParts(lines, chosen, new Set(), blocks).filter((part) => part.kind === 'other-block')).toHaveLength(19_999);
    // The least of three: a pause of the machine's other work is not the code's cost.
    const finding = Math.min(...[1, 2, 3].map(() => cpu(() => findFencedBlocks(lines))));
    const describing = Math.min(...[1, 2, 3].map(() => cpu(() => strippedParts(lines, chosen, new Set(), blocks))));
    expect(describing / finding).toBeLessThan(4);
  });
});
