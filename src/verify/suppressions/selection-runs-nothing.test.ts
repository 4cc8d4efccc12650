import { describe, expect, it } from 'vitest';
import { selectionRunsNothing } from './selection-runs-nothing.js';

describe('selectionRunsNothing', () => {
  const noInputs = { design: 'no --design given', stories: 'no --stories given', runtime: '--no-run given', tests: '--no-run given', 'test-files': 'no --tests given' };
  it.each([
    ['no selection', [], noInputs, null],
    ['a category whose checks all need the design', ['design/'], noInputs, 'no --design given'],
    ['a category and a check, each missing its input', ['design/', 'tests/failed'], noInputs, 'no --design given; --no-run given'],
    ['one check that needs the sandbox', ['runtime/hang'], noInputs, '--no-run given'],
    ['a category with a check that needs nothing', ['design/', 'quality/'], noInputs, null],
    ['design checks when the design is given', ['design/'], { stories: 'no --stories given' }, null],
  ] as const)('%s', (_name, selectors, gaps, expected) => {
    expect(selectionRunsNothing(selectors, gaps)).toBe(expected);
  });

  it('counts a check turned off in the configuration as not running', () => {
    expect(selectionRunsNothing(['quality/placeholder'], {}, new Set(['quality/placeholder']))).toBe('turned off in configuration');
    expect(selectionRunsNothing(['quality/placeholder'], {})).toBeNull();
  });
});
