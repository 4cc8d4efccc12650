import { describe, expect, it } from 'vitest';
import { readClassLine, readSignatureSnippet } from './signature-snippet.js';
import { sectionOwner } from './section-owner.js';

describe('readSignatureSnippet', () => {
  it.each([
    ['#### `deposit(self, amount: float) -> None`', 'deposit', 'self, amount: float', 'None'],
    ['#### deposit(self, amount: float) -> None', 'deposit', 'self, amount: float', 'None'],
    ['- **`__init__(self)`**', '__init__', 'self', null],
    ['1. **add_task(title: str) -> Task**: adds one', 'add_task', 'title: str', 'Task'],
    ['- `buy(self, symbol: str, quantity: int) -> bool`: buys shares', 'buy', 'self, symbol: str, quantity: int', 'bool'],
    ['## Function: get_price(symbol)', 'get_price', 'symbol', null],
    ['## Función `precio(simbolo: str) -> float`', 'precio', 'simbolo: str', 'float'],
    ['- Signature: `def total(self) -> Dict[str, int]`', 'total', 'self', 'Dict[str, int]'],
    [' `Shop.refund(order_id: int) -> bool` ', 'refund', 'order_id: int', 'bool'],
  ])('reads %s', (line, name, parameters, returns) => {
    expect(readSignatureSnippet(line)).toMatchObject({ name, parameters, returns });
  });

  it.each([
    'The account keeps a balance (never negative).',
    '- Returns (float): the value',
    '- `Account(initial: float)` builds one',
    '- see `self.deposit(amount)`',
    'Validates input (amount > 0), else raises.',
  ])('finds no signature at the start of %s', (line) => {
    expect(readSignatureSnippet(line)).toBeNull();
  });

  it('stops after a bounded length on unbalanced parentheses', () => {
    expect(readSignatureSnippet(`f(${'('.repeat(100_000)}`)).toBeNull();
  });
});

describe('readClassLine and sectionOwner', () => {
  it('reads class lines with bases', () => {
    expect(readClassLine('- class OutOfStock(ShopError)')).toEqual({ name: 'OutOfStock', bases: ['ShopError'] });
    expect(readClassLine('- @dataclass class Line:')).toEqual({ name: 'Line', bases: [] });
    expect(readClassLine('the class is small')).toBeNull();
  });

  it.each([
    ['Class: Account', { kind: 'class', name: 'Account' }],
    ['Clase `Cuenta`', { kind: 'class', name: 'Cuenta' }],
    ['2. `Portfolio`', { kind: 'class', name: 'Portfolio' }],
    ['Account class', { kind: 'class', name: 'Account' }],
    ['Main Class: Racing', { kind: 'class', name: 'Racing' }],
    ['External Dependencies (Mocked)', { kind: 'functions', external: true }],
    ['Funciones auxiliares', { kind: 'functions', external: false }],
    ['Helper Methods', { kind: 'none' }],
    ['Métodos', { kind: 'none' }],
    ['Class Diagram', { kind: 'none' }],
    ['Constructor', { kind: 'none' }],
    ['Wallet', { kind: 'maybe-class', name: 'Wallet' }],
    ['Architecture', { kind: 'none' }],
    ['Signatures', { kind: 'none' }],
  ])('reads the heading %s', (heading, owner) => {
    expect(sectionOwner(heading)).toEqual(owner);
  });
});
