import { describe, expect, it } from 'vitest';
import { harvestSignatures } from './harvest-signatures.js';

function harvest(text: string) {
  const lines = text.split('\n');
  return harvestSignatures(lines, new Uint8Array(lines.length));
}

describe('harvestSignatures', () => {
  it('gives each signature the owner of its section', () => {
    const found = harvest([
      '## Class: Account', '### Methods', '- `deposit(self, amount: float) -> None`', '## Helper functions', '- `fee(amount: float) -> float`',
      '## Notes', '- `audit(self) -> None`',
    ].join('\n'));
    expect(found.signatures.map((signature) => [signature.snippet.name, signature.owner])).toEqual([
      ['deposit', { kind: 'class', name: 'Account' }],
      ['fee', { kind: 'functions', external: false }],
      ['audit', { kind: 'none' }],
    ]);
  });

  it('joins a signature written over several lines', () => {
    const found = harvest('### Class: Ledger\n\ndef __init__(\n    self,\n    currency: str,\n) -> None\n');
    expect(found.signatures.map((signature) => signature.snippet.parameters.replace(/\s+/g, ' ').trim())).toEqual(['self, currency: str,']);
  });

  it.each([
    ['100,000 nested quote marks on one line', `${'>'.repeat(100_000)} x`],
    ['100,000 emphasis openers', '*a '.repeat(100_000)],
    ['a megabyte of backticks', '`'.repeat(1024 * 1024)],
    ['100,000 lines that open a signature', '- `f(\n'.repeat(100_000)],
    ['100,000 bare lines that open a signature', 'def f(\n'.repeat(100_000)],
    ['100,000 unbalanced parentheses', `- f${'('.repeat(100_000)}`],
    ['a model line with 50,000 fields and no end', `**M** — ${'`a: b`, '.repeat(50_000)}junk`],
    ['100,000 headings', '## Class: A\n'.repeat(100_000)],
  ])('takes linear time on %s', (_name, text) => {
    const started = performance.now();
    harvest(text);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
