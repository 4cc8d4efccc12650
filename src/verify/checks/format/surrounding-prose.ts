import { defineCheck } from '../../check.js';
import { proseRegions, type ProseRegion } from './support/prose-lines.js';

const QUOTE_LIMIT = 70;

const HINTS: Record<ProseRegion['where'], string> = {
  before: 'Delete everything above the module docstring or the first import.',
  between: 'Delete the text between the code blocks; usage examples belong in the module docstring.',
  after: 'Delete everything after the last line of code.',
};

function quote(text: string): string {
  const trimmed = text.trim();
  return JSON.stringify(trimmed.length > QUOTE_LIMIT ? `${trimmed.slice(0, QUOTE_LIMIT)}…` : trimmed);
}

/**
 * `format/surrounding-prose`: chat text around the module ("Here's the implementation:", "Let me
 * know…"). tree-sitter locates the text that is not Python before the first clean statement, after
 * the last one, and between two blocks of code; comments, docstrings and valid code are never flagged.
 */
export const surroundingProse = defineCheck({
  id: 'format/surrounding-prose',
  category: 'format',
  severity: 'error',
  description: 'The output must be only the module: no explanatory prose before the code ("Here\'s the implementation:") or after it ("This module implements…", "Let me know…").',
  fixHint: 'Delete the explanatory text so the file holds only Python; put anything worth keeping in the module docstring.',
  run({ module, source, syntax }) {
    const regions = proseRegions(module, syntax.error?.line ?? null);
    if (regions.length === 0) return [];
    const lines = source.split('\n');
    return regions.map((region) => {
      const first = region.proseLines[0] ?? region.firstLine;
      const count = region.proseLines.length;
      const extent = count > 1 ? ` (${count} lines of prose, lines ${first}–${region.proseLines.at(-1)})` : '';
      return {
        message: `Explanatory prose ${region.where === 'between' ? 'between blocks of code' : `${region.where} the code`}${extent}: ${quote(lines[first - 1] ?? '')}`,
        line: first,
        hint: HINTS[region.where],
      };
    });
  },
});
