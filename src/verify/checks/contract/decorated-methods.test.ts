import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../config/config-schema.js';
import { buildCheckContext } from '../../build-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { swallowedException } from '../errors/swallowed-exception.js';
import { unlockedMutation } from '../threading/unlocked-mutation.js';
import { uncaughtRaise } from './uncaught-raise.js';
import { unguardedCall } from './unguarded-call.js';

/**
 * Methods wrapped by the module's own decorators: the checks read the decorator's wrapper, so one
 * that catches everything (the brief's `functools.wraps` error handler) guards the method and one
 * that does not (a lock holder, a handler of one type, a handler that re-raises) hides nothing.
 */
function module(decorator: string, method: string): string {
  return `"""Shelf service."""
import functools
import json
import logging
import threading
from typing import Any

logger = logging.getLogger(__name__)


class ShelfError(Exception):
    """Base error."""


def guarded(func):
${decorator}
    return wrapper


class Shelf:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, str] = {}

    @guarded
${method}
`;
}

/** The same, with `guarded` a factory: `@guarded("...")` returns the decorator that returns the wrapper. */
function factory(decorator: string, method: string): string {
  return module(decorator, method)
    .replace('def guarded(func):\n', 'def guarded(failure: str):\n  def decorate(func):\n')
    .replace('    return wrapper\n', '    return wrapper\n  return decorate\n')
    .replace('    @guarded\n', '    @guarded("Could not take it.")\n');
}

const CATCH_ALL = `    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            return func(*args, **kwargs)
        except ShelfError as error:
            return {"success": False, "message": str(error), "data": None}
        except Exception:
            logger.exception("failed")
            return {"success": False, "message": "Unexpected error.", "data": None}`;
const LOCK_ONLY = `    @functools.wraps(func)
    def wrapper(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        with self._lock:
            return func(self, *args, **kwargs)`;
const ONE_TYPE = `    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            return func(*args, **kwargs)
        except ShelfError as error:
            return {"success": False, "message": str(error), "data": None}`;
const RERAISES = `    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            return func(*args, **kwargs)
        except Exception:
            logger.exception("failed")
            raise`;
const RAISES = `    def take(self, name: str) -> dict[str, Any]:
        if name not in self._items:
            raise ShelfError(f"No {name}")
        if not name.isalpha():
            raise ValueError("letters only")
        return {"success": True, "message": "ok", "data": name}`;
const PARSES = `    def load(self, text: str) -> dict[str, Any]:
        data = json.loads(text)
        return {"success": True, "message": "ok", "data": data}`;

testCheck(uncaughtRaise, {
  valid: [
    { name: 'a functools.wraps handler that catches everything guards the method', code: module(CATCH_ALL, RAISES) },
    { name: 'a handler of the class body used as a decorator', code: module(CATCH_ALL, RAISES).replace('def guarded(func):', 'def unused(func):').replace('class Shelf:\n', `class Shelf:\n    def guarded(func):\n${CATCH_ALL.replace(/^/gm, '    ')}\n        return wrapper\n\n`) },
    { name: 'a decorator factory whose decorator returns a catch-all wrapper', code: factory(CATCH_ALL, RAISES) },
    { name: 'a catch-all wrapper returned through functools.update_wrapper', code: module(CATCH_ALL.replace('    @functools.wraps(func)\n', ''), RAISES).replace('    return wrapper\n', '    return functools.update_wrapper(wrapper, func)\n') },
  ],
  invalid: [
    { name: 'a decorator factory whose wrapper logs and re-raises', code: factory(RERAISES, RAISES), findings: [
      { line: 23, messageIncludes: 'bare `raise` in guarded.wrapper re-raises the caught exception out of take' },
    ] },
    { name: 'a decorator that only holds the lock hides nothing', code: module(LOCK_ONLY, RAISES), findings: [
      { line: 31, messageIncludes: 'ShelfError (raised here) escapes take uncaught' },
      { line: 33, messageIncludes: 'ValueError (raised here) escapes take uncaught' },
    ] },
    { name: 'a decorator catching the base error lets a ValueError through', code: module(ONE_TYPE, RAISES), findings: [
      { line: 35, messageIncludes: 'ValueError (raised here) escapes take uncaught' },
    ] },
    { name: 'a decorator that logs and re-raises', code: module(RERAISES, RAISES), findings: [
      { line: 22, messageIncludes: 'bare `raise` in guarded.wrapper re-raises the caught exception out of take' },
    ] },
  ],
});

testCheck(unguardedCall, {
  valid: [
    { name: 'a catch-all decorator guards the parsing', code: module(CATCH_ALL, PARSES) },
  ],
  invalid: [
    { name: 'a lock-holding decorator does not guard the parsing', code: module(LOCK_ONLY, PARSES), findings: [{ line: 30, messageIncludes: 'load calls json.loads' }] },
    { name: 'a decorator catching one type does not guard the parsing', code: module(ONE_TYPE, PARSES), findings: [{ line: 32, messageIncludes: 'load calls json.loads' }] },
    { name: 'a decorator that re-raises does not guard the parsing', code: module(RERAISES, PARSES), findings: [{ line: 33, messageIncludes: 'load calls json.loads' }] },
  ],
});

/** A service of `count` decorated methods, each with a suppress block, a nested helper and a lookup through a module helper. */
function manyMethods(count: number): string {
  const methods = Array.from({ length: count }, (_, index) => `    @guarded
    def take_${index}(self, key: str) -> dict[str, Any]:
        def clean(value: str) -> str:
            return value.strip()

        with contextlib.suppress(KeyError):
            self._events.put(clean(key))
        item = _find(key)
        item.seen = True
        return {"success": True, "message": "ok", "data": None}
`).join('\n');
  return module(CATCH_ALL, methods.replace(/^ {4}@guarded\n/, '')).replace('import functools', 'import contextlib\nimport functools\nimport queue')
    .replace('class Shelf:', `_ITEMS: dict[str, Any] = {}


def _find(key: str) -> Any:
    return _ITEMS.get(key)


class Shelf:`);
}

describe('the decorator, suppress and alias analyses grow linearly with the module', () => {
  const checks = [uncaughtRaise, unguardedCall, swallowedException, unlockedMutation];
  async function cpuOf(count: number): Promise<number> {
    const context = await buildCheckContext({ source: manyMethods(count), config: defaultConfig() });
    const started = process.cpuUsage();
    for (const check of checks) await check.run(context);
    const used = process.cpuUsage(started);
    return used.user + used.system;
  }

  // Measured 1600 -> 6400 methods: 2.6 to 5.4 times the CPU per check (quadratic would be 16).
  it('four times the methods cost well under sixteen times the CPU', async () => {
    await cpuOf(50);
    const small = await cpuOf(400);
    const large = await cpuOf(1600);
    expect(large / Math.max(small, 1)).toBeLessThan(10);
  }, 60_000);
});
