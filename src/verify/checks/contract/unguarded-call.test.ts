import { testCheck } from '../../test-support/check-tester.js';
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
    { name: 'a helper that raises, called directly', code: `${PRELUDE}    def add(self, text: str) -> dict[str, Any]:
        self._check(text)
        return {"success": True, "message": "Added", "data": text}

    def _check(self, text: str) -> None:
        if not text:
            raise ValueError("empty")
`, findings: [{ line: 13, messageIncludes: 'calls self._check' }] },
    { name: 'an enum lookup can raise ValueError', code: `${PRELUDE}    def pick(self, value: str) -> dict[str, Any]:
        return {"success": True, "message": "ok", "data": Colour(value)}


class Colour(Enum):
    RED = "red"
`, findings: [{ line: 13, messageIncludes: 'calls Colour' }] },
    { name: 'a guard that re-raises does not guard', code: `${PRELUDE}    def load(self, text: str) -> dict[str, Any]:
        return self._run(lambda: int(text))

    def _run(self, operation) -> dict[str, Any]:
        try:
            return {"success": True, "message": "ok", "data": operation()}
        except Exception:
            logger.exception("failed")
            raise
`, findings: [{ line: 13, messageIncludes: 'calls self._run' }] },
  ],
});
