import { testCheck } from '../../test-support/check-tester.js';
import { relativeImport } from './relative-import.js';

testCheck(relativeImport, {
  valid: ['import os\nfrom typing import Any\n'],
  invalid: [
    { code: 'import os\nfrom . import helpers\nfrom ..models import Item, Loan\n', findings: [
      { line: 2, messageIncludes: '`from . import helpers` is a relative import' },
      { line: 3, messageIncludes: '`from ..models import Item, Loan`' },
    ] },
  ],
});
