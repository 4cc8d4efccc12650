import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../config/config-schema.js';
import { buildCheckContext } from '../../build-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { uncaughtRaise } from './uncaught-raise.js';
import { unguardedCall } from './unguarded-call.js';

const PRELUDE = `"""Notes service."""
# Notes service.
import json
import logging
from datetime import datetime
from typing import Any

logger = logging.getLogger(__name__)


class Notes:
`;
// PRELUDE is 11 lines: the first method starts on line 12.

testCheck(unguardedCall, {
  valid: [
    { name: 'a sequence lookup, Decimal predicates, Decimal of an int parameter and of number constants', code: `${PRELUDE}    def share(self, total: Decimal, people: int) -> dict[str, Any]:
        rank = ("low", "high").index(self._level)
        if total.is_signed() or total.is_zero():
            return {"success": False, "message": "No bill.", "data": None}
        each = total / Decimal(people) * Decimal(HUNDRED) / Decimal(Limits.BASE)
        with decimal.localcontext() as context:
            context.prec = 10
        rank = self._split._asdict()
        return {"success": True, "message": "ok", "data": [rank, str(each)]}


HUNDRED = 100


class Limits:
    BASE: int = 100


from decimal import Decimal  # noqa: E402
import decimal  # noqa: E402
` },
    { name: 'a method of a helper object the class builds, that cannot raise', code: `${PRELUDE}    def __init__(self) -> None:
        self._store = _Store()

    def add(self, text: str) -> dict[str, Any]:
        return {"success": True, "message": "Added", "data": self._store.put(text)}


class _Store:
    def __init__(self) -> None:
        self._items: list[str] = []

    def put(self, text: str) -> int:
        self._items.append(text)
        return len(self._items)
` },
    { name: 'work inside contextlib.suppress of what it raises, and dataclasses.replace', code: `${PRELUDE.replace('import json', 'import contextlib\nimport dataclasses\nimport json')}    def load(self, text: str) -> dict[str, Any]:
        data = None
        with contextlib.suppress(ValueError):
            data = json.loads(text)
        self._note = dataclasses.replace(self._note, text=text)
        return {"success": True, "message": "Loaded", "data": data}
` },
    { name: 'an unbounded queue attribute taking items, next() on a module itertools.count, a nested helper', code: `${PRELUDE.replace('import json', 'import itertools\nimport json\nimport queue')}    def __init__(self) -> None:
        self._events: queue.Queue[str] = queue.Queue()

    def add(self, text: str) -> dict[str, Any]:
        def clean(value: str) -> str:
            return value.strip()

        self._events.put(clean(text))
        self._events.put_nowait(text)
        return {"success": True, "message": "ok", "data": [next(_IDS), self._events.qsize()]}


_IDS = itertools.count(1)
` },
    { name: 'Decimal of an int field of the dataclass a parameter is annotated with', code: `${PRELUDE.replace('import json', 'import json\nfrom dataclasses import dataclass\nfrom decimal import Decimal')}    def share(self, request: Request) -> dict[str, Any]:
        return {"success": True, "message": "ok", "data": Decimal(request.people)}


@dataclass
class Request:
    people: int
` },
    { name: 'trivial work only', code: `${PRELUDE}    def count(self) -> dict[str, Any]:
        logger.info("counting")
        names = sorted(self._notes.keys())
        return {"success": True, "message": f"{len(names)} notes at {datetime.now().isoformat()}", "data": names}
` },
    { name: 'real work inside try/except', code: `${PRELUDE}    def load(self, text: str) -> dict[str, Any]:
        try:
            data = json.loads(text)
        except ValueError as error:
            return {"success": False, "message": str(error), "data": None}
        return {"success": True, "message": "Loaded", "data": data}
` },
    { name: 'delegation to a guard helper (reference pattern)', code: `${PRELUDE}    def load(self, text: str) -> dict[str, Any]:
        return self._run(lambda: json.loads(text))

    def save(self) -> dict[str, Any]:
        return self._run(self._save)

    def _run(self, operation) -> dict[str, Any]:
        try:
            return {"success": True, "message": "ok", "data": operation()}
        except Exception as error:
            return {"success": False, "message": str(error), "data": None}

    def _save(self):
        return json.dumps(self._notes)
` },
    { name: 'helpers that do trivial work', code: `${PRELUDE}    def add(self, text: str) -> dict[str, Any]:
        note = self._clean(text)
        return {"success": True, "message": "Added", "data": Note(note)}

    def _clean(self, text: str) -> str:
        return text.strip().lower()


class Note:
    text: str
` },
    { name: 'calls that cannot fail in the form written (pop/next with a default, a counter attribute, sort)', code: `${PRELUDE}    def tidy(self, key: str) -> dict[str, Any]:
        removed = self._notes.pop(key, None)
        number = next(self._ids)
        first = next((note for note in self._notes if note), "")
        rows = list(self._notes)
        rows.sort(key=lambda row: row.lower())
        return {"success": True, "message": f"{removed} {number} {first}", "data": rows}
` },
    { name: 'timedelta, itertools.count and heapq.heappush', code: PRELUDE.replace('import json', 'import heapq\nimport itertools\nimport json').replace('from datetime import datetime', 'from datetime import datetime, timedelta') + `    def week(self) -> dict[str, Any]:
        ids = itertools.count(1)
        heapq.heappush(self._heap, (1, "a"))
        return {"success": True, "message": str(ids), "data": [timedelta(days=7)]}
` },
    { name: 'a method of a module class that cannot raise, called on a loop variable', code: `${PRELUDE}    def rows(self) -> dict[str, Any]:
        return {"success": True, "message": "ok", "data": [note.row() for note in self._items]}


class Note:
    text: str

    def row(self) -> list[str]:
        return [self.text.strip()]
` },
  ],
  invalid: [
    { name: 'Decimal of a parameter that is not a number, and a helper object method that parses', code: `${PRELUDE}    def __init__(self) -> None:
        self._store = _Store()

    def share(self, total: str) -> dict[str, Any]:
        return {"success": True, "message": "ok", "data": str(Decimal(total))}

    def add(self, text: str) -> dict[str, Any]:
        return {"success": True, "message": "Added", "data": self._store.put(text)}


class _Store:
    def put(self, text: str) -> int:
        return json.loads(text)


from decimal import Decimal  # noqa: E402
`, findings: [{ line: 16, messageIncludes: 'share calls Decimal' }, { line: 19, messageIncludes: 'add calls self._store.put' }] },
    { name: 'next() on a generator with no default can raise StopIteration; pop without a default KeyError', code: `${PRELUDE}    def first(self, key: str) -> dict[str, Any]:
        found = next(note for note in self._notes if note == key)
        self._notes.pop(key)
        return {"success": True, "message": "ok", "data": found}
`, findings: [{ line: 13, messageIncludes: 'first calls next (and self._notes.pop)' }] },
    { name: 'a method of a module class that raises, called on a loop variable', code: `${PRELUDE}    def rows(self) -> dict[str, Any]:
        return {"success": True, "message": "ok", "data": [note.row() for note in self._items]}


class Note:
    text: str

    def row(self) -> list[str]:
        if not self.text:
            raise ValueError("empty")
        return [self.text]
`, findings: [{ line: 13, messageIncludes: 'rows calls note.row' }] },
    { name: 'library calls without try, one finding per method', code: `${PRELUDE}    def load(self, text: str) -> dict[str, Any]:
        data = json.loads(text)
        stamp = datetime.fromisoformat(data["when"])
        return {"success": True, "message": "Loaded", "data": stamp}
`, findings: [{ line: 13, messageIncludes: 'load calls json.loads (and datetime.fromisoformat) with no try/except', symbol: 'Notes.load' }] },
    { name: 'a bounded queue raises queue.Full from put_nowait; get_nowait raises queue.Empty', code: `${PRELUDE.replace('import json', 'import json\nimport queue')}    def __init__(self) -> None:
        self._events: queue.Queue[str] = queue.Queue(maxsize=10)

    def add(self, text: str) -> dict[str, Any]:
        self._events.put_nowait(text)
        return {"success": True, "message": "ok", "data": self._events.qsize()}

    def take(self) -> dict[str, Any]:
        return {"success": True, "message": "ok", "data": self._inbox.get_nowait()}
`, findings: [
      { line: 17, messageIncludes: 'add calls self._events.put_nowait' },
      { line: 21, messageIncludes: 'take calls self._inbox.get_nowait' },
    ] },
    { name: 'a helper nested in the method that parses', code: `${PRELUDE}    def load(self, text: str) -> dict[str, Any]:
        def parse() -> Any:
            return json.loads(text)

        return {"success": True, "message": "ok", "data": parse()}
`, findings: [{ line: 16, messageIncludes: 'load calls parse' }] },
    { name: 'Decimal of a str field of the dataclass a parameter is annotated with', code: `${PRELUDE.replace('import json', 'import json\nfrom dataclasses import dataclass\nfrom decimal import Decimal')}    def share(self, request: Request) -> dict[str, Any]:
        return {"success": True, "message": "ok", "data": Decimal(request.total)}


@dataclass
class Request:
    total: str
`, findings: [{ line: 15, messageIncludes: 'share calls Decimal' }] },
    { name: 'an enum lookup can raise ValueError', code: `${PRELUDE}    def pick(self, value: str) -> dict[str, Any]:
        return {"success": True, "message": "ok", "data": Colour(value)}


class Colour(Enum):
    RED = "red"
`, findings: [{ line: 13, messageIncludes: 'calls Colour' }] },
  ],
});

// A call whose only risk is a raise of the module's own that escapes through it is one problem,
// reported once: by contract/uncaught-raise, at the raise, naming the public method.
describe('a helper raise that escapes is reported once, by contract/uncaught-raise', () => {
  const cases: Array<[string, string, string]> = [
    ['a helper that raises, called directly', `${PRELUDE}    def add(self, text: str) -> dict[str, Any]:
        self._check(text)
        return {"success": True, "message": "Added", "data": text}

    def _check(self, text: str) -> None:
        if not text:
            raise ValueError("empty")
`, '18 ValueError (raised in _check) escapes add uncaught'],
    ['a guard that re-raises does not guard', `${PRELUDE}    def load(self, text: str) -> dict[str, Any]:
        return self._run(lambda: int(text))

    def _run(self, operation) -> dict[str, Any]:
        try:
            return {"success": True, "message": "ok", "data": operation()}
        except Exception:
            logger.exception("failed")
            raise
`, '20 bare `raise` in _run re-raises the caught exception out of load'],
  ];
  it.each(cases)('%s', async (_name, source, raised) => {
    const context = await buildCheckContext({ source, config: defaultConfig() });
    const found = [...await uncaughtRaise.run(context), ...await unguardedCall.run(context)].map((report) => `${report.line} ${report.message}`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(raised);
  });
});
