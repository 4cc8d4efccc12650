/** A generator of one odd module shape: `make(count)` repeats the shape's unit `count` times. */
export interface OddShape {
  name: string;
  make: (count: number) => string;
}

const repeat = (count: number, text: string): string => text.repeat(count);
const joined = (count: number, term: (index: number) => string, joiner: string): string => Array.from({ length: count }, (_, index) => term(index)).join(joiner);

/** Blocks nested `count` deep, in runs of 60 levels (CPython allows 100 indentation levels). */
function nestedBlocks(count: number, header: (index: number) => string): string {
  const lines: string[] = [];
  const run = Math.min(count, 60);
  for (let start = 0; start < count; start += run) {
    for (let level = 0; level < run; level++) lines.push(`${' '.repeat(level)}${header(start + level)}:`);
    lines.push(`${' '.repeat(run)}pass`);
  }
  return `${lines.join('\n')}\n`;
}

/** Deep, long and wide Python: every shape the issue names, and a few more. */
export const ODD_SHAPES: OddShape[] = [
  { name: 'a chain of additions', make: (count) => `A = ${joined(count, () => '1', '+')}\n` },
  { name: 'strings joined with +', make: (count) => `A = ${joined(count, () => '"ab"', ' + ')}\n` },
  { name: 'adjacent string literals', make: (count) => `A = (${joined(count, () => '"ab"', ' ')})\n` },
  { name: 'a chain of and', make: (count) => `A = ${joined(count, () => 'x', ' and ')}\n` },
  { name: 'a chain of comparisons', make: (count) => `A = ${joined(count, () => 'x', ' < ')}\n` },
  { name: 'unary minus', make: (count) => `A = ${repeat(count, '-')}1\n` },
  { name: 'not not not', make: (count) => `A = ${repeat(count, 'not ')}x\n` },
  { name: 'conditional expressions', make: (count) => `A = ${repeat(count, '1 if x else ')}1\n` },
  { name: 'nested parentheses', make: (count) => `A = ${repeat(count, '(')}1${repeat(count, ')')}\n` },
  { name: 'nested brackets', make: (count) => `A = ${repeat(count, '[')}1${repeat(count, ']')}\n` },
  { name: 'nested dicts', make: (count) => `A = ${repeat(count, '{1: ')}1${repeat(count, '}')}\n` },
  { name: 'nested calls', make: (count) => `A = ${repeat(count, 'f(')}1${repeat(count, ')')}\n` },
  { name: 'a chain of method calls', make: (count) => `A = a${repeat(count, '.b()')}\n` },
  { name: 'an attribute chain', make: (count) => `A = a${repeat(count, '.b')}\n` },
  { name: 'a subscript chain', make: (count) => `A = a${repeat(count, '[0]')}\n` },
  { name: 'nested lambdas', make: (count) => `A = ${repeat(count, 'lambda: ')}1\n` },
  { name: 'nested comprehensions', make: (count) => `A = ${repeat(count, '[x for x in ')}y${repeat(count, ']')}\n` },
  { name: 'nested ifs', make: (count) => nestedBlocks(count, () => 'if x') },
  { name: 'nested functions', make: (count) => nestedBlocks(count, (index) => `def f${index}()`) },
  { name: 'nested classes', make: (count) => nestedBlocks(count, (index) => `class C${index}`) },
  { name: 'a dict literal', make: (count) => `A = {${joined(count, (index) => `${index}: 0`, ', ')}}\n` },
  { name: 'a list literal', make: (count) => `A = [${joined(count, (index) => `${index}`, ', ')}]\n` },
  { name: 'a dict literal with string keys', make: (count) => `A = {${joined(count, (index) => `"key${index}": ${index}`, ', ')}}\n` },
  { name: 'a huge string', make: (count) => `A = "${repeat(count, 'ab')}"\n` },
  { name: 'very long lines', make: (count) => joined(count, (index) => `x${index} = [${joined(400, (item) => `${item}`, ', ')}]\n`, '') },
  { name: 'many comments', make: (count) => joined(count, (index) => `# Comment ${index}: what the next part does.\n`, '') },
  { name: 'many classes', make: (count) => joined(count, (index) => `class C${index}:\n    """C."""\n\n    x: int = ${index}\n\n    def m(self) -> int:\n        """M."""\n        return self.x\n`, '\n\n') },
  { name: 'many functions', make: (count) => joined(count, (index) => `def f${index}(a: int) -> int:\n    """F."""\n    return a + ${index}\n`, '\n\n') },
  { name: 'many statements', make: (count) => joined(count, (index) => `x${index} = y.z(${index})\n`, '') },
  { name: 'deep statements, each below the bound', make: (count) => joined(count, (index) => `x${index} = ${repeat(100, '(')}y.z(${index})${repeat(100, ')')} + ${joined(60, () => '1', '+')}\n`, '') },
];

/** Random expressions of every kind, nested `depth` deep, from a seeded generator (same seed, same text). */
export function randomNesting(seed: number, depth: number): string {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  const wrappers: Array<[string, string]> = [
    ['(', ')'], ['[', ']'], ['f(', ')'], ['{1: ', '}'], ['-', ''], ['not ', ''], ['lambda: ', ''], ['1 + ', ''], ['', ' + 1'],
    ['', '.a'], ['', '[0]'], ['x if ', ' else y'], ['[v for v in ', ']'], ['g(k=', ')'], ['"s" + ', ''], ['(', ',)'],
  ];
  let open = '';
  let close = '';
  for (let level = 0; level < depth; level++) {
    const [before, after] = wrappers[Math.floor(next() * wrappers.length)]!;
    open += before;
    close = after + close;
  }
  return `"""Random nesting."""\nA = ${open}1${close}\n`;
}
