import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DesignSpec } from './design-types.js';
import { readDesign } from './read-design.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/designs/prose-styles');

/** `Class.method(a, b)` for every method of a non-exception class, `function(a)` for module functions. */
function api(spec: DesignSpec): string[] {
  const methods = spec.classes.filter((cls) => cls.role !== 'exception').flatMap((cls) => cls.methods.map((method) => `${cls.name}.${method.name}(${method.parameters.map((parameter) => parameter.name).join(', ')})`));
  return [...methods, ...spec.functions.map((fn) => `${fn.name}(${fn.parameters.map((parameter) => parameter.name).join(', ')})`)].sort();
}

const models = (spec: DesignSpec) => spec.models.map((model) => `${model.name}(${model.fields.map((field) => (field.annotation ? `${field.name}: ${field.annotation}` : field.name)).join(', ')})`).sort();
const exceptions = (spec: DesignSpec) => spec.exceptions.map((exception) => `${exception.name}<${exception.base}`).sort();

/** Each style: what the reader must understand of it, and the warnings it must give (kind: text). */
const STYLES: Array<{ file: string; primary: string | null; api: string[]; models?: string[]; exceptions?: string[]; external?: string[]; warnings?: string[] }> = [
  {
    // A dataclass that also holds the operations is the service class, and a model for its fields.
    file: 'dataclass-service.design.md',
    primary: 'SeedVault',
    api: ['SeedVault.inventory()', 'SeedVault.store(variety, grams)', 'SeedVault.withdraw(variety, grams)'],
    models: ['Packet(variety: str, grams: int)', 'SeedVault(owner: str, packets: dict[str, Packet])'],
    exceptions: ['VaultError<Exception'],
  },
  {
    // Signatures written inside sentences and numbered steps as `Class.method(...)`; a call with literal
    // arguments is an example; an untyped call on a class the design never defines is reported, not dropped.
    file: 'numbered-steps.design.md',
    primary: 'BikeShed',
    // "Open the shed: `BikeShed(capacity: int)` builds an empty shed." is its constructor (since batch 16).
    api: ['BikeShed.__init__(capacity)', 'BikeShed.lend(rider, bike_id)', 'BikeShed.open_loans()', 'BikeShed.record_deposit(rider, amount)', 'BikeShed.take_back(bike_id, damaged)'],
    exceptions: ['BikeUnavailableError<ShedError', 'ShedError<Exception'],
    warnings: [
      'unplaced: `Path.exists()` is named in running text, but the design defines no class `Path` and gives no types; not placed',
      'unplaced: `Ledger.close(day)` is named in running text, but the design defines no class `Ledger` and gives no types; not placed',
    ],
  },
  {
    // A heading that does not say "class" (`## Statistics`) is a section of the class the text names, not a class.
    file: 'unnamed-heading.design.md',
    primary: 'RouteBoard',
    api: ['RouteBoard.add_route(grade, setter)', 'RouteBoard.hardest_send(climber)', 'RouteBoard.retire_route(route_id)', 'RouteBoard.sends(route_id)', 'normalise_grade(raw)'],
    warnings: [
      'orphan: `sends` is under the heading "Statistics", which does not say it is a class; read as a method of `RouteBoard`, the class the text around it names',
      'orphan: `hardest_send` is under the heading "Statistics", which does not say it is a class; read as a method of `RouteBoard`, the class the text around it names',
    ],
  },
  {
    // With no other class in the design, the one-word heading is the only candidate.
    file: 'lone-heading.design.md',
    primary: 'Kiln',
    api: ['Kiln.fire(cone)', 'Kiln.load(piece)'],
  },
  {
    // "Attributes:" / "Fields:" lists under a class heading, a bold pseudo-heading, a numbered item, and bullets
    // under a `class X:` line; a class with operations of its own (Harbour, Logbook) is not a model.
    file: 'attribute-lists.design.md',
    primary: 'Harbour',
    api: [
      'Charter.to_dict()', 'Harbour.assign_mooring(hull_id, berth)', 'Harbour.departures()', 'Harbour.nightly_bill(hull_id)',
      'Harbour.register_boat(hull_id, length_m)', 'Logbook.write(text)',
    ],
    models: [
      'Boat(hull_id, length_m)', 'Catch(species: str, weight_kg: float)', 'Charter(skipper: str, days: int)',
      'Mooring(berth: str, rate: float)', 'Permit(holder: str, season: int)',
    ],
  },
  {
    // A named inline list ("**Tide** — a record with fields: …", "- `Buoy`: colour, lamp" in a models section),
    // backticked fields wrapped over two lines, and a sentence giving a class section's fields.
    file: 'inline-models.design.md',
    primary: 'TideStation',
    api: ['TideStation.high_water()', 'TideStation.record(hour, height_m)'],
    models: ['Buoy(colour, lamp)', 'Crew(name: str, role: str, certified: bool)', 'Gauge(gauge_id: str, site: str, installed: date)', 'Tide(hour: int, height_m: float, direction)'],
  },
  {
    // Plain classes that only hold data: constants only, or only dunder methods with an `__init__` taking the fields.
    file: 'plain-records.design.md',
    primary: 'FruitStall',
    api: ['FruitStall.__init__(owner)', 'FruitStall.sell(fruit, kilos)', 'FruitStall.takings()', 'Sale.__init__(fruit, kilos, side)', 'Sale.__repr__()'],
    models: ['Sale(fruit: str, kilos: float, side: str)', 'Side(RETAIL, WHOLESALE)'],
  },
  {
    // HTML <table>s read like markdown tables: an API table with <code> cells, an exception table.
    file: 'html-tables.design.md',
    primary: 'LaundryRoom',
    api: ['LaundryRoom.book(flat, machine)', 'LaundryRoom.cancel(booking_id)', 'LaundryRoom.free_machines()'],
    exceptions: ['LaundryError<Exception', 'MachineBusyError<LaundryError'],
  },
  {
    // Sphinx / reStructuredText directives: `.. py:class::` (its parameters are the constructor's), `.. py:method::` nested under it, `.. py:function::`, `.. py:exception::`.
    file: 'sphinx-directives.design.md',
    primary: 'HerbGarden',
    api: ['HerbGarden.__init__(beds)', 'HerbGarden.harvest(bed, grams)', 'HerbGarden.plant(bed, herb)', 'price_per_gram(herb)'],
    exceptions: ['BedTakenError<GardenError', 'GardenError<Exception'],
    external: ['price_per_gram'],
  },
  {
    // An API written as a YAML block: classes with methods and their params in several forms, functions,
    // exceptions with codes, models and constants; a YAML block of settings is ignored.
    file: 'yaml-api.design.md',
    primary: 'SwapShelf',
    api: ['SwapShelf.__init__(capacity)', 'SwapShelf.leave_book(title, donor)', 'SwapShelf.shelf()', 'SwapShelf.take_book(title, reader)', 'tidy_title(raw)'],
    models: ['SwapRecord(title: str, swapped_on: date)'],
    exceptions: ['ShelfError<Exception', 'ShelfFullError<ShelfError'],
  },
  {
    // Exceptions named without backticks in an errors section, with the shared base said in a sentence.
    file: 'prose-exceptions.design.md',
    primary: 'FerryDesk',
    api: ['FerryDesk.book_crossing(passenger, sailing)', 'FerryDesk.cancel(booking_id)'],
    exceptions: ['FerryError<Exception', 'SailingFullError<FerryError', 'UnknownBookingError<FerryError'],
  },
];

describe('designs whose API or models are written in prose, lists and other styles', () => {
  for (const style of STYLES) {
    it(`reads ${style.file}`, async () => {
      const spec = await readDesign(readFileSync(path.join(FIXTURES, style.file), 'utf8'), { sourceName: style.file });
      expect(spec.primaryClass).toBe(style.primary);
      expect(api(spec)).toEqual([...style.api].sort());
      expect(models(spec)).toEqual([...(style.models ?? [])].sort());
      expect(exceptions(spec)).toEqual([...(style.exceptions ?? [])].sort());
      expect(spec.functions.filter((fn) => fn.external).map((fn) => fn.name)).toEqual(style.external ?? []);
      const notable = spec.warnings.filter((warning) => warning.kind !== 'untyped' && warning.kind !== 'naming');
      expect(notable.map((warning) => `${warning.kind}: ${warning.message}`)).toEqual(style.warnings ?? []);
    });
  }
});
