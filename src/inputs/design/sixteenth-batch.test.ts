import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStories } from '../stories/read-stories.js';
import { readDesign } from './read-design.js';
import { pythonGenerics } from './java-generics.js';
import type { DesignSpec } from './design-types.js';

const HELD_OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/designs/held-out');
const STORIES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/stories');
const NEW_STORIES = /^(outline-examples-messages|escaped-code-span-messages|dotted-ac-ids|single-table-stories|bold-gwt|docstring-split-messages)\.stories\.md$/;
const exceptions = (spec: DesignSpec) => spec.exceptions.map((exception) => `${exception.name}<${exception.base}`).sort();

const api = (spec: DesignSpec) => [
  ...spec.classes.flatMap((cls) => cls.methods.map((method) => `${cls.name}.${method.name}(${method.parameters.map((parameter) => parameter.name).join(', ')}) -> ${method.returnAnnotation}`)),
  ...spec.functions.map((fn) => `${fn.name}(${fn.parameters.map((parameter) => parameter.name).join(', ')}) -> ${fn.returnAnnotation}`),
].sort();

describe('open points of the fifteenth batch', () => {
  it('gives each method read from TOML its own line', async () => {
    const text = '# D\n\n```toml\n[[classes]]\nname = "Vault"\n\n  [[classes.methods]]\n  name = "deposit"\n  returns = "int"\n\n  [[classes.methods]]\n  name = "close"\n  returns = "None"\n\n[[exceptions]]\nname = "VaultError"\nbase = "Exception"\n```\n';
    const spec = await readDesign(text);
    const lines = text.split('\n');
    const vault = spec.classes.find((cls) => cls.name === 'Vault')!;
    expect(vault.methods.map((method) => lines[method.line - 1]!.trim())).toEqual(['[[classes.methods]]', '[[classes.methods]]']);
    expect(vault.methods.map((method) => method.line)).toEqual([7, 11]);
  });

  it('reads Java-style generic types as Python types, and says so', async () => {
    const spec = await readDesign('# D\n\n## `Pool`\n\n- `free(self) -> list<int>`\n- `by_lane(self) -> map<int, List<String>>`\n- `find(self, id: int) -> Optional<Booking>`\n');
    expect(api(spec)).toEqual(['Pool.by_lane() -> dict[int, list[str]]', 'Pool.find(id) -> Booking | None', 'Pool.free() -> list[int]']);
    expect(spec.warnings.filter((warning) => warning.kind === 'rewritten').map((warning) => warning.line)).toEqual([5, 6, 7]);
  });

  it.each([
    ['an HTML tag', 'see <code>list</code> and <br> here'],
    ['a placeholder', 'Hello <name>, you owe <amount>'],
    ['a comparison', 'if a<b and c>d: pass'],
    ['an unknown generic', 'Foo<Bar> stays'],
    ['a mermaid arrow', 'A <|-- B'],
  ])('leaves %s alone', (_name, line) => {
    expect(pythonGenerics(line).text).toBe(line);
  });

  it('stays linear and shallow on hostile generics', () => {
    const started = process.cpuUsage();
    for (const line of ['list<'.repeat(50_000), `${'list<'.repeat(20)}int${'>'.repeat(20)}`, `list<${'a '.repeat(100_000)}`, 'map<a, '.repeat(30_000)]) pythonGenerics(line);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });
});

/** Styles of the sixteenth held-out batch, each in a few lines. */
const STYLES: Array<{ name: string; text: string; api?: string[]; exceptions?: string[] }> = [
  { name: 'Jira wiki markup', text: 'h1. D\n\nh2. Classes\n\nh3. Timetable\n\n||Method||Signature||Returns||\n|add|{{add(self, stop: str)}}|{{int}}|\n\n{code:python}\nclass TimetableError(Exception): ...\n{code}\n\nh2. End\n', api: ['Timetable.add(stop) -> int'], exceptions: ['TimetableError<Exception'] },
  { name: 'MediaWiki markup', text: '= D =\n\n== Class Planner ==\n{| class="wikitable"\n! Method !! Signature\n|-\n| book || <code>book(self, loop: str)</code>\n|}\n\n== Errors ==\n* <code>PlannerError</code> — derives from <code>Exception</code>\n', api: ['Planner.book(loop) -> null'], exceptions: ['PlannerError<Exception'] },
  { name: 'a Confluence storage-format export', text: '<h1>D</h1>\n<h2>Class <code>Rota</code></h2>\n<table><tbody>\n<tr><th><p>Method</p></th><th><p>Parameters</p></th><th><p>Returns</p></th></tr>\n<tr><td><p><code>swap</code></p></td><td><p><code>a: date</code><br/><code>b: date</code></p></td><td><p><code>None</code></p></td></tr>\n</tbody></table>\n<h2>Errors</h2>\n<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[class RotaError(Exception):\n    pass\n]]></ac:plain-text-body></ac:structured-macro>\n', api: ['Rota.swap(a, b) -> None'], exceptions: ['RotaError<Exception'] },
  { name: 'a typed Mermaid sequence diagram', text: '# D\n\n```mermaid\nsequenceDiagram\n    participant B as LockerBank\n    Note over B: LockerBank(size: int)\n    C->>+B: deposit(parcel: str)\n    B-->>-C: code: str\n```\n', api: ['LockerBank.__init__(size) -> null', 'LockerBank.deposit(parcel) -> str'] },
  { name: 'Responsibilities bullets with a constructor and signatures mid-sentence', text: '# D\n\n## Components\n\n### AttendanceBook\n\n**Responsibilities**\n\n- Knows the parts — set up with `AttendanceBook(parts: list[str])`.\n- Answers how often via `rate(member: str) -> float` (0 to 1).\n', api: ['AttendanceBook.__init__(parts) -> null', 'AttendanceBook.rate(member) -> float'] },
  { name: 'a CRC card table', text: '# D\n\n| **Orders** | |\n|---|---|\n| **Responsibility** | **Collaborators** |\n| take an order — `place(member: str) -> int` | Line |\n', api: ['Orders.place(member) -> int'] },
  { name: 'numbered paragraphs of an SDD', text: '# SDD\n\n1 Scope\n\n2.1 Class Register\n\n2.1.1 take(self, key: int) -> int\n\n2.2 Errors\n\n2.2.1 RegisterError(Exception) — base.\n', api: ['Register.take(key) -> int'], exceptions: ['RegisterError<Exception'] },
  { name: 'pydoc help() output', text: '# D\n\n```\nHelp on module tides:\n\nCLASSES\n    builtins.Exception(builtins.BaseException)\n        TideError\n\n    class Table(builtins.object)\n     |  Methods defined here:\n     |\n     |  height(self, at: float) -> float\n     |      Interpolated.\n     |\n     |  Data descriptors defined here:\n     |\n     |  __dict__\n\nFUNCTIONS\n    feet(x: float) -> float\n```\n', api: ['Table.height(at) -> float', 'feet(x) -> float'], exceptions: ['TideError<Exception'] },
  { name: 'an API as CSV', text: '# D\n\n```csv\nkind,owner,name,parameters,returns\nmethod,Store,sign_out,"who: str; n: int = 1",int\nfunction,,report,"s: Store","dict[str, int]"\nexception,Exception,KitError,,\n```\n', api: ['Store.sign_out(who, n) -> int', 'report(s) -> dict[str, int]'], exceptions: ['KitError<Exception'] },
  { name: 'a box-drawing exception tree rooted at Exception', text: '# D\n\n## Errors\n\n```\nException\n└── KilnError      base\n    ├── KilnBusy\n    └── FiringError\n        └── TooHot\n```\n', exceptions: ['FiringError<KilnError', 'KilnBusy<KilnError', 'KilnError<Exception', 'TooHot<FiringError'] },
  { name: 'exception sentences with "is the base of", "the root … subclass it" and "; both are"', text: '# D\n\n- `LockerError(Exception)` is the base of `NoFree` and `WrongCode`.\n\n`RotaError` is the root (it subclasses `Exception`); `Late` and `Early` subclass it.\n\n`Out` and `Gone`; both are `SeedError`s, and `SeedError` is an `Exception`.\n', exceptions: ['Early<RotaError', 'Gone<SeedError', 'Late<RotaError', 'LockerError<Exception', 'NoFree<LockerError', 'Out<SeedError', 'RotaError<Exception', 'SeedError<Exception', 'WrongCode<LockerError'] },
  { name: 'linked signatures and curly quotes in defaults', text: '# D\n\n## Class `Share`\n\n### [`Share.borrow(self, tool: str, owner: str = “club”) -> date`](https://wiki/x#b)\n\n- `lend(self, days: int = −2) -> int`\n', api: ['Share.borrow(tool, owner) -> date', 'Share.lend(days) -> int'] },
  { name: 'a Kind | Signature table with overloads, a property, an init row and a dotted classmethod', text: '# D\n\n| Kind | Signature | Returns |\n|---|---|---|\n| init | `Conv(table: dict \\| None = None)` | |\n| overload | `convert(value: int)` | `float` |\n| method | `convert(value: float, *, digits: int = 2)` | `float` |\n| property | `units` | `frozenset[str]` |\n| classmethod | `Conv.metric(cls)` | `"Conv"` |\n', api: ['Conv.__init__(table) -> null', 'Conv.convert(value, digits) -> float', 'Conv.metric() -> "Conv"', 'Conv.units() -> frozenset[str]'] },
  { name: 'an API table continued after a page break without its header', text: '# D\n\n## `Desk`\n\n| Operation | Parameters | Result |\n|---|---|---|\n| `hire` | `who: str` | `int` (device) |\n\n<div style="page-break-after: always;"></div>\n\nTable 3 (continued)\n\n| `languages` | — | `list[str]` |\n|---|---|---|\n| `add` | `code: str` | `None` |\n', api: ['Desk.add(code) -> None', 'Desk.hire(who) -> int', 'Desk.languages() -> list[str]'] },
  { name: 'a changelog that removes a method and an exception the stubs still list', text: '# D\n\n## Changelog\n\n| Version | Change |\n|---|---|\n| 2.0 | **Removed** `Room.book_day` (abused); removed the `Overbooked` exception; `purge` removed; `expired` added |\n\n## Class\n\n```python\nclass Room:\n    def book(self, who: str) -> int: ...\n    def book_day(self, who: str) -> int: ...\n    def expired(self) -> list[str]: ...\n\nclass RoomError(Exception): ...\nclass Overbooked(RoomError): ...\n```\n', api: ['Room.book(who) -> int', 'Room.expired() -> list[str]'], exceptions: ['RoomError<Exception'] },
  { name: 'dotted calls in a sentence with the return named after them', text: '# D\n\nThere are two classes, `Bank` and `Packet`.\n\nLater: `Bank.stock_of(variety)` returns the `int` count, and `Bank.short(minimum=3)` returns a `list[str]` of names.\n', api: ['Bank.short(minimum) -> list[str]', 'Bank.stock_of(variety) -> int'] },
  { name: 'nested Mermaid generics', text: '# D\n\n```mermaid\nclassDiagram\n    class Queue {\n        +by_kind() Dict~str, List~int~~\n    }\n```\n', api: ['Queue.by_kind() -> Dict[str, List[int]]'] },
];

/** Models written in this batch's sentences, each in a few lines. */
const MODELS: Array<{ name: string; text: string; models: string[] }> = [
  { name: 'a dataclass sentence naming untyped fields', text: '# D\n\n## Service\n\n`Firing` is a dataclass with the fields `firing_id`, `kiln` and `readings` (a `list[int]`).\n', models: ['Firing(firing_id, kiln, readings)'] },
  { name: 'a bare name with its kind in parentheses', text: '# D\n\n**3. Data**\n\nScore (dataclass): catalogue_no: int, title: str, lent_to: str | None\n', models: ['Score(catalogue_no, title, lent_to)'] },
  { name: 'a numbered paragraph with a Fields list', text: '# SDD\n\n2.1 Data\n\n2.1.1 KeyLoan (dataclass). Fields: key_no (int), holder (str), returned_at (datetime | None).\n\n2.2 Other\n\n2.3 More\n', models: ['KeyLoan(key_no, holder, returned_at)'] },
  { name: 'a dataclass sentence inside a responsibility bullet', text: '# D\n\n## Components\n\n### Rehearsal\n\n- Holds the facts. A frozen dataclass with `day: date`, `present: set[str]` and `apologies: dict[str, str]`.\n', models: ['Rehearsal(day, present, apologies)'] },
];

describe('models and errors of the sixteenth batch', () => {
  it.each(MODELS)('reads $name', async ({ text, models }) => {
    const spec = await readDesign(text);
    expect(spec.models.map((model) => `${model.name}(${model.fields.map((field) => field.name).join(', ')})`)).toEqual(models);
  });

  it('reads bare exception bullets under a bold "Errors" line of a word processor', async () => {
    const spec = await readDesign('# D\n\n**4. Errors**\n\n* CupboardError — base, derives from Exception\n* NotInCupboard — derives from CupboardError\n');
    expect(exceptions(spec)).toEqual(['CupboardError<Exception', 'NotInCupboard<CupboardError']);
  });
});

describe('styles of the sixteenth held-out batch', () => {
  it.each(STYLES)('reads $name', async ({ text, api: expectedApi, exceptions: expectedExceptions }) => {
    const spec = await readDesign(text);
    if (expectedApi) expect(api(spec)).toEqual([...expectedApi].sort());
    if (expectedExceptions) expect(exceptions(spec)).toEqual([...expectedExceptions].sort());
  });

  it('leaves the KW_ONLY marker out of a dataclass\'s fields', async () => {
    const spec = await readDesign('# D\n\n```python\n@dataclass\nclass Shift:\n    who: str\n    _: KW_ONLY\n    hours: float = 2.0\n```\n');
    expect(spec.models.map((model) => model.fields.map((field) => field.name).join(','))).toEqual(['who,hours']);
  });

  it('reads a one-word sequence-diagram participant with untyped calls as no class', async () => {
    const spec = await readDesign('# D\n\n```mermaid\nsequenceDiagram\n    UI->>Backend: subscribe(address)\n    Backend-->>UI: status\n```\n');
    expect(api(spec)).toEqual([]);
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

describe('the readers on odd documents in the sixteenth batch styles', () => {
  const designs = readdirSync(HELD_OUT).filter((name) => /^h1(6\d|7\d|8[0-4])-.*\.md$/.test(name)).map((name) => readFileSync(path.join(HELD_OUT, name), 'utf8'));
  const lines = designs.flatMap((design) => design.split('\n'));
  const stories = readdirSync(STORIES).filter((name) => NEW_STORIES.test(name)).map((name) => readFileSync(path.join(STORIES, name), 'utf8'));
  const storyLines = stories.flatMap((text) => text.split('\n'));

  it('has the batch', () => {
    expect(designs.length).toBe(25);
    expect(stories.length).toBe(6);
  });

  it('never throws on 120 documents of shuffled, cut and doubled lines', async () => {
    const next = random(160);
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
      // Inside a gherkin fence, the same lines are read as Gherkin.
      expect(Array.isArray(readStories(`\`\`\`gherkin\n${picks.join('\n')}\n\`\`\`\n`).stories)).toBe(true);
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
  }, 240_000);

  it.each([
    ['a Jira table of 20,000 rows', `h1. D\n\nh2. X\n\n||Method||Signature||\n${'|f|{{f(self, a: int)}}|\n'.repeat(20_000)}`],
    ['a MediaWiki table of 20,000 rows and an unclosed one', `= D =\n\n== X ==\n{| class="wikitable"\n! Method !! Signature\n${'|-\n| f || <code>f(self)</code>\n'.repeat(20_000)}|}\n{|\n${'| a || b\n'.repeat(5_000)}`],
    ['an HTML export with 5,000 unclosed tables and code macros', `<h1>D</h1>\n${'<table><tr><td>x</td></tr>\n<ac:structured-macro ac:name="code"><![CDATA[x = 1\n'.repeat(5_000)}`],
    ['a sequence diagram of 20,000 calls and replies', `# D\n\n\`\`\`mermaid\nsequenceDiagram\n${'    A->>LockerBank: f(a: int)\n    LockerBank-->>A: int\n'.repeat(20_000)}\`\`\`\n`],
    ['a pydoc tree 2,000 levels deep', `# D\n\n\`\`\`\nHelp on module m:\n\nCLASSES\n${Array.from({ length: 2_000 }, (_, depth) => `${' '.repeat(4 * (depth + 1))}E${depth}Error`).join('\n')}\n\`\`\`\n`],
    ['a CSV of 20,000 rows with open quotes', `# D\n\n\`\`\`csv\nkind,owner,name,parameters,returns\n${'method,S,f,"a: int; b: int",int\nmethod,S,g,"open\n'.repeat(10_000)}\`\`\`\n`],
    ['20,000 numbered paragraph lines', `# SDD\n\n${'2.1.3 f(self, a: int) -> int\n'.repeat(20_000)}`],
    ['Mermaid generics 50,000 tildes deep', `# D\n\n\`\`\`mermaid\nclassDiagram\n    class Q {\n        +f() ${'List~'.repeat(50_000)}int${'~'.repeat(50_000)}\n    }\n\`\`\`\n`],
  ])('reads %s without a stack overflow, in bounded CPU time', async (_name, text) => {
    const started = process.cpuUsage();
    const spec = await readDesign(text);
    const used = process.cpuUsage(started);
    expect(Array.isArray(spec.classes)).toBe(true);
    expect((used.user + used.system) / 1000).toBeLessThan(20_000);
  }, 60_000);

  it('reads Examples tables of 20,000 rows and a story table of 5,000 rows', () => {
    const outline = `\`\`\`gherkin\n@S-1\nFeature: F\n  Scenario Outline: O\n    Then I see "<message>"\n    Examples:\n      | message |\n${'      | Saved {n}. |\n'.repeat(20_000)}\`\`\`\n`;
    expect(readStories(outline).stories[0]?.messages.length).toBeGreaterThan(0);
    const table = `| Key | User story | Acceptance criteria | Messages |\n|---|---|---|---|\n${Array.from({ length: 5_000 }, (_, index) => `| S-${index} | As a user I want x so that y. | 1. Given a, when b, then c. | 1: "Done {n}." |`).join('\n')}\n`;
    expect(readStories(table).stories.length).toBe(5_000);
  });
});
