import { readFileSync } from 'node:fs';
import { testCheck } from '../../test-support/check-tester.js';
import { surroundingProse } from './surrounding-prose.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../../test-fixtures/generated/${name}`, import.meta.url), 'utf8');

const MODULE = '"""Doc."""\nimport os\n\n\ndef run() -> str:\n    """Run."""\n    return os.sep\n';

testCheck(surroundingProse, {
  valid: [
    MODULE,
    { name: 'comments before and after the code', code: `# Here is the implementation of the module.\n${MODULE}# Let me know if you need anything else.\n` },
    { name: 'a docstring that explains the module', code: '"""This module implements the ledger.\n\nLet me know how it works for you.\n"""\nimport os\n' },
    { name: 'a syntax error in the last function is not prose', code: `${MODULE}\n\ndef broken(x) -> int:\n    return x +\n` },
    { name: 'fences alone are not prose', code: `\`\`\`python\n${MODULE}\`\`\`\n` },
    {
      name: 'a syntax error in the middle of the module is not prose',
      code: `${MODULE}\n\ndef log(order) -> None:\n    logger.info("Processing the order for the customer now")\n    if order\n        return\n\n\ndef done() -> bool:\n    """Done."""\n    return True\n`,
    },
    { name: 'a module cut off inside a docstring', code: `${MODULE}\n\ndef total(items) -> int:\n    \"\"\"Compute the total price of all the items\n\n    in the cart, with taxes.\n` },
  ],
  invalid: [
    { code: `Here's the implementation:\n\n${MODULE}`, findings: [{ line: 1, messageIncludes: 'prose before the code' }] },
    { code: `${MODULE}\nThis module implements a tiny runner. Let me know if you need changes!\n`, findings: [{ line: 9, messageIncludes: 'prose after the code' }] },
    {
      name: 'markdown bullets after the code',
      code: `${MODULE}\nKey features:\n- **Fast**: it runs quickly.\n- Thread-safe storage for every call.\n`,
      findings: [{ line: 9, messageIncludes: '3 lines of prose' }],
    },
    {
      name: 'a usage example appended in a second fenced block',
      code: `\`\`\`python\n${MODULE}\`\`\`\n\nHere is how you can use it from the Gradio app:\n\n\`\`\`python\nprint(run())\n\`\`\`\n`,
      findings: [{ line: 11, messageIncludes: 'prose between blocks of code: "Here is how you can use it' }],
    },
    { name: 'a byte-order mark in front of the module', code: `\ufeff${MODULE}\nThat is the whole module. Enjoy using it!\n`, findings: [{ line: 9, messageIncludes: 'after the code' }] },
    { name: 'a one-word heading before the code', code: `Explanation:\n${MODULE}`, findings: [{ line: 1 }] },
    { name: 'only prose', code: 'I am sorry, but I cannot write that module without the design.\n', findings: [{ line: 1 }] },
    {
      name: 'fixture: fenced module with prose',
      code: fixture('fenced-module-with-prose.py'),
      findings: [{ line: 1, messageIncludes: 'Sure!' }, { line: 60, messageIncludes: '4 lines of prose, lines 60–65' }],
    },
    {
      name: 'fixture: prose around an unfenced module',
      code: fixture('unfenced-prose-around-code.py'),
      findings: [{ line: 1, messageIncludes: 'Below is the module' }, { line: 32, messageIncludes: 'Note:' }],
    },
  ],
});
