import { defineCheck } from '../../check.js';

/** `design/no-api`: the design must give the module an API to be checked against. */
export const noApi = defineCheck({
  id: 'design/no-api',
  category: 'design',
  severity: 'error',
  description: 'The design must state an API (a class with methods, or module functions) that backsmith could read; when it found none, every other design/ check compared nothing and a pass would mean nothing.',
  fixHint: 'The design, not the module, is at fault: state the API in it (a Python code block, or a list of signatures such as `deposit(self, amount: float) -> None` under a heading such as "### Class: Account"), then verify again; `backsmith spec --design <file>` shows what was read.',
  requires: ['design'],
  run(context) {
    const design = context.design!;
    const methods = design.classes.filter((cls) => cls.role !== 'exception').reduce((sum, cls) => sum + cls.methods.length, 0);
    if (methods + design.functions.length > 0) return [];
    const { signatureSnippets, attributedSnippets } = design.stats;
    const unplaced = design.warnings.filter((warning) => warning.kind === 'unplaced').length;
    const seen = signatureSnippets > 0 ? `; it saw ${signatureSnippets} signature-like snippet(s) and placed ${attributedSnippets}${unplaced > 0 ? `, ${unplaced} could not be placed (see \`backsmith spec\`)` : ''}` : '';
    return [{
      message: `backsmith found no API in the design ${design.sourceName}: no class with methods and no module function in its code blocks, headings, lists or tables${seen}; the design checks had nothing to compare the module with`,
      line: 0,
    }];
  },
});
