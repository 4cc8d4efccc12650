import { fakeRuntime } from '../../../sandbox/test-support/fake-runtime.js';
import { testCheck } from '../../test-support/check-tester.js';
import { exceptionEscapes } from './exception-escapes.js';

const MODULE = 'class Shop:\n    def __init__(self, path: str) -> None:\n        self.path = path\n\n    def add(self, name: str) -> dict:\n        return {"message": name.strip()}\n';
const error = (type: string, line: number) => ({ type, message: 'boom', line, frames: [] });

testCheck(exceptionEscapes, {
  valid: [],
  invalid: [{
    code: MODULE,
    findings: [
      { line: 2, messageIncludes: 'Creating Shop(path=1) raised OSError' },
      { line: 5, messageIncludes: 'interpreter died while calling Shop.add' },
      { line: 5, messageIncludes: 'answered success: True for blank string' },
      { line: 6, messageIncludes: 'Shop.add raised AttributeError: boom — for name: None; name: wrong type (int)', symbol: 'Shop.add' },
    ],
  }],
  prepare: (context) => ({
    ...context,
    runtime: fakeRuntime({
      escapes: [
        { symbol: 'Shop.add', stage: 'bad', arguments: 'name=None', input: 'None', parameter: 'name', error: error('AttributeError', 6) },
        { symbol: 'Shop.add', stage: 'bad', arguments: 'name=12345', input: 'wrong type (int)', parameter: 'name', error: error('AttributeError', 6) },
        { symbol: 'Shop.__init__', stage: 'construct', arguments: 'path=1', input: null, parameter: null, error: error('OSError', 0) },
      ],
      accepted: [{ symbol: 'Shop.add', arguments: "name='   '", input: 'blank string', parameter: 'name' }],
      crashes: [{ symbol: 'Shop.add', stage: 'bad', exitCode: 3, signal: null, stderrTail: '' }],
    }),
  }),
});
