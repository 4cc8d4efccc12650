import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testCheck } from '../../test-support/check-tester.js';
import { outcomeForging } from './outcome-forging.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const ATTACKS = readFileSync(path.join(REPOSITORY, 'test-fixtures/safety/outcome-forging-attacks.py'), 'utf8');

testCheck(outcomeForging, {
  valid: [
    { name: 'files opened by path, FileIO on a literal path, a frozen dataclass setting its own field', code: 'import dataclasses\nimport io\n\n\n@dataclasses.dataclass(frozen=True)\nclass Item:\n    name: str\n\n    def __post_init__(self) -> None:\n        object.__setattr__(self, "name", self.name.strip())\n\n\ndef save(path: str) -> None:\n    with open(path, "w", encoding="utf-8") as handle:\n        handle.write("x")\n    io.FileIO("data.bin", "w").close()\n' },
    { name: 'signals of another kind and its own exceptions', code: 'import os\nimport signal\n\n\nclass SkipTest(Exception):\n    pass\n\n\ndef stop() -> None:\n    signal.signal(signal.SIGTERM, signal.SIG_DFL)\n    print(os.getpid())\n    raise SkipTest("mine")\n' },
  ],
  invalid: [
    { name: 'every reach, in the fixture', code: ATTACKS, findings: [
      { line: 8, messageIncludes: "the test runner's outcomes (imports unittest.SkipTest)" },
      { line: 12, messageIncludes: "the test runner's outcomes (`unittest.SkipTest`)", symbol: 'Pause' },
      { line: 18, messageIncludes: 'a raw file descriptor (`io.FileIO(4, …)`)', symbol: 'forge' },
      { line: 19, messageIncludes: 'a raw file descriptor (`io.FileIO(int("5"), …)`)' },
      { line: 20, messageIncludes: 'a raw file descriptor (`open(4, …)`)' },
      { line: 21, messageIncludes: "the unittest module's objects, replacing `addFailure` past their own __setattr__" },
      { line: 22, messageIncludes: "the unittest module's objects, replacing `assertEqual`" },
      { line: 23, messageIncludes: 'an immediate process exit (posix._exit)' },
      { line: 24, messageIncludes: 'an immediate process exit (os.abort)' },
      { line: 25, messageIncludes: 'a signal to its own process (signal.raise_signal)' },
      { line: 26, messageIncludes: 'a signal to its own process (`os.kill(os.getpid(), …)`)' },
      { line: 27, messageIncludes: "the test runner's outcomes (`unittest.SkipTest`)" },
      { line: 32, messageIncludes: "the test runner's outcomes (`unittest.SkipTest`)", symbol: 'skip' },
    ] },
    { name: 'pytest outcomes called from the module', code: 'import pytest\n\n\ndef check() -> None:\n    pytest.skip("no")\n', findings: [{ line: 5, messageIncludes: '`pytest.skip`' }] },
  ],
});
