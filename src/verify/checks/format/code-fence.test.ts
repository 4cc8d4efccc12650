import { readFileSync } from 'node:fs';
import { testCheck } from '../../test-support/check-tester.js';
import { codeFence } from './code-fence.js';

const FENCED = readFileSync(new URL('../../../../test-fixtures/generated/fenced-module-with-prose.py', import.meta.url), 'utf8');

testCheck(codeFence, {
  valid: [
    '"""Doc."""\nimport os\n',
    { name: 'a fence inside a docstring of valid code', code: '"""Doc.\n\nExample:\n    ```python\n    run()\n    ```\n"""\nimport os\n' },
    { name: 'backticks in a comment', code: '"""Doc."""\n# ```python is how chat answers start\nimport os\n' },
    { name: 'inline backticks in a string', code: '"""Doc."""\nTEXT = "use ```code``` blocks"\n' },
  ],
  invalid: [
    { code: '```python\n"""Doc."""\nimport os\n```\n', findings: [{ line: 1, messageIncludes: '```python' }, { line: 4, messageIncludes: '```' }] },
    { name: 'indented fence', code: '"""Doc."""\nimport os\n  ```\n', findings: [{ line: 3 }] },
    { name: 'a fence between two code blocks', code: '"""Doc."""\nimport os\n```\n\nAnd the tests:\n\n```python\nimport unittest\n```\n', findings: [{ line: 3 }, { line: 7 }, { line: 9 }] },
    { name: 'fixture: fenced module with prose', code: FENCED, findings: [{ line: 3, messageIncludes: '```python' }, { line: 58 }] },
  ],
});
