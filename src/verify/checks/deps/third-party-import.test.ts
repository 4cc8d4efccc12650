import { testCheck } from '../../test-support/check-tester.js';
import { thirdPartyImport } from './third-party-import.js';

testCheck(thirdPartyImport, {
  valid: [
    'import os\nimport os.path\nfrom collections import defaultdict\nfrom __future__ import annotations\nimport xml.etree.ElementTree as ET\n',
    { name: 'allowed by configuration (case and dashes normalised)', code: 'import pydantic\nfrom Typing_Extensions import Self\n' },
    { name: 'type-checking-only imports never run', code: 'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pandas\n' },
    { name: 'relative imports are deps/relative-import\'s business', code: 'from .models import Item\n' },
  ],
  config: { allowedImports: ['pydantic', 'typing-extensions'] },
  invalid: [
    { name: 'third-party and invented modules', code: 'import json\nimport requests\nfrom pandas import DataFrame\nimport numpy as np, os\nfrom inventory_models import Item\n', findings: [
      { line: 2, messageIncludes: "`import requests`: 'requests' is not in the standard library; the brief requires no external dependencies", severity: 'error' },
      { line: 3, messageIncludes: "`from pandas import ...`: 'pandas' is not in the standard library", severity: 'error' },
      { line: 4, messageIncludes: "'numpy' is not in the standard library", severity: 'error' },
      { line: 5, messageIncludes: "'inventory_models' is not in the standard library", severity: 'error' },
    ] },
    { name: 'modules removed from newer Pythons or missing from 3.10', code: 'import distutils.util\nimport telnetlib\nimport tomllib\n', findings: [
      { line: 1, messageIncludes: "'distutils' was removed from the standard library in Python 3.12", severity: 'warning' },
      { line: 2, messageIncludes: 'removed from the standard library in Python 3.13', severity: 'warning' },
      { line: 3, messageIncludes: "'tomllib' is only in the standard library from Python 3.11", severity: 'warning' },
    ] },
    { name: 'a demo under if __name__ == "__main__"', code: 'import os\n\nif __name__ == "__main__":\n    import gradio as gr\n', findings: [{ line: 4, messageIncludes: 'only the `if __name__ == "__main__":` demo imports it', severity: 'warning' }] },
    { name: 'an optional import guarded by ImportError', code: 'try:\n    import yaml\nexcept ImportError:\n    yaml = None\n', findings: [{ line: 2, messageIncludes: 'the import is optional here', severity: 'warning' }] },
  ],
});

testCheck(thirdPartyImport, {
  valid: [{ name: 'allowed through the context (the design\'s dependencies)', code: 'import httpx\n' }],
  invalid: [],
  prepare: (context) => ({ ...context, extraAllowedImports: ['httpx'] }),
});
