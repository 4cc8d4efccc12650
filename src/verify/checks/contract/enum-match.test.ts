import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../config/config-schema.js';
import { buildCheckContext } from '../../build-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { responseFormat } from './response-format.js';

/** A service whose `report` ends in `match` statement `cases` (indented by eight spaces) over the module's `enums`. */
function service(enums: string, cases: string, imports = 'from enum import Enum, auto'): string {
  return `"""Outcomes."""
${imports}
from typing import Any

${enums}

class Desk:
    def report(self, outcome: Outcome) -> dict[str, Any]:
        match outcome:
${cases}
`;
}

const OUTCOME = `class Outcome(Enum):
    RECORDED = auto()
    DUPLICATE = auto()
    LATE = auto()
`;

const ANSWER = '{"success": True, "message": "ok", "data": None}';

testCheck(responseFormat, {
  valid: [
    { name: 'a match naming every member of the Enum, one per case', code: service(OUTCOME, `            case Outcome.RECORDED:
                return ${ANSWER}
            case Outcome.DUPLICATE:
                return ${ANSWER}
            case Outcome.LATE:
                return ${ANSWER}`) },
    { name: 'members joined with | and bound with as', code: service(OUTCOME, `            case Outcome.RECORDED | Outcome.LATE as seen:
                return {"success": True, "message": str(seen), "data": None}
            case Outcome.DUPLICATE:
                return ${ANSWER}`) },
    { name: 'an enum.StrEnum with an alias member, the alias named instead of its target', code: service(`class Outcome(enum.StrEnum):
    RECORDED = "recorded"
    SAVED = "recorded"
    DUPLICATE = "duplicate"
`, `            case Outcome.SAVED:
                return ${ANSWER}
            case Outcome.DUPLICATE:
                raise ValueError("duplicate")`, 'import enum') },
    { name: 'a base Enum without members, methods and private names of the class left out', code: service(`class Base(Enum):
    def label(self) -> str:
        return self.name.lower()


class Outcome(str, Base):
    _ignore_ = ["helper"]
    RECORDED = "recorded"
    DUPLICATE = "duplicate"
    __slots__ = ()
`, `            case Outcome.RECORDED:
                return ${ANSWER}
            case Outcome.DUPLICATE:
                return ${ANSWER}`) },
  ],
  invalid: [
    { name: 'a member left out', code: service(OUTCOME, `            case Outcome.RECORDED:
                return ${ANSWER}
            case Outcome.DUPLICATE:
                return ${ANSWER}`), findings: [{ line: 12, messageIncludes: 'report can reach the end of its body without a return statement' }] },
    { name: 'a guarded case does not cover its member', code: service(OUTCOME, `            case Outcome.RECORDED:
                return ${ANSWER}
            case Outcome.DUPLICATE if self:
                return ${ANSWER}
            case Outcome.LATE:
                return ${ANSWER}`), findings: [{ line: 12 }] },
    { name: 'a case that does not return', code: service(OUTCOME, `            case Outcome.RECORDED | Outcome.DUPLICATE:
                return ${ANSWER}
            case Outcome.LATE:
                print("late")`), findings: [{ line: 12 }] },
    { name: 'a Flag (its values combine)', code: service(`class Outcome(Flag):
    RECORDED = auto()
    DUPLICATE = auto()
`, `            case Outcome.RECORDED:
                return ${ANSWER}
            case Outcome.DUPLICATE:
                return ${ANSWER}`, 'from enum import Flag, auto'), findings: [{ line: 11 }] },
    { name: 'members of two Enums', code: service(`${OUTCOME}

class Other(Enum):
    ONE = 1
`, `            case Outcome.RECORDED | Outcome.DUPLICATE | Outcome.LATE:
                return ${ANSWER}
            case Other.ONE:
                return ${ANSWER}`), findings: [{ line: 16 }] },
    { name: 'a class that is no Enum', code: service(`class Outcome:
    RECORDED = 1
    DUPLICATE = 2
`, `            case Outcome.RECORDED:
                return ${ANSWER}
            case Outcome.DUPLICATE:
                return ${ANSWER}`), findings: [{ line: 11 }] },
  ],
});

describe('a match over an Enum with many members', () => {
  it('is judged in time linear in its size, without recursion on nesting', async () => {
    const members = Array.from({ length: 3000 }, (_, index) => `    M${index} = ${index}`).join('\n');
    const cases = Array.from({ length: 3000 }, (_, index) => `            case Outcome.M${index}:\n                return ${ANSWER}`).join('\n');
    // Nested `with` blocks around the match: the walk is iterative, not one call per level.
    const nested = Array.from({ length: 60 }, (_, depth) => `${' '.repeat(8 + depth * 4)}with self.lock${depth}:`).join('\n');
    const indent = ' '.repeat(8 + 60 * 4);
    const code = `"""Outcomes."""
from enum import Enum
from typing import Any


class Outcome(Enum):
${members}


class Desk:
    def report(self, outcome: Outcome) -> dict[str, Any]:
${nested}
${indent}match outcome:
${cases.split('\n').map((line) => `${' '.repeat(60 * 4)}${line}`).join('\n')}
`;
    const context = await buildCheckContext({ source: code, config: defaultConfig() });
    const started = process.cpuUsage();
    const reports = await responseFormat.run(context);
    const { user, system } = process.cpuUsage(started);
    expect(reports).toEqual([]);
    expect((user + system) / 1000).toBeLessThan(2000);
  });
});
