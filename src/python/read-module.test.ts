import { describe, expect, it } from 'vitest';
import { readPythonModule } from './read-module.js';

const SAMPLE = `"""Inventory service.

Example:
    >>> 1 + 1
    2
"""
import os, json as j
from typing import Any, Optional
from .models import Item
from . import helpers

MAX_ITEMS: int = 10
GREETING = "Hello"


class StockError(Exception):
    """Base error."""

    def __init__(self, message: str, code: str = "STOCK") -> None:
        self.message = message
        self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class Item:
    name: str
    quantity: int = 0


class Inventory(Base, metaclass=Meta):
    """Keeps stock."""

    LIMIT = 5

    def __init__(self) -> None:
        self._items: dict[str, int] = {}
        self._lock = threading.RLock()

    def add(self, name: str, /, quantity: int = 1, *tags: str, note: Optional[str] = None, **extra: Any) -> dict[str, Any]:
        """Add stock."""
        try:
            with self._lock:
                self._items[name] = quantity
                self._log.append(name)
                self.count += 1
            if quantity < 0:
                raise StockError("negative")
        except (StockError, ValueError) as error:
            return {"success": False, "message": f"Could not add {name}: {error}", "data": None}
        return {"success": True, "message": "Added", "data": {**extra}}

    async def fetch(self):
        pass

    def explode(self) -> None:
        raise RuntimeError("boom")
`;

describe('readPythonModule', () => {
  it('reads the module docstring, imports and constants', async () => {
    const module = await readPythonModule(SAMPLE);
    expect(module.docstring?.text).toContain('Inventory service.');
    expect(module.docstring?.line).toBe(1);
    expect(module.firstStatementLine).toBe(1);
    expect(module.imports.map((entry) => [entry.module, entry.names, entry.alias, entry.level])).toEqual([
      ['os', [], null, 0],
      ['json', [], 'j', 0],
      ['typing', ['Any', 'Optional'], null, 0],
      ['models', ['Item'], null, 1],
      ['', ['helpers'], null, 1],
    ]);
    expect(module.constants.map((constant) => [constant.name, constant.annotation, constant.value])).toEqual([
      ['MAX_ITEMS', 'int', '10'],
      ['GREETING', null, '"Hello"'],
    ]);
    expect(module.parseErrors).toEqual([]);
  });

  it('reads classes with bases, keywords, decorators and attributes', async () => {
    const module = await readPythonModule(SAMPLE);
    expect(module.classes.map((cls) => cls.name)).toEqual(['StockError', 'Item', 'Inventory']);
    const [, item, inventory] = module.classes;
    expect(item!.decorators).toEqual(['dataclass(frozen=True)']);
    expect(item!.attributes.map((attribute) => [attribute.name, attribute.annotation, attribute.value])).toEqual([
      ['name', 'str', null],
      ['quantity', 'int', '0'],
    ]);
    expect(inventory!.bases).toEqual(['Base']);
    expect(inventory!.keywords).toEqual(['metaclass=Meta']);
    expect(inventory!.docstring?.text).toBe('Keeps stock.');
    expect(inventory!.methods.map((method) => method.name)).toEqual(['__init__', 'add', 'fetch', 'explode']);
  });

  it('reads parameters with their kinds, annotations and defaults', async () => {
    const module = await readPythonModule(SAMPLE);
    const add = module.classes[2]!.methods[1]!;
    expect(add.parameters.map((parameter) => [parameter.name, parameter.kind, parameter.annotation, parameter.defaultValue])).toEqual([
      ['self', 'positional-only', null, null],
      ['name', 'positional-only', 'str', null],
      ['quantity', 'positional-or-keyword', 'int', '1'],
      ['tags', 'var-positional', 'str', null],
      ['note', 'keyword-only', 'Optional[str]', 'None'],
      ['extra', 'var-keyword', 'Any', null],
    ]);
    expect(add.returnAnnotation).toBe('dict[str, Any]');
    expect(add.className).toBe('Inventory');
  });

  it('gathers body facts: returns, raises with handlers, mutations under locks', async () => {
    const module = await readPythonModule(SAMPLE);
    const [init, add, fetch, explode] = module.classes[2]!.methods;
    expect(add!.body.returns.map((fact) => [fact.kind, fact.dictKeys, fact.dictHasDynamicKeys])).toEqual([
      ['dict', ['success', 'message', 'data'], false],
      ['dict', ['success', 'message', 'data'], false],
    ]);
    expect(add!.body.raises).toMatchObject([
      { line: 48, exception: 'StockError', inExceptClause: false, handlers: [['StockError', 'ValueError']] },
    ]);
    expect(add!.body.tries[0]!.handlers).toEqual([{ line: 49, endLine: 50, types: ['StockError', 'ValueError'], reraises: false }]);
    expect(add!.body.attributeMutations.map((fact) => [fact.target, fact.operation, fact.method, fact.heldContexts])).toEqual([
      ['self._items', 'subscript-assign', null, ['self._lock']],
      ['self._log', 'method-call', 'append', ['self._lock']],
      ['self.count', 'augmented-assign', null, ['self._lock']],
    ]);
    expect(init!.body.attributeMutations.map((fact) => fact.target)).toEqual(['self._items', 'self._lock']);
    expect(fetch!.isAsync).toBe(true);
    expect(fetch!.body.isPlaceholder).toBe(true);
    expect(explode!.body.raises[0]).toMatchObject({ exception: 'RuntimeError', handlers: [] });
    expect(add!.body.isPlaceholder).toBe(false);
  });

  it('collects strings with f-string interpolations as placeholders', async () => {
    const module = await readPythonModule(SAMPLE);
    const texts = module.strings.filter((entry) => !entry.isDocstring).map((entry) => entry.text);
    expect(texts).toContain('Could not add {name}: {error}');
    expect(module.strings.find((entry) => entry.text === 'Could not add {name}: {error}')?.isFString).toBe(true);
    expect(module.strings.filter((entry) => entry.isDocstring).map((entry) => entry.text)).toContain('Keeps stock.');
  });

  it('records parse errors instead of throwing on invalid Python', async () => {
    const module = await readPythonModule('def broken(:\n    return 1\n');
    expect(module.parseErrors.length).toBeGreaterThan(0);
    expect(module.parseErrors[0]!.line).toBe(1);
  });

  it('handles an empty module', async () => {
    const module = await readPythonModule('');
    expect(module.firstStatementLine).toBeNull();
    expect(module.lineCount).toBe(0);
  });
});

describe('f-string escaped braces', () => {
  it('reads {{ and }} in f-strings as the single braces Python produces', async () => {
    const module = await readPythonModule('x = f"Invalid \'{{phone}}\'. Use {LOW} to {HIGH}."\ny = "plain {{x}}"\n');
    expect(module.strings.map((entry) => entry.text)).toEqual(["Invalid '{phone}'. Use {LOW} to {HIGH}.", 'plain {{x}}']);
  });
});

describe('f-string repr fields', () => {
  it('keeps !r (a repr quotes a str) and drops other conversions and format specs', async () => {
    const module = await readPythonModule('x = f"Tagged {tag!r}, {name!s}, {amount:.2f}, {value!r:>10}."\n');
    expect(module.strings.map((entry) => entry.text)).toEqual(['Tagged {tag!r}, {name}, {amount}, {value!r}.']);
  });
});
