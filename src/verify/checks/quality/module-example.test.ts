import { testCheck } from '../../test-support/check-tester.js';
import { moduleExample } from './module-example.js';

testCheck(moduleExample, {
  valid: [
    '"""Doc.\n\nExample:\n    box = Box()\n"""\n',
    '"""Doc.\n\nExamples:\n    >>> Box().size()\n    0\n"""\n',
    '"""Doc.\n\nUsage:\n    python -m box\n"""\n',
    { name: 'doctest lines without a section', code: '"""Doc.\n\n>>> Box().size()\n0\n"""\n' },
    { name: 'the brief\'s module template', code: '"""\nModule name and purpose.\n\nClasses:\n    Primary: Main class.\n\nExample:\n    Basic usage example::\n\n        obj = Primary()\n"""\n' },
    { name: 'no module docstring is another check\'s finding', code: 'import os\n' },
  ],
  invalid: [
    { code: '"""Tip calculator backend."""\n', findings: [{ line: 1, messageIncludes: 'no usage example' }] },
    { code: '# licence\n"""Doc.\n\nSee the README for examples.\n"""\n', findings: [{ line: 2 }] },
  ],
});
