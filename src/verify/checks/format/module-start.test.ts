import { testCheck } from '../../test-support/check-tester.js';
import { moduleStart } from './module-start.js';

testCheck(moduleStart, {
  valid: [
    '"""Doc."""\nimport os\n',
    'import os\n',
    'from __future__ import annotations\n\nimport os\n',
    { name: 'shebang, encoding and licence header first', code: '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# Copyright 2024 Example Ltd. MIT licence.\n"""Doc."""\n' },
    { name: 'a docstring made of two literals', code: '"""Doc, " "continued."""\nimport os\n' },
  ],
  invalid: [
    { code: 'class Service:\n    """Service."""\n', findings: [{ line: 1, messageIncludes: 'a class definition, "class Service:"' }] },
    { code: '# Implementation\nMAX_ITEMS = 10\n', findings: [{ line: 2, messageIncludes: 'an assignment, "MAX_ITEMS = 10"' }] },
    { code: '@dataclass\nclass Item:\n    """Item."""\n', findings: [{ line: 1, messageIncludes: 'a decorated definition' }] },
    { code: 'python\n"""Doc."""\n', findings: [{ line: 1, messageIncludes: 'an expression statement, "python"' }] },
    { code: '```python\n"""Doc."""\n```\n', findings: [{ line: 1, messageIncludes: 'not Python' }] },
    { code: "Here's the implementation:\n\n\"\"\"Doc.\"\"\"\n", findings: [{ line: 1, messageIncludes: 'explanatory text, "Here\'s the implementation:"' }] },
    { name: 'an empty module', code: '\n# nothing here\n', findings: [{ line: 1, messageIncludes: 'no statements' }] },
  ],
});
