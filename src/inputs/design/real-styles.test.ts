import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DesignSpec } from './design-types.js';
import { readDesign } from './read-design.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/designs/real-styles');

async function read(name: string, transform: (text: string) => string = (text) => text): Promise<DesignSpec> {
  return readDesign(transform(readFileSync(path.join(FIXTURES, name), 'utf8')), { sourceName: name });
}

/** `Class.method(a, b)` for every method of a service or plain class, `function(a)` for module functions. */
function api(spec: DesignSpec): string[] {
  const methods = spec.classes.filter((cls) => cls.role !== 'exception').flatMap((cls) => cls.methods.map((method) => `${cls.name}.${method.name}(${method.parameters.map((parameter) => parameter.name).join(', ')})`));
  return [...methods, ...spec.functions.map((fn) => `${fn.name}(${fn.parameters.map((parameter) => parameter.name).join(', ')})`)].sort();
}

const exceptions = (spec: DesignSpec) => spec.exceptions.map((exception) => `${exception.name}<${exception.base}`).sort();

const STYLES: Array<{ file: string; api: string[]; exceptions?: string[]; external?: string[] }> = [
  {
    file: 'outer-fence-headings.design.md',
    api: ['Library.__init__(name)', 'Library.add_copies(isbn, count)', 'Library.checkout(isbn, member_id)', 'Library.overdue_members(today)', 'late_fee(days)'],
    external: ['late_fee'],
  },
  {
    file: 'spanish-sections.design.md',
    api: ['Huerto.__init__(nombre)', 'Huerto.asignar_parcela(parcela, socio)', 'Huerto.añadir_cosecha(año, kilos)', 'Huerto.cosecha_total()', 'Huerto.liberar_parcela(parcela)', 'precio_kilo(producto)'],
    exceptions: ['HuertoError<null', 'ParcelaOcupadaError<HuertoError', 'SocioDesconocidoError<HuertoError'],
    external: ['precio_kilo'],
  },
  {
    file: 'bullet-lists.design.md',
    api: [
      'Garage.__init__(levels, spots_per_level)', 'Garage._spot_key(level, spot)', 'Garage.find_car(plate)', 'Garage.free_spots(level)', 'Garage.leave(plate)',
      'Garage.occupancy_report()', 'Garage.park(plate)', 'Ticket.__init__(plate, entered_at)', 'Ticket.duration_minutes(now)', 'hourly_rate(level)',
    ],
    external: ['hourly_rate'],
  },
  {
    file: 'tables.design.md',
    api: ['Kitchen.mark_ready(order_id)', 'Kitchen.pending_orders()', 'Kitchen.place_order(table, dishes)', 'prep_minutes(dish)'],
    exceptions: ['KitchenError<null', 'OrderClosedError<KitchenError', 'UnknownDishError<KitchenError'],
  },
  {
    file: 'per-method-blocks.design.md',
    api: ['Thermostat.__init__(room, target)', 'Thermostat.current_reading()', 'Thermostat.set_target(celsius)', 'Thermostat.should_heat(hysteresis)'],
  },
  {
    file: 'overview-then-skeleton.design.md',
    api: ['Order.__init__(customer_id)', 'Order.add_line(sku, quantity)', 'Order.checkout(payment_token)', 'Order.total()', 'stock_level(sku)'],
    exceptions: ['OutOfStockError<ShopError', 'PaymentDeclinedError<ShopError', 'ShopError<Exception'],
    external: ['stock_level'],
  },
  {
    file: 'unfenced-pseudo-code.design.md',
    api: ['Ledger.__init__(currency, opening_balance)', 'Ledger._next_id()', 'Ledger.balance(account)', 'Ledger.post(debit, credit, amount)'],
    exceptions: ['LedgerError<Exception', 'UnbalancedEntryError<LedgerError'],
  },
  {
    // One-word class headings under "Classes", "(main class)", a class whose bare `def` lines do not parse, builtins and
    // custom exceptions in prose, a Spanish "Clase principal", and usage/test sections that are not the API.
    file: 'mixed-extras.design.md',
    api: [
      'BoxOffice.__init__(venue)', 'BoxOffice.refund(ticket_id)', 'BoxOffice.sell(buyer, count)', 'Taquilla.vender(comprador)',
      'Venue.__init__(name, seats)', 'Venue.seats_left()',
    ],
    exceptions: ['OverbookedError<null', 'SoldOutError<null', 'VenueClosedError<null'],
  },
  {
    // A one-word heading names the class of `self` signatures; "X Class" with bold pseudo-headings; a description table;
    // a method written outside any class under a heading that names none goes to the primary class.
    file: 'plain-headings.design.md',
    api: [
      'Notebook.archive(note_id)', 'Notebook.create_note(title, body)', 'Notebook.delete_note(note_id)', 'Wallet.__init__(owner)', 'Wallet.add_funds(amount)',
      'Notebook.audit()', 'Wallet.spend(amount)', 'format_money(value)', 'slugify(title)',
    ],
  },
  {
    // "Method: x" headings with a bold "Signature:" line, a Method/Parameters/Returns table with `name` (type) parameters.
    file: 'signature-labels.design.md',
    api: ['Bank.balance(account_id)', 'Bank.close_account(account_id)', 'Bank.open_account(owner, opening)', 'Bank.transfer(source, target, amount)'],
    exceptions: ['AccountFrozenError<null'],
  },
];

describe('designs in the styles real Engineering Leads write', () => {
  for (const style of STYLES) {
    it(`reads the API of ${style.file}`, async () => {
      const spec = await read(style.file);
      expect(api(spec)).toEqual([...style.api].sort());
      expect(exceptions(spec)).toEqual([...(style.exceptions ?? [])].sort());
      expect(spec.functions.filter((fn) => fn.external).map((fn) => fn.name)).toEqual(style.external ?? []);
      expect(spec.warnings.filter((warning) => warning.kind === 'no-api' || warning.kind === 'unplaced')).toEqual([]);
      expect(spec.stats.attributedSnippets).toBe(spec.stats.signatureSnippets);
    });

    it(`reads ${style.file} the same with Windows line endings`, async () => {
      const spec = await read(style.file, (text) => text.replace(/\n/g, '\r\n'));
      expect(api(spec)).toEqual([...style.api].sort());
      expect(exceptions(spec)).toEqual([...(style.exceptions ?? [])].sort());
    });
  }

  it('takes types and returns from the bullets under an untyped signature', async () => {
    const garage = (await read('bullet-lists.design.md')).classes.find((cls) => cls.name === 'Garage')!;
    const findCar = garage.methods.find((method) => method.name === 'find_car')!;
    expect(findCar.parameters.map((parameter) => parameter.annotation)).toEqual(['str']);
    expect(findCar.returnAnnotation).toBe('int');
    expect(garage.methods.find((method) => method.name === 'leave')!.returnAnnotation).toBe('float');
  });

  it('reads `name` (type) parameters in an API table', async () => {
    const bank = (await read('signature-labels.design.md')).classes.find((cls) => cls.name === 'Bank')!;
    expect(bank.methods.find((method) => method.name === 'transfer')!.parameters.map((parameter) => `${parameter.name}: ${parameter.annotation}`)).toEqual(['source: str', 'target: str', 'amount: float']);
  });

  it('merges an overview with the code and says that the code wins', async () => {
    const spec = await read('overview-then-skeleton.design.md');
    expect(spec.classes.find((cls) => cls.name === 'Order')!.methods.find((method) => method.name === 'total')!.returnAnnotation).toBe('Decimal');
    const conflict = spec.warnings.find((warning) => warning.kind === 'conflict');
    expect(conflict?.message).toContain('`Order.total` is given twice');
    expect(conflict?.message).toMatch(/the code block at line \d+ wins/);
    expect(spec.models.map((model) => `${model.name}: ${model.fields.map((field) => `${field.name}: ${field.annotation}`).join(', ')}`))
      .toEqual(['OrderLine: sku: str, quantity: int, unit_price: float']);
  });

  it('unwraps an outer markdown fence and keeps line numbers', async () => {
    const spec = await read('outer-fence-headings.design.md');
    expect(spec.stats.unwrappedOuterFence).toBe(true);
    const checkout = spec.classes.find((cls) => cls.name === 'Library')!.methods.find((method) => method.name === 'checkout')!;
    expect(readFileSync(path.join(FIXTURES, 'outer-fence-headings.design.md'), 'utf8').split('\n')[checkout.line - 1]).toContain('checkout(self');
  });

  it('lists a signature-like snippet it cannot place, and counts it', async () => {
    const spec = await readDesign('# Notes\n\n### Class: Account\n\n- `deposit(amount: float, ???)`: adds money.\n\nThe UI shows `refund(order_id: int) -> bool` somewhere.\n');
    expect(spec.warnings.filter((warning) => warning.kind === 'unplaced').map((warning) => warning.line)).toEqual([5, 7]);
    expect(spec.stats.signatureSnippets).toBe(2);
    expect(spec.stats.attributedSnippets).toBe(0);
  });
});
