import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { startTypeChecker, type TypeChecker } from '../../../types/type-checker.js';
import type { CheckContext } from '../../check-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { argumentType } from './argument-type.js';
import { attributeAccess } from './attribute-access.js';
import { notChecked } from './not-checked.js';
import { optionalAccess } from './optional-access.js';
import { other } from './other.js';
import { returnType } from './return-type.js';
import { undefinedName } from './undefined-name.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test-fixtures/types');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

// One warm pyright serves every table (a cold start costs about 2 s of CPU).
let checker: TypeChecker | null = null;
const withTypes = (context: CheckContext): CheckContext => ({ ...context, typeChecker: (checker ??= startTypeChecker({ pythonVersion: '3.11' })) });
afterAll(async () => checker?.close());

const clean = { name: 'a fully annotated module', code: fixture('clean_module.py') };
const tables = { prepare: withTypes };

testCheck(argumentType, { ...tables, valid: [clean, { name: 'right types', code: 'def f(x: int) -> int:\n    return x\n\n\nf(1)\n' }], invalid: [
  { name: 'a string and an int passed the wrong way round', code: fixture('argument_type.py'), findings: [
    { line: 12, messageIncludes: 'cannot be assigned to parameter "level" of type "float"' },
    { line: 13, messageIncludes: 'parameter "sensor" of type "str"' },
  ] },
  { name: 'a call with an argument too many', code: 'def f(x: int) -> int:\n    return x\n\n\nf(1, 2)\n', findings: [{ line: 5, messageIncludes: 'Expected 1 positional argument' }] },
] });

testCheck(returnType, { ...tables, valid: [clean], invalid: [
  { name: 'an int for a str, a str for an int', code: fixture('return_type.py'), findings: [
    { line: 8, messageIncludes: 'Type "int" is not assignable to return type "str"' },
    { line: 13, messageIncludes: 'Type "str" is not assignable to return type "int"' },
  ] },
] });

testCheck(undefinedName, { ...tables, valid: [clean], invalid: [
  { name: 'a constant never defined', code: fixture('undefined_name.py'), findings: [{ line: 13, messageIncludes: '"TIDE_PERIOD_HOURS" is not defined' }] },
] });

testCheck(optionalAccess, { ...tables, valid: [clean, { name: 'checked before use', code: fixture('optional_access.py').split('\n\n\ndef card_number')[0]! }], invalid: [
  { name: 're.match and dict.get used unchecked', code: fixture('optional_access.py'), findings: [
    { line: 11, messageIncludes: '"group" is not a known attribute of "None"' },
    { line: 17, messageIncludes: '"upper" is not a known attribute of "None"' },
  ] },
] });

testCheck(attributeAccess, { ...tables, valid: [clean], invalid: [
  { name: 'a misspelt field and a method str does not have', code: fixture('attribute_access.py'), findings: [
    { line: 15, messageIncludes: 'Cannot access attribute "seat_count" for class "Kayak"' },
    { line: 20, messageIncludes: 'Cannot access attribute "uppercase" for class "str"' },
  ] },
  { name: 'a dataclass field shadowed by a method: one finding naming the cause', code: fixture('shadowed_field.py'), findings: [
    { line: 21, symbol: 'Portfolio.positions', messageIncludes: 'field `positions` (line 11) is shadowed by the method `positions()` (line 21) of `Portfolio`; pyright reports 5 errors from it (lines 11, 15, 19, 23)' },
  ] },
] });

testCheck(other, { ...tables, valid: [clean, { name: 'the shadowing is attribute-access\'s finding', code: fixture('shadowed_field.py') }], invalid: [
  { name: 'an operator and an assignment on the wrong types', code: fixture('other_errors.py'), findings: [
    { line: 6, messageIncludes: 'Operator "+" not supported for types "int" and "str" (pyright reportOperatorIssue)' },
    { line: 11, messageIncludes: 'Type "int" is not assignable to declared type "str"' },
  ] },
] });

testCheck(notChecked, { valid: [{ name: 'pyright answered', code: fixture('return_type.py') }], prepare: withTypes, invalid: [] });
testCheck(notChecked, {
  valid: [],
  prepare: (context) => ({ ...context, typeChecker: { check: () => Promise.reject(new Error('pyright exited (SIGKILL)')) } }),
  invalid: [{ name: 'pyright crashed: a finding, not a pass', code: fixture('clean_module.py'), findings: [{ line: 0, messageIncludes: 'pyright could not type-check this module: pyright exited (SIGKILL)' }] }],
});
