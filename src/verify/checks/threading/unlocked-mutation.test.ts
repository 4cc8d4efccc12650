import { testCheck } from '../../test-support/check-tester.js';
import { unlockedMutation } from './unlocked-mutation.js';

const PRELUDE = `"""Counter service."""
import threading
from typing import Any

`;
// PRELUDE is 4 lines: the class starts on line 5.

testCheck(unlockedMutation, {
  valid: [
    { name: 'every change under with self._lock; __init__ is exempt', code: `${PRELUDE}class Counter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}
        self._counts["start"] = 0

    def bump(self, name: str) -> dict[str, Any]:
        with self._lock:
            self._counts[name] = self._counts.get(name, 0) + 1
            self.total += 1
        return {"success": True, "message": "ok", "data": None}
` },
    { name: 'the reference pattern: a guard takes the lock around the lambda', code: `${PRELUDE}class Counter:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._log: list[str] = []

    def bump(self, name: str) -> dict[str, Any]:
        return self._run(lambda: self._bump(name))

    def reset(self) -> dict[str, Any]:
        return self._run(self._reset)

    def _run(self, operation) -> dict[str, Any]:
        try:
            with self._lock:
                data = operation()
        except Exception as error:
            return {"success": False, "message": str(error), "data": None}
        return {"success": True, "message": "ok", "data": data}

    def _bump(self, name: str) -> int:
        self._log.append(name)
        return len(self._log)

    def _reset(self) -> None:
        self._log.clear()
` },
    { name: 'acquire/release, a class-level lock, a module-level lock, a lock passed in', code: `${PRELUDE}_REGISTRY_LOCK = threading.Lock()


class Counter:
    _class_lock = threading.Lock()

    def __init__(self, lock: Any = None) -> None:
        self._state_lock = lock or threading.Lock()
        self._items: list[int] = []

    def one(self) -> dict[str, Any]:
        self._class_lock.acquire()
        try:
            self._items.append(1)
        finally:
            self._class_lock.release()
        return {"success": True, "message": "ok", "data": None}

    def two(self) -> dict[str, Any]:
        with _REGISTRY_LOCK:
            self._items.append(2)
        with self._state_lock:
            del self._items[0]
        return {"success": True, "message": "ok", "data": None}
` },
    { name: 'rebinding an attribute and changing local objects are not shared-state changes', code: `${PRELUDE}class Counter:
    def status(self) -> dict[str, Any]:
        self.last_status = "ok"
        rows = []
        rows.append(1)
        return {"success": True, "message": "ok", "data": rows}
` },
  ],
  invalid: [
    { name: 'no lock at all', code: `${PRELUDE}class Counter:
    def __init__(self) -> None:
        self._items: list[str] = []
        self.count = 0

    def add(self, name: str) -> dict[str, Any]:
        self._items.append(name)
        self.count += 1
        return {"success": True, "message": "ok", "data": None}
`, findings: [{ line: 11, messageIncludes: 'add changes shared state (self._items, self.count) without holding a lock; Counter creates no threading.Lock/RLock', symbol: 'Counter.add' }] },
    { name: 'a lock that exists but is not held, directly and in a helper', code: `${PRELUDE}class Counter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, int] = {}

    def add(self, name: str) -> dict[str, Any]:
        with self._lock:
            self._items[name] = 1
        self._forget(name)
        return {"success": True, "message": "ok", "data": None}

    def drop(self, name: str) -> dict[str, Any]:
        self._forget(name)
        return {"success": True, "message": "ok", "data": None}

    def _forget(self, name: str) -> None:
        self._items.pop(name, None)
`, findings: [{ line: 21, messageIncludes: '_forget changes shared state (self._items) without holding a lock (reached from add, drop)', symbol: 'Counter._forget' }] },
    { name: 'a guard that does not lock', code: `${PRELUDE}class Counter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[str] = []

    def add(self, name: str) -> dict[str, Any]:
        return self._run(lambda: self._items.append(name))

    def _run(self, operation) -> dict[str, Any]:
        try:
            return {"success": True, "message": "ok", "data": operation()}
        except Exception as error:
            return {"success": False, "message": str(error), "data": None}
`, findings: [{ line: 11, messageIncludes: 'lambda (line 11) changes shared state (self._items) without holding a lock (reached from add)' }] },
  ],
});
