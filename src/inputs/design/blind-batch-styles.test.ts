import { describe, expect, it } from 'vitest';
import { readDesign } from './read-design.js';
import { readsAsCall, readSignatureSnippet } from './signature-snippet.js';
import { rewriteForeignMarkup } from './foreign-markup.js';
import type { DesignSpec } from './design-types.js';

const api = (spec: DesignSpec) => [
  ...spec.classes.flatMap((cls) => cls.methods.map((method) => `${cls.name}.${method.name}(${method.parameters.map((parameter) => parameter.name).join(', ')})`)),
  ...spec.functions.map((fn) => `${fn.name}(${fn.parameters.map((parameter) => parameter.name).join(', ')})`),
].sort();
const exceptions = (spec: DesignSpec) => spec.exceptions.map((exception) => `${exception.name}<${exception.base}`).sort();
const models = (spec: DesignSpec) => spec.models.map((model) => `${model.name}(${model.fields.map((field) => field.name).join(', ')})`).sort();

/** Styles of the fourteenth held-out batch, each in a few lines, with what must (and must not) be read. */
const STYLES: Array<{ name: string; text: string; api?: string[]; exceptions?: string[]; models?: string[] }> = [
  { name: 'a JSON API document', text: '# D\n\n```json\n{"classes": [{"name": "Till", "methods": [{"name": "pay", "params": [{"name": "amount", "type": "int"}], "returns": "int"}]}], "exceptions": [{"name": "TillError", "base": "Exception"}]}\n```\n', api: ['Till.pay(amount)'], exceptions: ['TillError<Exception'] },
  { name: 'a retired section', text: '# D\n\n## API v2\n\n### `Desk`\n\n- `open(self, day: date) -> int`\n\n## API v1 (deprecated)\n\n### `OldDesk`\n\n- `start(self) -> None`\n', api: ['Desk.open(day)'] },
  { name: 'methods in a blockquoted alert', text: '# D\n\n## Class `Pool`\n\n> [!NOTE]\n> - `join(self, who: str) -> int`\n> - `leave(self, who: str) -> None`\n', api: ['Pool.join(who)', 'Pool.leave(who)'] },
  { name: 'a Sphinx class with constructor and attributes', text: '.. py:class:: Entry\n\n   A dataclass.\n\n   .. py:attribute:: day\n      :type: date\n\n   .. py:attribute:: amount\n      :type: int\n\n.. py:class:: Book(owner: str)\n\n   .. py:method:: add(entry: Entry) -> None\n', api: ['Book.__init__(owner)', 'Book.add(entry)'], models: ['Entry(day, amount)'] },
  { name: 'exceptions in a sentence, with a base that is no exception left alone', text: '# D\n\n## Class `Shop`\n\n- `buy(self, sku: str) -> int`\n\n`Basket` extends `Cart`. `SoldOut` and `NoSuchSku` subclass `ShopError`, which subclasses `Exception`.\n', api: ['Shop.buy(sku)'], exceptions: ['NoSuchSku<ShopError', 'ShopError<Exception', 'SoldOut<ShopError'] },
  { name: 'self-taking methods with no section owner go to the class the text names', text: '# D\n\nThe UI only talks to `Planner`; errors are `PlanError`.\n\n## API\n\n| Signature | Notes |\n|---|---|\n| `plan(self, day: date) -> int` | x |\n', api: ['Planner.plan(day)'] },
  { name: 'a Chinese model sentence and base', text: '# 设计\n\n## 类 `Desk`\n\n- `close(self, ticket_id: int) -> Ticket`\n\n`Ticket`（dataclass）字段：`ticket_id: int`、`room: str`。\n\n## 异常\n\n- `DeskError`：继承自 `Exception`。\n', api: ['Desk.close(ticket_id)'], exceptions: ['DeskError<Exception'], models: ['Ticket(ticket_id, room)'] },
  { name: 'a nested dataclass and exception', text: '# D\n\n```python\nclass Garage:\n    @dataclass\n    class Ticket:\n        plate: str\n        bay: int\n\n    class Full(Exception): ...\n\n    def enter(self, plate: str) -> "Garage.Ticket": ...\n```\n', api: ['Garage.enter(plate)'], exceptions: ['Full<Exception'], models: ['Ticket(plate, bay)'] },
];

describe('styles of the fourteenth held-out batch', () => {
  it.each(STYLES)('reads $name', async ({ text, api: expectedApi, exceptions: expectedExceptions, models: expectedModels }) => {
    const spec = await readDesign(text);
    expect(api(spec)).toEqual([...(expectedApi ?? [])].sort());
    expect(exceptions(spec)).toEqual([...(expectedExceptions ?? [])].sort());
    expect(models(spec)).toEqual([...(expectedModels ?? [])].sort());
  });

  it('says when it gave self-taking methods to the class the text names most', async () => {
    const spec = await readDesign(STYLES.find((style) => style.name.startsWith('self-taking'))!.text);
    expect(spec.warnings.some((warning) => warning.kind === 'orphan' && /`Planner`, the class the text names most/.test(warning.message))).toBe(true);
  });

  it('tells calls from declarations whatever their defaults hold', () => {
    const snippet = (text: string) => readSignatureSnippet(text)!;
    expect(readsAsCall(snippet('sorted(items, key=lambda s: s.start)'))).toBe(true);
    expect(readsAsCall(snippet('round(amount, 2)'))).toBe(true);
    expect(readsAsCall(snippet('f(self, predicate: Callable = lambda a, b: True)'))).toBe(false);
    expect(readsAsCall(snippet('g(label: str, values: tuple[int, ...] = (0, 0)) -> int'))).toBe(false);
    expect(readsAsCall(snippet('h(sep: str = ", ", title: str = "a (b)")'))).toBe(false);
  });

  it('rewrites setext headings of one-line paragraphs only, and HTML list items as bullets', () => {
    expect(rewriteForeignMarkup('Title\n=====\n\nOne line\nand another\n---\n\n<dt><code>X</code></dt><dd>y</dd>\n')).toBe('# Title\n\n\nOne line\nand another\n---\n\n- `X` y\n');
  });
});

describe('very long lines', () => {
  it('reads a long paragraph sentence by sentence, and a long table row as one row', async () => {
    const filler = 'This sentence only pads the line to a realistic wiki export length. '.repeat(20);
    const paragraph = await readDesign(`# D\n\n${filler}The API: \`Desk.open(self, day: date) -> int\` opens it; \`Desk.close(self) -> None\` closes it. ${filler}\n`);
    expect(api(paragraph)).toEqual(['Desk.close()', 'Desk.open(day)']);
    const row = await readDesign(`# D\n\n## Class \`Desk\`\n\n| Signature | Notes |\n|---|---|\n| \`open(self, day: date) -> int\` | ${filler} |\n`);
    expect(api(row)).toEqual(['Desk.open(day)']);
    expect(paragraph.classes.find((cls) => cls.name === 'Desk')!.methods.map((method) => method.line)).toEqual([3, 3]);
  });
});
