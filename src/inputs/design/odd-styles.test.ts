import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStories } from '../stories/read-stories.js';
import { readModelClauses } from './model-clauses.js';
import { signatureStubs } from './signature-stubs.js';
import { plainCharacters } from './plain-characters.js';
import { readDesign } from './read-design.js';

const HELD_OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/designs/held-out');
const STORIES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/stories');

describe('characters pasted from HTML pages and wikis', () => {
  it('decodes entities, makes odd spaces plain and leaves struck-out text out, line for line', () => {
    const text = 'add(self,\u00a0pot: int) -&gt; list&lt;int&gt; &mdash; ok &#10; &bogus;\n- ~~`old(self) -> int`~~ (removed)\n```mermaid\nList~dict~str, int~~ ~~keep~~\n```\n~~~\n~~~';
    const plain = plainCharacters(text);
    expect(plain.split('\n')).toEqual(['add(self, pot: int) -> list<int> — ok &#10; &bogus;', '-  (removed)', '```mermaid', 'List~dict~str, int~~ ~~keep~~', '```', '~~~', '~~~']);
    expect(plainCharacters('no entities here')).toBe('no entities here');
  });

  it('drops emoji that open a heading or a bullet, and joins a signature whose code span wraps onto the next line', () => {
    const text = '### 🔹 `Till.scan(code: str) -> int`\n- ✅ done ✅\n- `book(self, member: str,\n  start: datetime) -> Booking` — books\n- `free(self) -> int`\nA lone ` tick\nnext line';
    expect(plainCharacters(text).split('\n')).toEqual(['### `Till.scan(code: str) -> int`', '- done ✅', '- `book(self, member: str, start: datetime) -> Booking` — books', '', '- `free(self) -> int`', 'A lone ` tick', 'next line']);
  });

  it('strikes in one pass: a line of 100,000 unpaired ~~ marks', () => {
    const line = '~~ x '.repeat(100_000);
    const started = performance.now();
    expect(plainCharacters(line).length).toBe(line.length);
    const ticks = `- \`f(${'a, '.repeat(50_000)}\n`.repeat(20);
    expect(plainCharacters(ticks).split('\n').length).toBe(ticks.split('\n').length);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('models introduced by kind and name in a sentence', () => {
  it('reads an enum and a dataclass in one sentence, and a NamedTuple in a bullet', () => {
    const sentence = 'Create an enum `Status` with members `OPEN`, `SHUT`, and a dataclass `Ticket` with fields `no: int`, `status: Status = Status.OPEN`.';
    expect(readModelClauses(sentence).map((model) => `${model.name}:${model.fields.map((field) => field.name).join(',')}`)).toEqual(['Status:OPEN,SHUT', 'Ticket:no,status']);
    expect(readModelClauses('- `Part` — a NamedTuple with `name: str`, `grams: float`')[0]?.name).toBe('Part');
  });
  it('reads nothing from a model named with fewer than two fields or members', () => {
    expect(readModelClauses('The dataclass `Ticket` is frozen; its `no: int` is the key.')).toEqual([]);
    expect(readModelClauses('Use the `Enum` `Colour` from the palette module.')).toEqual([]);
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

describe('the readers on odd and malformed documents in the new styles', () => {
  const designs = readdirSync(HELD_OUT).filter((name) => /^h(?:6[89]|[789]\d)-.*\.md$/.test(name)).map((name) => readFileSync(path.join(HELD_OUT, name), 'utf8'));
  const lines = designs.flatMap((design) => design.split('\n'));
  const stories = readdirSync(STORIES).filter((name) => name.endsWith('.stories.md')).map((name) => readFileSync(path.join(STORIES, name), 'utf8'));
  const storyLines = stories.flatMap((text) => text.split('\n'));

  it('never throws on 150 documents of shuffled, cut and doubled lines of the new styles', async () => {
    const next = random(68);
    for (let round = 0; round < 150; round++) {
      const picked = Array.from({ length: 5 + Math.floor(next() * 60) }, () => {
        const line = lines[Math.floor(next() * lines.length)]!;
        const cut = next();
        return cut < 0.2 ? line.slice(0, Math.floor(cut * 5 * line.length)) : cut > 0.9 ? `${line}${line}` : line;
      });
      const spec = await readDesign(picked.join(next() < 0.2 ? '\r\n' : '\n'));
      expect(Array.isArray(spec.classes)).toBe(true);
      const story = readStories(Array.from({ length: 30 }, () => storyLines[Math.floor(next() * storyLines.length)]!).join('\n'));
      expect(Array.isArray(story.stories)).toBe(true);
    }
  });

  it('takes time linear in the size of each new style, repeated', async () => {
    for (const design of designs.filter((_, index) => index % 4 === 0)) {
      const cpu = async (copies: number) => {
        const text = design.repeat(copies);
        const started = process.cpuUsage();
        await readDesign(text);
        const used = process.cpuUsage(started);
        return used.user + used.system;
      };
      await cpu(40);
      const small = await cpu(40);
      const large = await cpu(160);
      // Four times the text: well under sixteen times the time (quadratic) even on a loaded machine.
      expect(large / Math.max(small, 1)).toBeLessThan(10);
    }
  }, 120_000);

  it('reads deep nested story bullets and a huge Given/Then table without stack or time trouble', () => {
    const deep = `- **US-1 Deep**\n  - As a user I want depth so that it nests.\n  - Acceptance criteria:\n${Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth + 2)}- AC${depth + 1} — shows “Level ${depth}.”`).join('\n')}\n`;
    expect(readStories(deep).stories.map((story) => story.id)).toEqual(['US-1']);
    const table = `## US-2 Table\n\nAs a user I want rows so that there are many.\n\n| # | Given | When | Then |\n|---|---|---|---|\n${Array.from({ length: 20_000 }, (_, row) => `| AC${row} | a | b | shows \`Row ${row}.\` |`).join('\n')}\n`;
    const started = performance.now();
    expect(readStories(table).stories[0]!.messages.length).toBe(20_000);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('rules taken for the tenth batch', () => {
  it('a class whose attribute list comes with a method taking only its own fields is a record too; one whose methods take other data is a service', async () => {
    const text = [
      '**Class: Entry**', '- **Attributes:**', '  - `entry_id: int`', '  - `tree: str`', '  - `kilos: float`', '- **Methods:**', '  - `record(tree: str, kilos: float) -> Entry`: stores one.', '',
      '**Class: Orchard**', '- **Attributes:**', '  - `trees: dict[str, str]`', '- **Methods:**', '  - `plant(tree: str, variety: str) -> None`: adds a tree.', '',
    ].join('\n');
    const spec = await readDesign(text);
    expect(spec.models.map((model) => `${model.name}(${model.fields.map((field) => field.name).join(', ')})`)).toEqual(['Entry(entry_id, tree, kilos)']);
    expect(spec.classes.filter((cls) => cls.methods.length > 0).map((cls) => `${cls.name}.${cls.methods.map((method) => method.name).join(',')}`)).toEqual(['Entry.record', 'Orchard.plant']);
  });

  it('"`X` is the only class" owns self-taking signatures that no section places; a "helper" named in a sentence is a module function', async () => {
    const text = ['`Ledger` is the only class with behaviour.', '', '## Method details', '', '### `add`', '', '```python', 'def add(self, amount: int) -> int', '```', '', 'Implement the helper `round_cents(value: float) -> float` at module level.', ''].join('\n');
    const spec = await readDesign(text);
    expect(spec.classes.map((cls) => `${cls.name}: ${cls.methods.map((method) => method.name).join(', ')}`)).toEqual(['Ledger: add']);
    expect(spec.functions.map((fn) => fn.name)).toEqual(['round_cents']);
  });
});

describe('an API in YAML whose methods map names to signature strings', () => {
  it('reads each value as the signature after the name, adding self when it is left out', async () => {
    const text = ['```yaml', 'classes:', '  Tabs:', '    methods:', '      charge: "(self, pupil: str, amount: float) -> float"', '      balance: "(pupil: str) -> float"', 'services:', '  web:', '    image: nginx', '```', ''].join('\n');
    const spec = await readDesign(text);
    expect(spec.classes.map((cls) => `${cls.name}: ${cls.methods.map((method) => `${method.name}(${method.parameters.map((parameter) => parameter.name).join(', ')})`).join(', ')}`)).toEqual(['Tabs: charge(pupil, amount), balance(pupil)']);
  });
});

describe('response envelopes shown as JSON under a method, not under a response heading', () => {
  it('reads a sample with a boolean outcome key and a message, `ok` as well as `success`; a JSON config block is none', async () => {
    const text = ['## `Board`', '', '### `sign_up(self, shift: int) -> dict`', '', '```json', '{"ok": true, "message": "Signed up.", "data": {"slots_left": 1}}', '```', '', '```json', '{"ok": false, "message": "Full.", "error": "FULL"}', '```', ''].join('\n');
    const format = (await readDesign(text)).responseFormat;
    expect(format && { keys: format.keys, dataOnSuccess: format.dataOnSuccess, dataOnFailure: format.dataOnFailure }).toEqual({ keys: ['ok', 'message', 'data', 'error'], dataOnSuccess: ['slots_left'], dataOnFailure: [] });
    expect((await readDesign('## Config\n\n```json\n{"debug": true, "level": "info"}\n```\n')).responseFormat).toBeNull();
  });
});

describe('plain blocks of bare typed signatures', () => {
  it('are stubs, with self under a heading that calls them methods', () => {
    expect(signatureStubs('assign(walker: str, slot: str) -> bool', 'Method `assign`')).toBe('def assign(self, walker: str, slot: str) -> bool: ...');
    expect(signatureStubs('\nlevels() -> list[int]\n', 'Helpers')).toBe('\ndef levels() -> list[int]: ...\n');
  });
  it('are not calls, prose, untyped calls or long blocks', () => {
    expect(signatureStubs('book({"day": 1})', 'Method `book`')).toBeNull();
    expect(signatureStubs('assign("Ann", "Rex")', 'Method `assign`')).toBeNull();
    expect(signatureStubs('rota.assign(walker: str)', 'Usage')).toBeNull();
    expect(signatureStubs('Assigns a walker (when free).', 'Method `assign`')).toBeNull();
    expect(signatureStubs('f(a)\ng(b)', 'Method')).toBeNull();
    expect(signatureStubs('f(a: int) -> int\n'.repeat(50), 'Method')).toBeNull();
  });
});

describe('an API in YAML as one class with a list of signature strings', () => {
  it('reads `class:` with `methods: - signature: …`', async () => {
    const text = ['```yaml', 'class: Butts', 'methods:', '  - signature: "draw(self, butt: int) -> int"', '  - signature: "levels(self) -> list[int]"', '```', ''].join('\n');
    const spec = await readDesign(text);
    expect(spec.classes.map((cls) => `${cls.name}: ${cls.methods.map((method) => `${method.name}(${method.parameters.map((parameter) => parameter.name).join(', ')})`).join(', ')}`)).toEqual(['Butts: draw(butt), levels()']);
  });
});
