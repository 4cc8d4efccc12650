import { testCheck } from '../../test-support/check-tester.js';
import { unlockedMutation } from './unlocked-mutation.js';

/** A desk whose state changes under `with self._guard:`, a `_Guard` whose `__enter__`/`__exit__` are `enter`/`exit` (indented by eight spaces). */
function desk(enter: string, exit: string): string {
  return `"""Desk."""
import threading
from typing import Any


class _Guard:
    def __init__(self, lock: threading.Lock) -> None:
        self._lock = lock

    def __enter__(self) -> "_Guard":
${enter}
        return self

    def __exit__(self, *exc: object) -> None:
${exit}


class Desk:
    def __init__(self) -> None:
        self._guard = _Guard(threading.Lock())
        self._tickets: dict[int, str] = {}

    def open_ticket(self, subject: str) -> dict[str, Any]:
        with self._guard:
            self._tickets[len(self._tickets) + 1] = subject
        return {"success": True, "message": "ok", "data": None}
`;
}

testCheck(unlockedMutation, {
  valid: [
    { name: 'a context manager class that acquires a lock on enter and releases it on exit', code: desk('        self._lock.acquire()', '        self._lock.release()') },
  ],
  invalid: [
    { name: 'a context manager class that holds nothing', code: desk('        print("enter")', '        print("exit")'), findings: [{ line: 25, messageIncludes: 'open_ticket changes shared state (self._tickets) without holding a lock' }] },
    { name: 'one that acquires but never releases the same lock is no guard', code: desk('        self._lock.acquire()', '        pass'), findings: [{ line: 25 }] },
  ],
});
