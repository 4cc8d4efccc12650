import { testCheck } from '../../test-support/check-tester.js';
import { uncaughtRaise } from './uncaught-raise.js';
import { unguardedCall } from './unguarded-call.js';

/** A service whose `submit` runs `body` (indented by eight spaces) over the module's `helpers`. */
function service(helpers: string, body: string): string {
  return `"""Bills."""
import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import islice
from typing import Any, TypedDict

${helpers}

class Desk:
    def submit(self, total: str, people: int) -> dict[str, Any]:
${body}
`;
}

const BILL = `class BillError(ValueError):
    """A bill that cannot be split."""


@dataclass(frozen=True)
class Bill:
    total: Decimal
    people: int

    def __post_init__(self) -> None:
        if self.people < 1:
            raise BillError("Enter at least one person.")

    @classmethod
    def parse(cls, total: str, people: int) -> "Bill":
        try:
            amount = Decimal(total)
        except InvalidOperation as error:
            raise BillError("Enter the bill as a number.") from error
        return cls(amount, people)
`;

const OK = '        return {"success": True, "message": "ok", "data": None}';

testCheck(uncaughtRaise, {
  valid: [
    { name: 'a class method of another module class, under a try', code: service(BILL, `        try:
            Bill.parse(total, people)
        except BillError as error:
            return {"success": False, "message": str(error), "data": None}
${OK}`) },
  ],
  invalid: [
    { name: 'the class method and the __post_init__ it reaches through cls(...), with nothing around them', code: service(BILL, `        Bill.parse(total, people)
${OK}`), findings: [
      { line: 19, messageIncludes: 'BillError (raised in __post_init__) escapes submit' },
      { line: 26, messageIncludes: 'BillError (raised in parse) escapes submit' },
    ] },
    { name: 'constructing a module class whose __post_init__ raises', code: service(BILL, `        Bill(Decimal(1), people)
${OK}`), findings: [{ line: 19, messageIncludes: 'BillError (raised in __post_init__) escapes submit' }] },
  ],
});

testCheck(unguardedCall, {
  valid: [
    { name: 'a class method building a plain dataclass through cls(...)', code: service(`@dataclass
class Habit:
    name: str

    @classmethod
    def named(cls, name: str) -> "Habit":
        return cls(name=name.strip())
`, `        Habit.named(total)
${OK}`) },
    { name: 'a functional TypedDict called to build the response', code: service('Response = TypedDict("Response", {"success": bool, "message": str, "data": Any})', `        return Response(success=True, message="ok", data=None)`) },
    { name: 'a page of rows cut with math.ceil and islice', code: service('', `        pages = max(1, math.ceil(people / 10))
        rows = list(islice(range(people), 0, 10))
        return {"success": True, "message": "ok", "data": [rows, pages]}`) },
  ],
  invalid: [
    { name: 'a class method whose cls(...) runs a raising __post_init__, with nothing around it', code: service(BILL, `        Bill.parse(total, people)
${OK}`), findings: [{ line: 32, messageIncludes: 'submit calls Bill.parse' }] },
  ],
});
