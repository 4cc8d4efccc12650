import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStories } from '../stories/read-stories.js';
import { readDesign } from './read-design.js';
import { harvestSignatures } from './harvest-signatures.js';
import { namesBefore } from './exception-lines.js';
import { readSectionSignature } from './section-signature.js';
import { tomlApiAsJson } from './toml-api.js';
import type { DesignSpec } from './design-types.js';

const HELD_OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/designs/held-out');
const STORIES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/stories');
const NEW_STORIES = /^(checklist-emoji|message-table|cross-reference|german-english-messages|japanese-stories|yaml-stories)\.stories\.md$/;

const api = (spec: DesignSpec) => [
  ...spec.classes.flatMap((cls) => cls.methods.map((method) => `${cls.name}.${method.name}(${method.parameters.map((parameter) => parameter.name).join(', ')}) -> ${method.returnAnnotation}`)),
  ...spec.functions.map((fn) => `${fn.name}(${fn.parameters.map((parameter) => parameter.name).join(', ')}) -> ${fn.returnAnnotation}`),
].sort();
const exceptions = (spec: DesignSpec) => spec.exceptions.map((exception) => `${exception.name}<${exception.base}`).sort();

/** Styles of the fifteenth held-out batch, each in a few lines. */
const STYLES: Array<{ name: string; text: string; api?: string[]; exceptions?: string[] }> = [
  { name: 'a constructor written as the class name among its operations', text: '# D\n\n```plantuml\n@startuml\nclass Queue {\n  + Queue(mechanics : int)\n  + waiting() : int\n}\n@enduml\n```\n', api: ['Queue.__init__(mechanics) -> null', 'Queue.waiting() -> int'] },
  { name: 'dotted name-only headings over parameter tables and Returns lines', text: '# D\n\n### `Fridge.donate`\n\n| Parameter | Type | Default |\n|---|---|---|\n| `item` | `str` | |\n| `days` | `int` | `3` |\n\n**Returns:** `int` — the label.\n', api: ['Fridge.donate(item, days) -> int'] },
  { name: 'Field | Value tables under bare name headings, the owner in a sentence', text: '# D\n\nOne class, `Book`.\n\n## add\n\n| Field | Value |\n|---|---|\n| Name | `add` |\n| Parameters | `title: str`, `copies: int` |\n| Returns | `int` (the number) |\n\n## Constructor\n\n| Field | Value |\n|---|---|\n| Name | `__init__` |\n| Parameters | `limit: int = 5` |\n', api: ['Book.__init__(limit) -> null', 'Book.add(title, copies) -> int'] },
  { name: 'Function N paragraphs with Input and Output bullets', text: '# D\n\n**Function 1: `fare`**\n- Input: `km` (float), `night` (bool, default False)\n- Output: `Decimal` rounded\n', api: ['fare(km, night) -> Decimal'] },
  { name: 'a name heading over a line holding only the parameter list', text: '# D\n\nThe module has one class; its one class is `Diary`.\n\n#### hold\n`(self, room: str, hours: int = 1) -> int`\n', api: ['Diary.hold(room, hours) -> int'] },
  { name: 'exception sentences with notes, plurals, arrows and a base of the base', text: '# D\n\n## Errors\n\n- `A` (404) and `B` (404) subclass `NotFoundError`.\n- `NotFoundError` and `C` (409) subclass `AppError`, which subclasses `Exception`.\n\n`VentError` (base, an `Exception`); `D` and `E` are `VentError`s. `F` ← `VentError`.\n', exceptions: ['A<NotFoundError', 'AppError<Exception', 'B<NotFoundError', 'C<AppError', 'D<VentError', 'E<VentError', 'F<VentError', 'NotFoundError<AppError', 'VentError<Exception'] },
  { name: 'checkbox exception entries and Korean bases', text: '# D\n\n## Errors\n- [ ] `SwapError(Exception)`\n- [ ] `Gone(SwapError)`\n\n## 예외\n\n- `RentalError` — `Exception`을 상속합니다.\n', exceptions: ['Gone<SwapError', 'RentalError<Exception', 'SwapError<Exception'] },
  { name: 'XML-like tags with signatures holding arrows', text: 'Here it is.\n\n<design>\n  <class name="Register">\n    <method signature="enrol(self, student: str) -> int">Returns the number.</method>\n    <method signature="mark(self, week: int = 1) -> None"/>\n  </class>\n  <exceptions>\n    <exception name="RegisterError" base="Exception"/>\n  </exceptions>\n</design>\n', api: ['Register.enrol(student) -> int', 'Register.mark(week) -> None'], exceptions: ['RegisterError<Exception'] },
  { name: 'another module of the system that exists already', text: '# D\n\n## Module `customers.py` (exists — owned by the accounts team)\n\n```python\nclass Directory:\n    def find(self, phone: str) -> str: ...\n```\n\n## Module `stamps.py` (this deliverable)\n\n```python\nclass Cards:\n    def stamp(self, phone: str) -> int: ...\n```\n', api: ['Cards.stamp(phone) -> int'] },
  { name: 'an API in TOML', text: '# D\n\n```toml\n[module]\nfile = "vault.py"\n\n[[classes]]\nname = "Vault"\n\n  [[classes.methods]]\n  name = "deposit"\n  params = [\n    { name = "grams", type = "float" },  # comment\n  ]\n  returns = "int"\n\n[[exceptions]]\nname = "VaultError"\nbase = "Exception"\n```\n', api: ['Vault.deposit(grams) -> int'], exceptions: ['VaultError<Exception'] },
  { name: 'an Errata section that renames and restates', text: '# D\n\n## Class `Kiln`\n\n- `record_peak(self, no: int) -> None`\n- `close(self, no: int) -> int`\n\n## Errors\n\n- `FiringOpen(Exception)`\n\n## Errata\n\n1. `record_peak` is renamed `log_peak`.\n2. `close` should read `close(self, no: int, broken: int = 0) -> int`.\n3. `FiringOpen` is renamed `FiringInProgress`.\n', api: ['Kiln.close(no, broken) -> int', 'Kiln.log_peak(no) -> None'], exceptions: ['FiringInProgress<Exception'] },
  { name: 'methods described only in sentences', text: '# D\n\nThe module has a single class, `Desk`.\n\nThe constructor takes `price`, an int, and `limit`, an int that defaults to 500.\n\nThe `sell` method takes the buyer (`buyer`, a str) and how many (`quantity`,\nan int) and returns the numbers, as a `list[int]`. It raises `SoldOut`.\n\nThe `refund` method takes a `ticket_no` and returns the pence as an `int`; it raises\n`Gone`. The `takings` method takes no arguments and returns the total (`int`).\n\n`SoldOut` and `Gone` all derive from `DeskError`, a plain `Exception` subclass.\n', api: ['Desk.__init__(price, limit) -> null', 'Desk.refund(ticket_no) -> int', 'Desk.sell(buyer, quantity) -> list[int]', 'Desk.takings() -> int'], exceptions: ['DeskError<Exception', 'Gone<DeskError', 'SoldOut<DeskError'] },
  { name: 'a constructor said to take no arguments, which asks for nothing', text: '# D\n\n## Class `Booth`\n\n- `cast(self, vote: str) -> None`\n\nThe constructor takes no arguments.\n', api: ['Booth.cast(vote) -> None'] },
  { name: 'a Turkish class heading over its method list', text: '# D\n\n## Sınıf: `Takas`\n\n### Metotlar\n\n1. `al(self, no: int) -> int` — alır.\n', api: ['Takas.al(no) -> int'] },
];

describe('styles of the fifteenth held-out batch', () => {
  it.each(STYLES)('reads $name', async ({ text, api: expectedApi, exceptions: expectedExceptions }) => {
    const spec = await readDesign(text);
    if (expectedApi) expect(api(spec)).toEqual([...expectedApi].sort());
    if (expectedExceptions) expect(exceptions(spec)).toEqual([...expectedExceptions].sort());
  });

  it('reads malformed or hostile TOML as no API, without deep recursion', () => {
    expect(tomlApiAsJson('[[classes]]\nname = "A"\n')).toBe('{"classes":[{"name":"A"}]}');
    expect(tomlApiAsJson('[tool.poetry]\nname = "x"\n')).toBeNull();
    expect(tomlApiAsJson(`classes = ${'['.repeat(100_000)}`)).toBeNull();
    expect(tomlApiAsJson(`classes = [${'{ a = 1 }, '.repeat(10_000)}]`)).not.toBeNull();
    expect(tomlApiAsJson('classes = ["unclosed]\n')).toBeNull();
    expect(tomlApiAsJson('classes = [1] trailing\n')).toBeNull();
  });

  it('takes a property\'s return from its getter, not its setter', async () => {
    const spec = await readDesign('# D\n\n```python\nclass Recipe:\n    @property\n    def servings(self) -> int: ...\n    @servings.setter\n    def servings(self, value: int) -> None: ...\n```\n');
    expect(api(spec)).toEqual(['Recipe.servings() -> int']);
  });

  it('leaves InitVar and ClassVar annotations out of a dataclass\'s fields', async () => {
    const spec = await readDesign('# D\n\n```pyi\n@dataclass\nclass Sighting:\n    species: str\n    initials: InitVar[str] = ""\n    next_id: ClassVar[int] = 1\n    count: int = 1\n```\n');
    expect(spec.models.map((model) => model.fields.map((field) => field.name).join(','))).toEqual(['species,count']);
  });

  it('reads no method from a heading whose section spells none, and no names before a verb from a sentence without backticks', () => {
    expect(readSectionSignature(['## Methods:', '', '- `a(self) -> int`'], 0)).toBeNull();
    expect(readSectionSignature(['## Overview', '', '| Name | Type |', '|---|---|', '| `x` | `int` |'], 0)).toBeNull();
    expect(namesBefore('`A` (404) and `B`, both', 19)).toBe('`A` `B`');
    expect(namesBefore('plain words and more', 10)).toBe('');
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('the readers on odd documents in the fifteenth batch styles', () => {
  const designs = readdirSync(HELD_OUT).filter((name) => /^h1(3[3-9]|[45]\d)-.*\.md$/.test(name)).map((name) => readFileSync(path.join(HELD_OUT, name), 'utf8'));
  const lines = designs.flatMap((design) => design.split('\n'));
  const stories = readdirSync(STORIES).filter((name) => NEW_STORIES.test(name)).map((name) => readFileSync(path.join(STORIES, name), 'utf8'));
  const storyLines = stories.flatMap((text) => text.split('\n'));

  it('has the batch', () => {
    expect(designs.length).toBeGreaterThanOrEqual(25);
    expect(stories.length).toBe(6);
  });

  it('never throws on 120 documents of shuffled, cut and doubled lines', async () => {
    const next = random(133);
    for (let round = 0; round < 120; round++) {
      const picked = Array.from({ length: 5 + Math.floor(next() * 60) }, () => {
        const line = lines[Math.floor(next() * lines.length)]!;
        const cut = next();
        return cut < 0.2 ? line.slice(0, Math.floor(cut * 5 * line.length)) : cut > 0.9 ? `${line}${line}` : line;
      });
      const spec = await readDesign(picked.join(next() < 0.2 ? '\r\n' : '\n'));
      expect(Array.isArray(spec.classes)).toBe(true);
      const picks = Array.from({ length: 30 }, () => storyLines[Math.floor(next() * storyLines.length)]!);
      expect(Array.isArray(readStories(picks.join('\n')).stories)).toBe(true);
      // Inside a yaml fence, the same lines are read as YAML (or not at all).
      expect(Array.isArray(readStories(`\`\`\`yaml\n${picks.join('\n')}\n\`\`\`\n`).stories)).toBe(true);
    }
  }, 120_000);

  it('takes time linear in the size of each style, repeated (CPU time, four times the text)', async () => {
    for (const design of designs.filter((_, index) => index % 3 === 0)) {
      const cpu = async (copies: number) => {
        const started = process.cpuUsage();
        await readDesign(design.repeat(copies));
        const used = process.cpuUsage(started);
        return used.user + used.system;
      };
      await cpu(30);
      const small = await cpu(30);
      const large = await cpu(120);
      expect(large / Math.max(small, 1)).toBeLessThan(10);
    }
  }, 180_000);

  it.each([
    ['name-only headings, each over a long parameter table', `${'### `Fridge.put`\n\n| Parameter | Type | Default |\n|---|---|---|\n'}${'| `a` | `int` | |\n'.repeat(20)}\n`.repeat(500)],
    ['Field | Value tables with thousands of parameters', `## add\n\n| Field | Value |\n|---|---|\n| Parameters | ${'`a: int`, '.repeat(5_000)} |\n`],
    ['a long chain of names before every subclass verb', `## Errors\n${`${'`Aa` (1) and '.repeat(300)}subclass \`BaseError\`\n`.repeat(200)}`],
    ['arrows and plurals with no names', `## Errors\n${'← `X` are `Y`s both `Z`s '.repeat(150)}\n`.repeat(200)],
    ['sentences that take thousands of backticked names', `# D\n\n${`The \`f\` method takes ${'`a`, an int, '.repeat(300)}and returns ${'`int` '.repeat(100)}.\n\n`.repeat(300)}`],
    ['an AsciiDoc table of 10,000 one-cell lines', `= T\n\n== API\n\n== B\n\n|===\n|Signature |Returns\n\n${'|`f(self, a: int)`\n|`int`\n\n'.repeat(5_000)}|===\n`],
  ])('reads %s without a stack overflow, in bounded CPU time', async (_name, text) => {
    const started = process.cpuUsage();
    const spec = await readDesign(text);
    const used = process.cpuUsage(started);
    expect(Array.isArray(spec.classes)).toBe(true);
    expect((used.user + used.system) / 1000).toBeLessThan(20_000);
  }, 60_000);

  it('harvests 100,000 nested brackets in a Returns cell and a 1 MB line of backticks without trouble', () => {
    const lines = ['| Signature | Returns |', '|---|---|', `| \`f(self)\` | \`${'['.repeat(100_000)}\` |`, '`'.repeat(1_000_000)];
    expect(() => harvestSignatures(lines, new Uint8Array(lines.length))).not.toThrow();
  });

  it('reads deep and aliased YAML stories without expanding them', () => {
    const deep = `\`\`\`yaml\nstories:\n${Array.from({ length: 2_000 }, (_, depth) => `${'  '.repeat(depth + 1)}- id: US-${depth}`).join('\n')}\n\`\`\`\n`;
    expect(Array.isArray(readStories(deep).stories)).toBe(true);
    const aliases = `\`\`\`yaml\na: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nstories: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n\`\`\`\n`;
    expect(readStories(aliases).stories).toEqual([]);
  });
});
