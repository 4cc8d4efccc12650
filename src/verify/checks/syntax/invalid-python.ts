import { defineCheck } from '../../check.js';

/** `syntax/invalid-python`: the module must compile. */
export const invalidPython = defineCheck({
  id: 'syntax/invalid-python',
  category: 'syntax',
  severity: 'error',
  description: 'The module must be valid Python: CPython\'s compile() (or, without an interpreter, the tree-sitter parser) must accept it.',
  fixHint: 'Fix the syntax error at the reported line; the rest of the checks run once the module compiles.',
  run(context) {
    const { syntax } = context;
    if (syntax.ok || !syntax.error) return [];
    const who = syntax.authority === 'cpython' ? `Python ${syntax.pythonVersion ?? ''}`.trim() : 'the tree-sitter parser (no interpreter available)';
    return [{
      message: `Invalid Python (${who}): ${syntax.error.message}`,
      line: syntax.error.line,
      ...(syntax.error.column ? { column: syntax.error.column } : {}),
    }];
  },
});
