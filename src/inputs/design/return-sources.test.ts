import { describe, expect, it } from 'vitest';
import { readDesign } from './read-design.js';
import { docstringReturn } from './python-block.js';
import { apiTableColumns, readApiTable } from './api-table.js';
import { DesignCollector } from './design-collector.js';
import { readMarkdown } from '../markdown/markdown-document.js';
import { loadPythonNormalizer } from '../../python/normalize-annotation.js';
import type { Table } from 'mdast';

/** Each method's return as read, `Class.name -> T`. */
const returns = async (text: string) => {
  const spec = await readDesign(text);
  return [
    ...spec.classes.flatMap((cls) => cls.methods.map((method) => `${cls.name}.${method.name} -> ${method.returnAnnotation}`)),
    ...spec.functions.map((fn) => `${fn.name} -> ${fn.returnAnnotation}`),
  ].sort();
};

/** Where designs put a return other than after the signature's arrow. */
const STYLES: Array<{ name: string; text: string; expected: string[] }> = [
  {
    name: 'an AsciiDoc table with the return in its own cell',
    text: '= Pots\n\n== API\n\n== Class `Pots`\n\n[cols="2,3,1",options="header"]\n|===\n|Signature |What |Returns\n\n|`__init__(self, size: int)`\n|Sets up.\n|—\n\n|`water(self, pot: str)`\n|Waters one.\n|`dict[str, float]`\n|===\n',
    expected: ['Pots.__init__ -> null', 'Pots.water -> dict[str, float]'],
  },
  {
    name: 'a Signature column without arrows and a Returns column',
    text: '# D\n\n## Class `Shelf`\n\n| Signature | Parameters | Returns |\n|---|---|---|\n| `put(self, item)` | `item` (str) | `int` |\n| `clear(self)` | — | `None` |\n',
    expected: ['Shelf.clear -> None', 'Shelf.put -> int'],
  },
  {
    name: 'a plain None in an Output column',
    text: '# D\n\n## Ferry (main class)\n\n| Method | Input | Output |\n|---|---|---|\n| `__init__` | seats (int) | None |\n| `sell` | name (str) | str |\n',
    expected: ['Ferry.__init__ -> None', 'Ferry.sell -> str'],
  },
  {
    name: 'an arrow after the closing code span, and an en-dash arrow',
    text: '# D\n\n## Class `Desk`\n\n**`lend(self, item: str)`** → returns `Loan`\n\n- `load(self, kiln: int) –> float`\n',
    expected: ['Desk.lend -> Loan', 'Desk.load -> float'],
  },
  {
    name: 'Returns lines and sentences under or beside a signature',
    text: '# D\n\n## Class `Vent`\n\n* `state(self)`: Reads the vents. Returns a float.\n\n- `log(self, since: datetime)`:\n  - Returns: float - the total\n\n### `get_price(symbol)`\n\nThe price.\n\n#### Parameters:\n- `symbol` (str): the symbol\n\n#### Returns:\n- `float`: the price\n',
    expected: ['Vent.get_price -> float', 'Vent.log -> float', 'Vent.state -> float'],
  },
  {
    name: 'a code block without the return the text gives',
    text: '# D\n\n## Functions\n\n- `price(symbol: str) -> float`\n\n```python\ndef price(symbol):\n    """A fake."""\n```\n',
    expected: ['price -> float'],
  },
];

describe('returns written apart from the signature', () => {
  it.each(STYLES)('reads $name', async ({ text, expected }) => {
    expect(await returns(text)).toEqual(expected);
  });

  it.each([
    ['reST :rtype:', ':param x: a thing\n:rtype: dict[str, int]\n', 'dict[str, int]'],
    ['Google "type: text"', 'Lend one.\n\nReturns:\n    bool: True when free.\n', 'bool'],
    ['Google "type, text"', 'Returns:\n    float, the current price.\n', 'float'],
    ['Google prose without a type', 'Returns:\n    The number of copies.\n', null],
    ['NumPy, a type alone', 'Returns\n-------\nfloat or None\n    The mean.\n', 'float or None'],
    ['NumPy, name : type', 'Returns\n-------\ncount : int\n', 'int'],
    ['no Returns section', 'Does things.\n', null],
  ])('reads the return of a docstring: %s', (_name, docstring, expected) => {
    expect(docstringReturn(docstring)).toBe(expected);
  });
});

describe('API table warnings', () => {
  it('go through the collector, which keeps one of each', async () => {
    const document = readMarkdown('| Method | Parameters | Returns |\n|---|---|---|\n| `1bad` | x | int |\n| `ok` | `broken(` | int |\n');
    const table = document.blocks.find((block) => block.node.type === 'table')!.node as Table;
    const collector = new DesignCollector(await loadPythonNormalizer());
    const warn = (kind: Parameters<DesignCollector['warn']>[0], message: string, line: number) => collector.warn(kind, message, line);
    const columns = apiTableColumns(['Method', 'Parameters', 'Returns'])!;
    await readApiTable(table, columns, warn);
    const once = collector.warnings.length;
    await readApiTable(table, columns, warn);
    expect(once).toBeGreaterThan(0);
    expect(collector.warnings).toHaveLength(once);
  });
});
