import { testCheck } from '../../test-support/check-tester.js';
import { unlockedMutation } from './unlocked-mutation.js';

/** A desk running an action of a module-level table of lambdas; `call` is the call (indented by eight spaces). */
function desk(call: string): string {
  return `"""Desk."""
import threading
from typing import Any

_LOCK = threading.Lock()
_HISTORY: list[str] = []

ACTIONS = {
    "clear": lambda: _HISTORY.clear(),
    "note": lambda text: _HISTORY.append(text),
}


class Desk:
    def act(self, action: str, text: str) -> dict[str, Any]:
${call}
        return {"success": True, "message": "ok", "data": None}
`;
}

testCheck(unlockedMutation, {
  valid: [
    { name: 'a table lambda changing module state, run under the module lock', code: desk(`        with _LOCK:
            ACTIONS["note"](text)`) },
  ],
  invalid: [
    { name: 'the same lambda run with no lock', code: desk('        ACTIONS["note"](text)'), findings: [{ line: 10, messageIncludes: '_HISTORY' }] },
  ],
});
