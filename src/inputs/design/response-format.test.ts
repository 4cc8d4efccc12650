import { describe, expect, it } from 'vitest';
import { readDesign } from './read-design.js';
import { readResponseFormat } from './response-format.js';

const fence = '```';

describe('readResponseFormat: where the fields live', () => {
  it('keeps error_code inside data on failure, not at the top', async () => {
    const design = [
      '# Pantry', '', '## Response format', '', 'Every public method returns:', '',
      `${fence}python`, '{"success": True, "message": "Item added.", "data": {"item_id": 3, "count": 1}}',
      '{"success": False, "message": "Item not found.", "data": {"error_code": "NOT_FOUND"}}', fence, '',
    ].join('\n');
    const spec = await readDesign(design, { sourceName: 'pantry_technical_design.md' });
    expect(spec.responseFormat).toMatchObject({ keys: ['success', 'message', 'data'], dataOnSuccess: ['item_id', 'count'], dataOnFailure: ['error_code'] });
  });

  const cases: Array<[string, string, { keys: string[]; dataOnSuccess: string[]; dataOnFailure: string[] } | null]> = [
    ['a JSON sample with lowercase booleans', '{"success": false, "message": "x", "data": {"error_code": "E"}}', { keys: ['success', 'message', 'data'], dataOnSuccess: [], dataOnFailure: ['error_code'] }],
    ['an outcome left open describes both', '{"success": bool, "message": str, "data": {"total": float}}', { keys: ['success', 'message', 'data'], dataOnSuccess: ['total'], dataOnFailure: ['total'] }],
    ['placeholders that break the Python', '{"success": <bool>, "message": "...", "data": <payload>}', { keys: ['success', 'message', 'data'], dataOnSuccess: [], dataOnFailure: [] }],
    ['data that is not a dict says nothing about its keys', '{"success": True, "message": "ok", "data": None}', { keys: ['success', 'message', 'data'], dataOnSuccess: [], dataOnFailure: [] }],
    ['no dict at all', 'returns a response', null],
  ];
  it.each(cases)('%s', async (_name, text, expected) => {
    const format = await readResponseFormat([{ text, line: 1, summary: '' }]);
    if (expected === null) expect(format).toBeNull();
    else expect(format).toMatchObject(expected);
  });

  it('reads a deeply nested sample without recursion', async () => {
    const format = await readResponseFormat([{ text: `{"success": True, "message": "m", "data": ${'['.repeat(5000)}${']'.repeat(5000)}}`, line: 1, summary: '' }]);
    expect(format?.keys).toEqual(['success', 'message', 'data']);
  });
});
