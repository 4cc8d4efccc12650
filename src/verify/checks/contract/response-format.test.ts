import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../config/config-schema.js';
import { readDesign } from '../../../inputs/design/read-design.js';
import { buildCheckContext } from '../../build-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { responseFormat } from './response-format.js';

/** A service class with the given methods (indented by four spaces) after a good `ping`. */
function service(methods: string): string {
  return `"""Lending desk."""
from typing import Any


class Desk:
    def ping(self) -> dict[str, Any]:
        return {"success": True, "message": "pong", "data": None}

${methods}`;
}

testCheck(responseFormat, {
  valid: [
    { name: 'a module decorator whose wrapper answers with the response, around a method that does too', code: `"""Lending desk."""
import functools
from typing import Any


def answers(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KeyError as error:
            return {"success": False, "message": str(error), "data": None}

    return wrapper


class Desk:
    def ping(self) -> dict[str, Any]:
        return {"success": True, "message": "pong", "data": None}

    @answers
    def lend(self, book: str) -> dict[str, Any]:
        return {"success": True, "message": "Lent.", "data": book}
` },
    { name: 'dict literals on every path', code: service(`    def add(self, name: str) -> dict[str, Any]:
        if not name:
            return {"success": False, "message": "Name is required.", "data": None}
        return {"success": True, "message": f"Added {name}.", "data": {"name": name}}
`) },
    { name: 'a guard helper with a lambda (reference pattern)', code: service(`    def add(self, name: str) -> dict[str, Any]:
        return self._run(lambda: self._add(name))

    def _run(self, operation) -> dict[str, Any]:
        try:
            message, data = operation()
        except Exception as error:
            return {"success": False, "message": str(error), "data": None}
        return {"success": True, "message": message, "data": data}

    def _add(self, name):
        return "Added", name
`) },
    { name: 'a guard that returns what the lambda returns', code: service(`    def add(self, name: str) -> dict[str, Any]:
        return self._safe(lambda: self._add(name))

    def _safe(self, action):
        try:
            return action()
        except Exception as error:
            return self._fail(str(error))

    def _add(self, name):
        return {"success": True, "message": "Added", "data": name}

    @staticmethod
    def _fail(message: str) -> dict[str, Any]:
        return dict(success=False, message=message, data=None)
`) },
    { name: 'a method reference passed to a module-level guard', code: `from typing import Any


def respond(ok: bool, message: str, data: Any = None) -> dict[str, Any]:
    return {"success": ok, "message": message, "data": data}


class Desk:
    def count(self) -> dict[str, Any]:
        return self._guard(self._count)

    def _guard(self, action) -> dict[str, Any]:
        try:
            return respond(True, "ok", action())
        except Exception as error:
            return respond(False, str(error))

    def _count(self) -> int:
        return 3
` },
    { name: 'a local response filled in before returning', code: service(`    def add(self, name: str) -> dict[str, Any]:
        response = {"success": False, "message": "", "data": None}
        try:
            response["data"] = name.upper()
            response["success"] = True
        except AttributeError as error:
            response["message"] = str(error)
        return response
`) },
    { name: 'conditional expression of two responses', code: service(`    def check(self, ok: bool) -> dict[str, Any]:
        return ({"success": True, "message": "ok", "data": None} if ok
                else {"success": False, "message": "no", "data": None})
`) },
    { name: 'properties, class-method factories and undecidable values are left alone', code: service(`    @property
    def size(self) -> int:
        return 3

    @classmethod
    def create(cls) -> "Desk":
        return cls()

    def status(self) -> dict[str, Any]:
        return self._store.snapshot()
`) },
    { name: 'a lambda whose value cannot be decided, through a guard that returns it', code: service(`    def add(self, name: str) -> dict[str, Any]:
        return self._safe(lambda: name.upper())

    def _safe(self, action):
        try:
            return action()
        except Exception as error:
            return {"success": False, "message": str(error), "data": None}
`) },
    { name: 'a plain class with to_dict is not a service', code: `class Book:
    def __init__(self, title: str) -> None:
        self.title = title

    def to_dict(self) -> dict:
        return {"title": self.title}
` },
  ],
  invalid: [
    { name: 'a public method that yields rows answers with a generator', code: service(`    def rows(self) -> Iterator[list[Any]]:
        for item in self._items:
            yield [item]
`), findings: [{ line: 9, messageIncludes: 'rows is a generator (it yields)' }] },
    { name: 'the wrapper of a module decorator answers with other keys', code: `"""Lending desk."""
import functools
from typing import Any


def answers(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KeyError as error:
            return {"success": False, "error": str(error), "data": None}

    return wrapper


class Desk:
    def ping(self) -> dict[str, Any]:
        return {"success": True, "message": "pong", "data": None}

    @answers
    def lend(self, book: str) -> dict[str, Any]:
        return {"success": True, "message": "Lent.", "data": book}
`, findings: [{ line: 12, messageIncludes: "wrapper returns a dict with keys 'success', 'error', 'data' (missing 'message'; unexpected 'error')" }] },
    { name: 'a method whose wrapper passes its result on answers for it', code: `"""Lending desk."""
import functools
from typing import Any


def answers(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KeyError as error:
            return {"success": False, "message": str(error), "data": None}

    return wrapper


class Desk:
    def ping(self) -> dict[str, Any]:
        return {"success": True, "message": "pong", "data": None}

    @answers
    def lend(self, book: str) -> dict[str, Any]:
        return True, book
`, findings: [{ line: 23, messageIncludes: 'lend returns True, book (a tuple) instead of the response dict' }] },
    { name: 'wrong keys', code: service(`    def add(self, name: str) -> dict[str, Any]:
        return {"ok": True, "items": [name]}
`), findings: [{ line: 10, messageIncludes: "missing 'success', 'message', 'data'; unexpected 'ok', 'items'", symbol: 'Desk.add' }] },
    { name: 'an extra key', code: service(`    def add(self, name: str) -> dict[str, Any]:
        return {"success": True, "message": "Added", "data": name, "error": None}
`), findings: [{ line: 10, messageIncludes: "unexpected 'error'" }] },
    { name: 'bare return, None, fall-through and a non-bool success', code: service(`    def add(self, name: str) -> dict[str, Any]:
        if not name:
            return
        if name == "x":
            return None
        if name == "y":
            return {"success": "yes", "message": "ok", "data": None}
        if name == "z":
            return {"success": True, "message": None, "data": None}
        if name == "w":
            return {"success": 1 == 1, "message": "ok", "data": None}
        self._items.append(name)
`), findings: [
      { line: 9, messageIncludes: 'can reach the end of its body' },
      { line: 11, messageIncludes: 'bare `return`' },
      { line: 13, messageIncludes: 'returns None' },
      { line: 15, messageIncludes: "'success' to \"yes\", which is not a bool" },
      { line: 17, messageIncludes: "'message' to None, which is not a str" },
    ] },
    { name: 'returning something else', code: service(`    def names(self) -> list[str]:
        return [item.name for item in self._items]

    def total(self) -> dict[str, Any]:
        return str(self._total)

    def item(self, name: str) -> dict[str, Any]:
        return Item(name)


class Item:
    def __init__(self, name: str) -> None:
        self.name = name
`), findings: [
      { line: 10, messageIncludes: '(a list)' },
      { line: 13, messageIncludes: '(a str)' },
      { line: 16, messageIncludes: 'an Item instance' },
    ] },
    { name: 'a helper that builds the wrong dict, reported once for all its callers', code: service(`    def add(self, name: str) -> dict[str, Any]:
        return self._respond(True, "Added", name)

    def remove(self, name: str) -> dict[str, Any]:
        return self._respond(True, "Removed", name)

    def _respond(self, ok: bool, message: str, data: Any) -> dict[str, Any]:
        return {"status": ok, "message": message, "data": data}
`), findings: [{ line: 16, messageIncludes: "_respond returns a dict with keys 'status', 'message', 'data' (missing 'success'; unexpected 'status'); the response must have exactly 'success', 'message' and 'data' (reached from add, remove)", symbol: 'Desk._respond' }] },
    { name: 'a local response with a wrong key added later', code: service(`    def add(self, name: str) -> dict[str, Any]:
        result = {"success": True, "message": "Added"}
        result["payload"] = name
        return result
`), findings: [{ line: 12, messageIncludes: "missing 'data'; unexpected 'payload'" }] },
  ],
});

describe('contract/response-format with the design\'s response format', () => {
  const kiosk = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test-fixtures/responses/kiosk_orders_technical_design.md');
  const service = (failure: string) => [
    '"""Kiosk."""', '', '', 'class KioskOrders:', '    """Orders."""', '',
    '    def place_order(self, item: str, quantity: int) -> dict:', '        """Places."""', '        if quantity < 1:',
    `            return ${failure}`, '        return {"success": True, "message": "Order placed.", "data": {"order_id": 1, "total": 2.0}}', '',
  ].join('\n');
  const cases: Array<[string, string, string[]]> = [
    ['failure data as the design shows', '{"success": False, "message": "Bad quantity.", "data": {"error_code": "BAD_QUANTITY"}}', []],
    ['failure data None', '{"success": False, "message": "Bad quantity.", "data": None}', ["10 warning: KioskOrders.place_order returns a failure response whose 'data' is None; the design's failure responses carry 'error_code' inside 'data'"]],
    ['error_code at the top', '{"success": False, "message": "Bad quantity.", "data": None, "error_code": "BAD_QUANTITY"}', ["10 error: place_order returns a dict with keys 'success', 'message', 'data', 'error_code' (unexpected 'error_code')", "10 warning: KioskOrders.place_order returns a failure response whose 'data' is None"]],
  ];
  it.each(cases)('%s', async (_name, failure, expected) => {
    const context = await buildCheckContext({ source: service(failure), config: defaultConfig() });
    context.design = await readDesign(readFileSync(kiosk, 'utf8'));
    const reports = await responseFormat.run(context);
    const texts = reports.map((report) => `${report.line} ${report.severity ?? 'error'}: ${report.message}`);
    expect(texts.length, texts.join('\n')).toBe(expected.length);
    expected.forEach((text, index) => expect(texts[index]).toContain(text));
  });
});

describe('a generator the design declares is the design\'s choice', () => {
  it('is not reported when the design says -> Iterator[...]', async () => {
    const source = service('    def rows(self) -> Iterator[list[Any]]:\n        yield []\n');
    const context = await buildCheckContext({ source, config: defaultConfig() });
    context.design = await readDesign('# Desk\n\n```python\nclass Desk:\n    def ping(self) -> dict[str, Any]: ...\n\n    def rows(self) -> Iterator[list[Any]]: ...\n```\n');
    expect(await responseFormat.run(context)).toEqual([]);
  });
});
