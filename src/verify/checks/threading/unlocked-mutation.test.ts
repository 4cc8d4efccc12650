import { testCheck } from '../../test-support/check-tester.js';
import { unlockedMutation } from './unlocked-mutation.js';

const PRELUDE = `"""Counter service."""
import threading
from typing import Any

`;
// PRELUDE is 4 lines: the class starts on line 5.

testCheck(unlockedMutation, {
  valid: [
    { name: 'an object handed out by a helper, changed under the lock; a fresh object from a helper', code: `${PRELUDE}class Log:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._habits: dict[int, set[str]] = {}

    def _find(self, habit_id: int) -> set[str]:
        return self._habits[habit_id]

    def _fresh(self) -> list[str]:
        return []

    def check_in(self, habit_id: int, day: str) -> dict[str, Any]:
        with self._lock:
            habit = self._find(habit_id)
            habit.days.add(day)
        rows = self._fresh()
        rows.append(day)
        return {"success": True, "message": "ok", "data": rows}
` },
    { name: 'a module of functions changing module state under a module lock', code: `${PRELUDE}_HISTORY: list[str] = []
_LOCK = threading.Lock()


def record(entry: str) -> dict[str, Any]:
    with _LOCK:
        _HISTORY.append(entry)
    return {"success": True, "message": "ok", "data": None}
` },
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
    { name: 'module-level state changed under a module-level _LOCK or the class lock', code: `${PRELUDE}_POLLS: dict[int, str] = {}
_LOCK = threading.Lock()
_NEXT_ID = 0


class Polls:
    def __init__(self) -> None:
        self._lock = threading.RLock()

    def add(self, text: str) -> dict[str, Any]:
        global _NEXT_ID
        with _LOCK:
            _NEXT_ID += 1
            _POLLS[_NEXT_ID] = text
        return {"success": True, "message": "ok", "data": None}

    def drop(self, poll_id: int) -> dict[str, Any]:
        with self._lock:
            _forget(poll_id)
        return {"success": True, "message": "ok", "data": None}


def _forget(poll_id: int) -> None:
    global _NEXT_ID
    _POLLS.pop(poll_id, None)
    _NEXT_ID = _NEXT_ID - 1
` },
    { name: 'local names and parameters that shadow module-level ones are not shared state', code: `${PRELUDE}_ROWS: list[int] = []


class Polls:
    def list(self, _ROWS: list[int]) -> dict[str, Any]:
        _ROWS.append(1)
        return {"success": True, "message": "ok", "data": None}

    def count(self) -> dict[str, Any]:
        _ROWS = []
        _ROWS.append(2)
        total = 0
        total += 1
        return {"success": True, "message": "ok", "data": len(_ROWS)}
` },
    { name: 'a decorator of the module whose wrapper holds the lock around the method', code: `${PRELUDE}import functools


def synchronized(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)
    return wrapper


class Counter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}

    @synchronized
    def add(self, key: str) -> dict[str, Any]:
        self._counts[key] = self._counts.get(key, 0) + 1
        return {"success": True, "message": "ok", "data": None}
` },
    { name: 'a field of an object a module function hands out, set under the module lock', code: `${PRELUDE}_TICKETS: dict[int, Any] = {}
_LOCK = threading.Lock()


def _open_ticket(ticket_id: int) -> Any:
    ticket = _TICKETS.get(ticket_id)
    if ticket is None:
        raise KeyError(ticket_id)
    return ticket


class Desk:
    def assign(self, ticket_id: int, agent: str) -> dict[str, Any]:
        with _LOCK:
            ticket = _open_ticket(ticket_id)
            ticket.assignee = agent
        return {"success": True, "message": "ok", "data": None}
` },
    { name: 'an object of the state changed through a local alias under the lock; copies and fresh objects are not shared', code: `${PRELUDE}class Habits:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._habits: dict[int, Any] = {}

    def check_in(self, habit_id: int, day: str) -> dict[str, Any]:
        with self._lock:
            habit = self._habits.get(habit_id)
            habit.days.add(day)
        names = list(self._habits)
        names.append("x")
        fresh = self._habits.get(habit_id)
        fresh = Habit()
        fresh.days.add(day)
        return {"success": True, "message": "ok", "data": None}
` },
    { name: 'a @contextmanager helper of the class that holds the lock', code: `${PRELUDE}from contextlib import contextmanager
from collections.abc import Iterator


class Counter:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._items: dict[str, int] = {}

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self._lock:
            yield

    def add(self, name: str) -> dict[str, Any]:
        with self._locked():
            self._items[name] = 1
        return {"success": True, "message": "ok", "data": None}
` },
    { name: 'async methods under async with an asyncio.Lock', code: `${PRELUDE}import asyncio


class Counter:
    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._items: dict[str, int] = {}

    async def add(self, name: str) -> dict[str, Any]:
        async with self._lock:
            self._items[name] = 1
        return {"success": True, "message": "ok", "data": None}
` },
  ],
  invalid: [
    { name: 'an object of the state changed through a local alias after the lock is released', code: `${PRELUDE}class Habits:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._habits: dict[int, Any] = {}

    def check_in(self, habit_id: int, day: str) -> dict[str, Any]:
        with self._lock:
            habit = self._habits[habit_id]
        habit.days.add(day)
        return {"success": True, "message": "ok", "data": None}
`, findings: [{ line: 13, messageIncludes: 'check_in changes shared state (habit.days) without holding a lock' }] },
    { name: 'issue example: a global dict changed in public methods while the class lock goes unused', code: `${PRELUDE}_VOTES: dict[str, int] = {}


class Votes:
    def __init__(self) -> None:
        self._lock = threading.Lock()

    def vote(self, option: str) -> dict[str, Any]:
        _VOTES[option] = _VOTES.get(option, 0) + 1
        return {"success": True, "message": "ok", "data": None}

    def reset(self, option: str) -> dict[str, Any]:
        del _VOTES[option]
        _VOTES.update({})
        return {"success": True, "message": "ok", "data": None}
`, findings: [
      { line: 13, messageIncludes: 'vote changes shared state (_VOTES) without holding a lock', symbol: 'Votes.vote' },
      { line: 17, messageIncludes: 'reset changes shared state (_VOTES) without holding a lock', symbol: 'Votes.reset' },
    ] },
    { name: 'issue example: global _COUNTER rebinding for ids, reached through a module-level helper', code: `${PRELUDE}_COUNTER = 0


def _next_id() -> int:
    global _COUNTER
    _COUNTER += 1
    return _COUNTER


class Tickets:
    def open(self) -> dict[str, Any]:
        return {"success": True, "message": "ok", "data": _next_id()}

    def close(self) -> dict[str, Any]:
        global _COUNTER
        _COUNTER = 0
        return {"success": True, "message": "ok", "data": None}
`, findings: [
      { line: 10, messageIncludes: '_next_id changes shared state (_COUNTER) without holding a lock (reached from open); Tickets creates no threading.Lock/RLock', symbol: '_next_id' },
      { line: 20, messageIncludes: 'close changes shared state (_COUNTER) without holding a lock', symbol: 'Tickets.close' },
    ] },
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
    { name: 'an async method with no lock', code: `${PRELUDE}class Counter:
    def __init__(self) -> None:
        self._items: dict[str, int] = {}

    async def add(self, name: str) -> dict[str, Any]:
        self._items[name] = 1
        return {"success": True, "message": "ok", "data": None}
`, findings: [{ line: 10, messageIncludes: 'add changes shared state (self._items) without holding a lock', symbol: 'Counter.add' }] },
    { name: 'a fresh lock made by the with statement itself', code: `${PRELUDE}class Counter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, int] = {}

    def add(self, name: str) -> dict[str, Any]:
        with threading.Lock():
            self._items[name] = 1
        return {"success": True, "message": "ok", "data": None}
`, findings: [{ line: 12, messageIncludes: 'add changes shared state (self._items) without holding a lock', symbol: 'Counter.add' }] },
    { name: 'a @contextmanager helper that takes no lock', code: `${PRELUDE}from contextlib import contextmanager
from collections.abc import Iterator


class Counter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, int] = {}

    @contextmanager
    def _locked(self) -> Iterator[None]:
        yield

    def add(self, name: str) -> dict[str, Any]:
        with self._locked():
            self._items[name] = 1
        return {"success": True, "message": "ok", "data": None}
`, findings: [{ line: 20, messageIncludes: 'add changes shared state (self._items) without holding a lock', symbol: 'Counter.add' }] },
    { name: 'a module of functions changing module state with no lock, through a helper', code: `${PRELUDE}_HISTORY: list[str] = []


def _remember(entry: str) -> None:
    _HISTORY.append(entry)


def record(entry: str) -> dict[str, Any]:
    _remember(entry)
    return {"success": True, "message": "ok", "data": None}
`, findings: [{ line: 9, messageIncludes: '_remember changes shared state (_HISTORY) without holding a lock (reached from record); the module creates no threading.Lock/RLock', symbol: '_remember' }] },
    { name: 'an object handed out by a helper, changed after the lock is released', code: `${PRELUDE}class Log:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._habits: dict[int, set[str]] = {}

    def _find(self, habit_id: int) -> set[str]:
        habit = self._habits.get(habit_id)
        if habit is None:
            raise KeyError(habit_id)
        return habit

    def check_in(self, habit_id: int, day: str) -> dict[str, Any]:
        with self._lock:
            habit = self._find(habit_id)
        habit.days.add(day)
        return {"success": True, "message": "ok", "data": None}
`, findings: [{ line: 19, messageIncludes: 'check_in changes shared state (habit.days) without holding a lock', symbol: 'Log.check_in' }] },
    { name: 'a decorator that takes no lock hides nothing', code: `${PRELUDE}import functools


def logged(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        print(method.__name__)
        return method(self, *args, **kwargs)
    return wrapper


class Counter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}

    @logged
    def add(self, key: str) -> dict[str, Any]:
        self._counts[key] = self._counts.get(key, 0) + 1
        return {"success": True, "message": "ok", "data": None}
`, findings: [{ line: 23, messageIncludes: 'add changes shared state (self._counts) without holding a lock' }] },
    { name: 'a field of an object a module function hands out from module state, set without the module lock', code: `${PRELUDE}_TICKETS: dict[int, Any] = {}
_LOCK = threading.Lock()


def _open_ticket(ticket_id: int) -> Any:
    ticket = _TICKETS.get(ticket_id)
    if ticket is None:
        raise KeyError(ticket_id)
    return ticket


class Desk:
    def assign(self, ticket_id: int, agent: str) -> dict[str, Any]:
        ticket = _open_ticket(ticket_id)
        ticket.assignee = agent
        return {"success": True, "message": "ok", "data": None}
`, findings: [{ line: 19, messageIncludes: 'assign changes shared state (ticket.assignee) without holding a lock' }] },
  ],
});
