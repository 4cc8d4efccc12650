import { fakeRuntime } from '../../../sandbox/test-support/fake-runtime.js';
import { testCheck } from '../../test-support/check-tester.js';
import { responseShape } from './response-shape.js';

const MODULE = 'class Shop:\n    def items(self) -> dict:\n        return {}\n\n    def total(self) -> dict:\n        return {}\n';
const shape = (symbol: string, problems: string[], input: string | null = null) => ({ symbol, stage: input ? 'bad' : 'valid', arguments: '', input, parameter: input ? 'x' : null, problems });

testCheck(responseShape, { valid: [MODULE], invalid: [], prepare: (context) => ({ ...context, runtime: fakeRuntime() }) });
testCheck(responseShape, {
  valid: [],
  invalid: [{
    name: 'problems grouped per method and kind; a missing class',
    code: MODULE,
    findings: [
      { line: 0, messageIncludes: 'Service class Ledger is not defined' },
      { line: 2, messageIncludes: "data[0] is a datetime.date, which is not JSON-serialisable (and 1 more call)", symbol: 'Shop.items' },
      { line: 5, messageIncludes: "'success' is int, not bool", symbol: 'Shop.total' },
    ],
  }],
  prepare: (context) => ({
    ...context,
    runtime: fakeRuntime({
      shapes: [
        shape('Shop.items', ['data[0] is a datetime.date, which is not JSON-serialisable']),
        shape('Shop.items', ['data[3] is a datetime.date, which is not JSON-serialisable'], 'None'),
        shape('Shop.total', ["'success' is int, not bool"]),
      ],
      missingServices: ['Ledger'],
    }),
  }),
});
