import { testCheck } from '../../test-support/check-tester.js';
import { suppressionComment } from './suppression-comment.js';

testCheck(suppressionComment, {
  valid: [
    'x = 1  # backsmith: ignore[quality/magic-number, safety/]\n# backsmith: ignore-file[deps]\nimport os  # noqa: F401\n',
    { name: 'ordinary comments mentioning backsmith', code: '# backsmith checks this module\nx = 1  # see backsmith: docs\n' },
  ],
  invalid: [
    {
      name: 'unknown and empty ids',
      code: 'x = 1  # backsmith: ignore[quality/magic-numbers]\ny = 2  # backsmith: ignore[]\n',
      findings: [
        { line: 1, messageIncludes: 'names the unknown check id "quality/magic-numbers" (closest known: "quality/magic-number"), so it waives nothing' },
        { line: 2, messageIncludes: 'names no check id' },
      ],
    },
  ],
});

testCheck(suppressionComment, {
  prepare: (context) => ({ ...context, draft: true }),
  valid: ['x = 1  # a plain comment\n'],
  invalid: [
    {
      name: "a model's draft may not waive its own findings",
      code: '"""Doc."""\n# backsmith: ignore-file[errors/]\nimport os  # noqa: F401\nx = 1  # backsmith: ignore[quality/magic-number]\n',
      findings: [
        { line: 2, messageIncludes: '`# backsmith: ignore-file[errors/]` in generated code: it waives nothing in generated code' },
        { line: 3, messageIncludes: '`# noqa: F401` in generated code' },
        { line: 4, messageIncludes: 'fix the finding instead of hiding it' },
      ],
    },
  ],
});
