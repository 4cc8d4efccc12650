import { testCheck } from '../../test-support/check-tester.js';
import { responseFormat } from './response-format.js';
import { uncaughtRaise } from './uncaught-raise.js';
import { unguardedCall } from './unguarded-call.js';

/** A service checking a request against module-level `tables`, through `body` (indented by eight spaces). */
function service(tables: string, body: string): string {
  return `"""Requests."""
from decimal import Decimal
from typing import Any

${tables}

class Desk:
    def submit(self, field: str, value: str) -> dict[str, Any]:
${body}
        return {"success": True, "message": "ok", "data": None}
`;
}

const RULES = `RULES = [
    (lambda value: len(value.strip()) > 0, "Value is required."),
    (lambda value: len(value) <= 80, "Value is too long."),
]`;

const VALIDATORS = `def _is_name(value: str) -> bool:
    return value.strip().isalpha()


VALIDATORS = {
    "name": _is_name,
    "code": lambda value: value.upper().startswith("X"),
}`;

const FAILURE = 'return {"success": False, "message": "bad", "data": None}';

testCheck(unguardedCall, {
  valid: [
    { name: 'lambdas of a (check, message) table walked by a for loop', code: service(RULES, `        for check, message in RULES:
            if not check(value):
                return {"success": False, "message": message, "data": None}`) },
    { name: 'the same table walked by a generator expression', code: service(RULES, `        problem = next((message for check, message in RULES if not check(value)), None)
        if problem:
            ${FAILURE}`) },
    { name: 'a dict of lambdas and module functions looked up by key', code: service(VALIDATORS, `        if field not in VALIDATORS or not VALIDATORS[field](value):
            ${FAILURE}`) },
    { name: 'an entry bound to a local name by get, then called', code: service(VALIDATORS, `        validator = VALIDATORS.get(field)
        if validator is None or not validator(value):
            ${FAILURE}`) },
    { name: 'the values of a dict walked by items()', code: service(VALIDATORS, `        for name, validator in VALIDATORS.items():
            if name == field and not validator(value):
                ${FAILURE}`) },
  ],
  invalid: [
    { name: 'a table lambda that parses', code: service(`RULES = [
    (lambda value: int(value) > 0, "Value must be positive."),
]`, `        for check, message in RULES:
            if not check(value):
                return {"success": False, "message": message, "data": None}`), findings: [{ line: 12, messageIncludes: 'submit calls check' }] },
    { name: 'a module function of a dict that parses', code: service(`def _is_amount(value: str) -> bool:
    return Decimal(value) > 0


VALIDATORS = {"amount": _is_amount, "name": lambda value: bool(value)}`, `        if not VALIDATORS[field](value):
            ${FAILURE}`), findings: [{ line: 13, messageIncludes: 'submit calls VALIDATORS[field]' }] },
    { name: 'a table holding something other than code is unknown work', code: service(`HANDLERS = {"name": str.strip, "code": lambda value: value}`, `        if not HANDLERS[field](value):
            ${FAILURE}`), findings: [{ line: 9, messageIncludes: 'submit calls HANDLERS[field]' }] },
  ],
});

testCheck(uncaughtRaise, {
  valid: [
    { name: 'a table lambda calling a raising helper, under a try', code: service(`def _require(value: str) -> bool:
    if not value:
        raise ValueError("required")
    return True


RULES = [(lambda value: _require(value), "Value is required.")]`, `        try:
            for check, _message in RULES:
                check(value)
        except ValueError:
            ${FAILURE}`) },
  ],
  invalid: [
    { name: 'a table lambda calling a raising helper, with nothing around it', code: service(`class MissingValueError(Exception):
    """No value."""


def _require(value: str) -> bool:
    if not value:
        raise MissingValueError("required")
    return True


RULES = [(lambda value: _require(value), "Value is required.")]`, `        for check, _message in RULES:
            check(value)`), findings: [{ line: 11, messageIncludes: 'MissingValueError (raised in _require) escapes submit' }] },
  ],
});

/** A desk answering through a module-level table of `handlers` (dict entries, indented by four spaces). */
function dispatcher(handlers: string): string {
  return `"""Dispatch."""
from typing import Any


def _closed(ticket: str) -> dict[str, Any]:
    return {"success": True, "message": f"Ticket {ticket} closed.", "data": None}


HANDLERS = {
${handlers}
}


class Desk:
    def act(self, action: str, ticket: str) -> dict[str, Any]:
        if action not in HANDLERS:
            return {"success": False, "message": "Unknown action.", "data": None}
        return HANDLERS[action](ticket)
`;
}

testCheck(responseFormat, {
  valid: [
    { name: 'every entry of the dispatch table answers with the response', code: dispatcher(`    "close": _closed,
    "open": lambda ticket: {"success": True, "message": f"Ticket {ticket} opened.", "data": None},`) },
  ],
  invalid: [
    { name: 'a lambda of the dispatch table answers with a bare string', code: dispatcher(`    "close": _closed,
    "open": lambda ticket: f"Ticket {ticket} opened.",`), findings: [{ line: 11, messageIncludes: 'lambda (line 11) returns f"Ticket {ticket} opened." (a str)' }] },
  ],
});
