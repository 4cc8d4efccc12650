import { testCheck } from '../../test-support/check-tester.js';
import { lookalikeName } from './lookalike-name.js';

testCheck(lookalikeName, {
  valid: [
    'import os\n\n\ndef stop(code: int) -> None:\n    os._exit(code)\n',
    { name: 'non-ASCII text in strings and comments, and names NFKC leaves alone', code: '# café\nGREETING = "ｈｅｌｌｏ"\n\n\ndef café(naïve: str) -> str:\n    return naïve + GREETING\n' },
  ],
  invalid: [
    {
      name: 'full-width names that evaded the name-based safety checks',
      code: `import ｓｕｂｐｒｏｃｅｓｓ
import os


class Ｑuitter:
    def ｓtop(self, code: int) -> None:
        ｏｓ._ｅｘｉｔ(code)
        ｏｓ.ｓｙｓｔｅｍ("true")
        ｅｘｅｃ("print(1)")
`,
      findings: [
        { line: 1, messageIncludes: 'The imported module `ｓｕｂｐｒｏｃｅｓｓ` is spelled with look-alike characters: Python reads it as `subprocess`' },
        { line: 5, messageIncludes: 'The class name `Ｑuitter`' },
        { line: 6, messageIncludes: 'The method name `ｓtop`' },
        { line: 7, messageIncludes: 'Python reads it as `os._exit`' },
        { line: 8, messageIncludes: 'Python reads it as `os.system`' },
        { line: 9, messageIncludes: 'The called name `ｅｘｅｃ`' },
      ],
    },
  ],
});
