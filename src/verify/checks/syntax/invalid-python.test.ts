import { testCheck } from '../../test-support/check-tester.js';
import { invalidPython } from './invalid-python.js';

testCheck(invalidPython, {
  valid: ['"""Doc."""\nimport os\n', 'x: int = 1\n'],
  invalid: [
    { code: 'def f(:\n    pass\n', findings: [{ line: 1, messageIncludes: 'Invalid Python' }] },
    { code: 'x = 1\nif x\n    pass\n', findings: [{ line: 2, messageIncludes: "expected ':'" }] },
    { code: '```python\nx = 1\n```\n', findings: [{ line: 1 }] },
  ],
});
