import { testCheck } from '../../test-support/check-tester.js';
import { responseFormat } from './response-format.js';
import { uncaughtRaise } from './uncaught-raise.js';
import { unguardedCall } from './unguarded-call.js';

/**
 * A design of module functions (no service class): the public functions that answer with the
 * response dict are what the UI calls, so the contract checks judge them as service methods.
 */
const HEADER = 'from decimal import Decimal, InvalidOperation\nfrom typing import Any\n\n\n';
const FORMAT = 'def format_amount(amount: Decimal) -> str:\n    return str(amount.quantize(Decimal("0.01")))\n\n\n';
const FAIL = 'def _error(message: str) -> dict[str, Any]:\n    return {"success": False, "message": message, "data": None}\n\n\n';
const GOOD = `${HEADER}${FORMAT}${FAIL}def split_bill(total: str, people: int) -> dict[str, Any]:
    try:
        bill = Decimal(total)
    except InvalidOperation:
        return _error("Enter a number.")
    return {"success": True, "message": "ok", "data": format_amount(bill / people)}
`;
// HEADER, FORMAT and FAIL are 4 + 4 + 4 lines: split_bill starts on line 13.

testCheck(unguardedCall, {
  valid: [
    { name: 'a response function that guards its parsing; a formatter is not an entry point', code: GOOD },
    { name: 'a module of plain functions (no response dict) is not judged', code: 'def parse(text: str) -> int:\n    return int(text)\n' },
  ],
  invalid: [{
    name: 'a response function parsing with no try',
    code: `${HEADER}${FORMAT}${FAIL}def split_bill(total: str, people: int) -> dict[str, Any]:\n    bill = Decimal(total)\n    return {"success": True, "message": "ok", "data": format_amount(bill / people)}\n`,
    findings: [{ line: 14, messageIncludes: 'split_bill calls Decimal', symbol: 'split_bill' }],
  }],
});

testCheck(responseFormat, {
  valid: [{ name: 'every path answers with the response, directly or through a helper', code: GOOD }],
  invalid: [{
    name: 'a response function with a path that lacks data',
    code: `${HEADER}def split_bill(total: str, people: int) -> dict[str, Any]:\n    if people < 1:\n        return {"success": False, "message": "Enter people."}\n    return {"success": True, "message": "ok", "data": total}\n`,
    findings: [{ line: 7, messageIncludes: "'data'" }],
  }],
});

testCheck(uncaughtRaise, {
  valid: [{ name: 'a response function that catches what it raises', code: GOOD }],
  invalid: [{
    name: 'a response function that raises to the UI',
    code: `${HEADER}def split_bill(total: str, people: int) -> dict[str, Any]:\n    if people < 1:\n        raise ValueError("people")\n    return {"success": True, "message": "ok", "data": total}\n`,
    findings: [{ line: 7, messageIncludes: 'ValueError' }],
  }],
});
