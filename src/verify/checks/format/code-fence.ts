import { defineCheck } from '../../check.js';
import { isFenceLine } from './support/prose-lines.js';

/**
 * `format/code-fence`: markdown fences (```) anywhere in the file. A fence inside a multi-line
 * string of otherwise parseable code (e.g. a markdown example in a docstring) is content, not a fence.
 */
export const codeFence = defineCheck({
  id: 'format/code-fence',
  category: 'format',
  severity: 'error',
  description: 'The output must be raw Python: markdown code fences (```) make the file invalid and show the model wrapped its answer in markdown.',
  fixHint: 'Delete the ``` lines (and any prose outside them) so that only the Python code remains.',
  run({ module, source }) {
    const lines = source.split('\n');
    const inCleanString = (line: number): boolean => module.strings.some((string) =>
      line > string.line && line <= string.endLine
      && !module.parseErrors.some((error) => error.line >= string.line && error.line <= string.endLine));
    const reports = [];
    for (let index = 0; index < lines.length; index++) {
      const text = lines[index] ?? '';
      const line = index + 1;
      if (!isFenceLine(text) || inCleanString(line)) continue;
      const fence = text.trim();
      reports.push({
        message: `Markdown code fence ${JSON.stringify(fence.length > 20 ? `${fence.slice(0, 20)}…` : fence)}: the file must contain only Python`,
        line,
        column: text.length - text.trimStart().length + 1,
      });
    }
    return reports;
  },
});
