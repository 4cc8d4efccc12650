import { MAX_SYNTAX_DEPTH } from '../../../python/syntax-node.js';
import { testCheck } from '../../test-support/check-tester.js';
import { tooComplex } from './too-complex.js';

const DEEP = MAX_SYNTAX_DEPTH + 50;
const terms = (count: number, term: string, joiner: string): string => Array.from({ length: count }, () => term).join(joiner);

testCheck(tooComplex, {
  valid: [
    'def total(values: list[int]) -> int:\n    """Sum."""\n    return sum(values)\n',
    { name: 'a long but shallow literal', code: `VALUES = [${terms(5000, '1', ', ')}]\n` },
    { name: 'a chain of 100 additions', code: `A = ${terms(100, '1', ' + ')}\n` },
  ],
  invalid: [
    { name: 'a chain of additions deeper than the bound', code: `"""Doc."""\nA = ${terms(DEEP, '1', '+')}\n`, findings: [{ line: 2, messageIncludes: `more than ${MAX_SYNTAX_DEPTH} levels deep here (in a \`binary_operator\`)`, severity: 'error' }] },
    // Each call is two levels (call, argument list) below module, statement, assignment.
    { name: 'nested calls written across lines', code: `X = ${'f(\n'.repeat(DEEP)}1${')'.repeat(DEEP)}\n`, findings: [{ line: Math.floor((MAX_SYNTAX_DEPTH - 3) / 2) + 1, messageIncludes: 'argument_list' }] },
    { name: 'an attribute chain, counted once per place', code: `A = a${'.b'.repeat(DEEP)}\nB = c${'[0]'.repeat(DEEP)}\n`, findings: [{ line: 1, messageIncludes: 'attribute' }, { line: 2, messageIncludes: 'subscript' }] },
  ],
});
