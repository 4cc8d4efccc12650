const DEPTH = 100_000;
const TICK = '`';

/**
 * Pathological markdown that once overflowed the stack or took minutes: deep block quotes and
 * lists, emphasis and link openers without closers, a megabyte of backticks. For tests and benches.
 */
export function hostileDocuments(): Array<[name: string, text: string]> {
  return [
    ['100,000 nested > quotes', `# T\n\n${'>'.repeat(DEPTH)} x\n`],
    ['100,000 nested "> " quotes', `# T\n\n${'> '.repeat(DEPTH)}x\n`],
    ['100,000 nested - list items', `# T\n\n${'- '.repeat(DEPTH)}x\n`],
    ['100,000 nested 1. list items', `# T\n\n${'1. '.repeat(DEPTH)}x\n`],
    ['1,000 list levels by indentation', `# T\n\n${Array.from({ length: 1000 }, (_unused, depth) => `${'  '.repeat(depth)}- x`).join('\n')}\n`],
    ['100,000 *a emphasis openers', `# T\n\n${'*a '.repeat(DEPTH)}\n`],
    ['100,000 **a strong openers', `# T\n\n${'**a '.repeat(DEPTH)}\n`],
    ['100,000 _a emphasis openers', `# T\n\n${'_a '.repeat(DEPTH)}\n`],
    ['1 MB of backticks', `${TICK.repeat(1_000_000)}\n`],
    ['1 MB of backticks in a paragraph', `x ${TICK.repeat(1_000_000)}\n`],
    ['backtick runs of every length', `x ${Array.from({ length: 1400 }, (_unused, run) => TICK.repeat(run + 1)).join(' ')}\n`],
    ['30,000 code spans', `# T\n\n${`${TICK}a${TICK} `.repeat(30_000)}\n`],
    ['100,000 nested brackets', `# T\n\n${'['.repeat(DEPTH)}x${']'.repeat(DEPTH)}\n`],
    ['100,000 unclosed links', `# T\n\n${'[a]('.repeat(DEPTH)}\n`],
    ['100,000 nested links', `# T\n\n${'[a'.repeat(DEPTH)}${'](u)'.repeat(DEPTH)}\n`],
    // Styles read since the fourteenth held-out batch: each pattern bounded by its line or its block.
    ['100,000 single-tilde openers', `# T\n\n${'~a '.repeat(DEPTH)}\n`],
    ['100,000 unclosed autolinks', `# T\n\n${'<a@b.c '.repeat(DEPTH)}\n`],
    ['100,000 HTML block lines', `# T\n\n${'<dt><code>X</code></dt>\n'.repeat(DEPTH)}`],
    ['100,000 setext headings', `${'Title\n=====\n\n'.repeat(DEPTH / 4)}`],
    ['an Org document of 12,000 source openers', `#+TITLE: T\n${'* ~a~ =b= `c`\n#+BEGIN_SRC python\n'.repeat(12_000)}`],
    ['an Org document of 5,000 source blocks', `#+TITLE: T\n${'* ~a~ =b= `c`\n#+BEGIN_SRC python\nx = 1\n#+END_SRC\n'.repeat(5_000)}`],
    ['10,000 Sphinx directives', `${'.. py:class:: A(x: int)\n   .. py:attribute:: y\n'.repeat(10_000)}`],
    ['a 300 KB line of dotted signatures', `# T\n\n${'`Box.put(self, x: int)` stores it; '.repeat(8_000)}\n`],
    ['a Python block of 80,000 lines (900 KB)', `# T\n\n\`\`\`python\n${'  import os\n'.repeat(80_000)}\`\`\`\n`],
    ['a 1 MB line of exception names', `# Errors\n\n${'`AError` and '.repeat(80_000)}both subclass \`XError\`\n`],
    ['a Gherkin document of 20,000 features', `${'@US-1\nFeature: f\n  Scenario: s\n    Then I see "Done."\n'.repeat(20_000)}`],
    ['100,000 lettered criteria lines', `1. **US-1 T**\n   As a user I want x so that y.\n${'   a. shows "Done."\n'.repeat(DEPTH)}`],
    ['50,000 criterion-id table rows', `## US-1 T\n\nAs a user I want x so that y.\n\n| AC | Result |\n|---|---|\n${'| AC1 | "Done." |\n'.repeat(DEPTH / 2)}`],
  ];
}
