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
  ];
}
