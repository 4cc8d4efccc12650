import type { Finding } from '../verify/finding.js';

/** What the Ruff rules a draft most often breaks mean, said as what to change in the code. */
const RUFF_RULES: Record<string, string> = {
  F401: 'an import is never used: remove it, or use it.',
  F811: 'a name is defined twice and the second definition hides the first: keep one definition, or rename one.',
  F821: 'a name is used that is never defined or imported: define it, import it, or fix its spelling.',
  F822: '`__all__` lists a name the module does not define: define it or remove it from `__all__`.',
  F823: 'a local variable is read before it is assigned in this function: assign it first, or use another name.',
  F841: 'a local variable is assigned but never used: remove the assignment, or use the value.',
  F632: '`is` compares with a literal (str, int, tuple): use `==` instead.',
  F601: 'a dictionary literal repeats a key: keep one entry per key.',
  F631: '`assert` on a non-empty tuple is always true: assert the condition itself, without the parentheses.',
  F541: 'an f-string has no placeholders: drop the `f` prefix.',
  F706: '`return` outside a function: move it into the function.',
  B006: 'a mutable default argument (list, dict, set) is shared between calls: default to `None` and create the object in the body.',
  B008: 'a function call in a default argument runs once, at definition: default to `None` and call it in the body.',
  B904: 'inside `except`, raise the new exception with `raise ... from err` (or `from None`), so the cause is kept.',
  B007: 'a loop variable is not used in the loop body: name it `_` or use it.',
  B905: '`zip()` without `strict=`: pass `strict=True` (or `strict=False` when lengths may differ on purpose).',
  E501: 'the line is longer than the limit: break it (inside parentheses, or split a long string into adjacent literals).',
  E711: 'comparison to `None` with `==`/`!=`: use `is None` / `is not None`.',
  E712: 'comparison to `True`/`False` with `==`: test the value itself (`if x:` / `if not x:`).',
  E722: 'a bare `except:` catches everything, even KeyboardInterrupt: catch the specific exceptions.',
  E731: 'a lambda is assigned to a name: write a `def` instead.',
  E741: 'the name `l`, `O` or `I` is easy to misread: choose a clearer name.',
  W291: 'a line ends with spaces: remove them.',
  W293: 'a blank line holds spaces: make it empty.',
  N801: 'class names use CapWords: rename the class.',
  N802: 'function and method names are lowercase with underscores: rename it (unless the design names it so).',
  N803: 'argument names are lowercase with underscores: rename it.',
  N806: 'variables in a function are lowercase with underscores: rename it.',
  N818: 'exception class names end in `Error`: rename it (unless the design names it so).',
  UP006: 'use the built-in generic (`list[int]`, `dict[str, int]`) instead of `typing.List`/`typing.Dict`.',
  UP007: 'write `X | Y` instead of `Union[X, Y]`.',
  UP035: 'import these names from `collections.abc` (or use the built-ins) instead of the deprecated `typing` aliases.',
  UP045: 'write `X | None` instead of `Optional[X]`.',
  D205: 'a docstring needs one blank line between its summary line and the rest.',
  D419: 'a docstring is empty: say what the function does.',
  E999: 'the code is not valid Python here: fix the syntax.',
  'invalid-syntax': 'the code is not valid Python here: fix the syntax.',
};

/** What a rule family means when its exact code is not in the table. */
const RUFF_FAMILIES: [prefix: string, meaning: string][] = [
  ['UP', 'a newer Python idiom is expected (pyupgrade): rewrite the construct the message names the modern way.'],
  ['D', 'a docstring does not follow the Google convention: fix the docstring the message names.'],
  ['N', 'a name does not follow PEP 8 naming: rename it, unless the design gives that exact name.'],
  ['B', 'a likely bug (bugbear): change the construct the message names.'],
  ['E', 'a PEP 8 layout problem: change the line as the message says.'],
  ['W', 'a PEP 8 whitespace problem: change the line as the message says.'],
  ['F', 'a pyflakes problem (an error in names or imports): fix what the message names.'],
];

/** The Ruff code a `quality/lint` finding starts its message with (`F821 Undefined name …`). */
export function ruffCode(message: string): string | null {
  const code = message.split(' ', 1)[0] ?? '';
  return /^([A-Z]+\d+|invalid-syntax)$/.test(code) ? code : null;
}

/** What a Ruff rule means, for a model that cannot run Ruff. */
export function ruffRuleMeaning(code: string): string {
  const known = RUFF_RULES[code];
  if (known) return `${code}: ${known}`;
  const family = RUFF_FAMILIES.find(([prefix]) => code.startsWith(prefix) && /^\d/.test(code.slice(prefix.length)));
  return family ? `${code}: ${family[1]}` : `${code}: change the code so this rule no longer applies; the message says what it found.`;
}

/** Hints that send a user to a tool or a flag: a model has neither, so they are left out. */
const TOOL_ADVICE = /`(ruff|pip|pytest|python3?|backsmith|uv|poetry)\b[^`]*`|(^|\s)--[a-z][\w-]*|\bpass --|\binstall\b/i;

/**
 * The fix hint a model can act on: for Ruff findings, what the rule means; otherwise the check's
 * hint without sentences that tell a person to run a tool or pass a flag. Empty when nothing is left.
 */
export function modelHint(finding: Pick<Finding, 'checkId' | 'message' | 'hint'>): string {
  if (finding.checkId === 'quality/lint') {
    const code = ruffCode(finding.message);
    if (code) return ruffRuleMeaning(code);
  }
  if (finding.checkId === 'runtime/import-error' && finding.message.includes('ModuleNotFoundError')) {
    return 'Import only the standard library and the packages the design names; remove or replace the import of the missing module.';
  }
  const sentences = finding.hint.split(/(?<=[.!?])\s+(?=[A-Z`(])/);
  return sentences.filter((sentence) => !TOOL_ADVICE.test(sentence)).join(' ').trim();
}
