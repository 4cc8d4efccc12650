import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config-schema.js';
import { readDesign } from '../inputs/design/read-design.js';
import { buildCheckContext } from '../verify/build-context.js';
import { responseFormat } from '../verify/checks/contract/response-format.js';
import { RESPONSE_KEYS } from '../verify/checks/contract/support/response-analysis.js';
import { checklistFromSpec } from './checklist-from-spec.js';
import { formatChecklist } from './spec-checklist.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DESIGNS = [
  ...readdirSync(path.join(REPO, 'test-fixtures/responses')).map((name) => path.join(REPO, 'test-fixtures/responses', name)),
  ...readdirSync(path.join(REPO, 'test-fixtures/designs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && !name.includes('user_stories'))
    .map((name) => path.join(REPO, 'test-fixtures/designs', name)),
];

function literal(keys: string[]): string {
  return `{${keys.map((key) => `"${key}": None`).join(', ')}}`;
}

/** A service written exactly as a checklist's response lines say. */
function moduleFollowing(top: string[], dataOnSuccess: string[], dataOnFailure: string[], extraTop: string[] = []): string {
  const answer = (success: boolean, data: string[]) => {
    const values: Record<string, string> = { success: success ? 'True' : 'False', message: success ? '"Done."' : '"Failed."', data: literal(data) };
    return `{${[...top, ...extraTop].map((key) => `"${key}": ${values[key] ?? 'None'}`).join(', ')}}`;
  };
  return [
    '"""A service shaped by the checklist."""', '', '', 'class Service:', '    """Answers in the checklist\'s shape."""', '',
    '    def run(self, ok: bool) -> dict:', '        """Answers."""', '        if ok:', `            return ${answer(true, dataOnSuccess)}`, `        return ${answer(false, dataOnFailure)}`, '',
  ].join('\n');
}

describe('the prompt\'s response checklist and contract/response-format agree', () => {
  it.each(DESIGNS.map((file) => [path.relative(REPO, file), file]))('%s', async (_name, file) => {
    const design = await readDesign(readFileSync(file, 'utf8'), { sourceName: path.basename(file) });
    const checklist = checklistFromSpec(design.deliverable ?? 'module.py', design, null);
    const response = checklist.response!;
    const text = formatChecklist(checklist);
    // The keys the prompt names are the keys the check demands.
    expect(response.keys).toEqual([...RESPONSE_KEYS]);
    expect(text).toContain(`exactly the top-level keys ${response.keys.map((key) => `\`${key}\``).join(', ')}`);
    for (const key of response.dataOnFailure) expect(text).toMatch(new RegExp(`On failure, \`data\` holds .*\`${key}\``));
    const config = defaultConfig();
    const following = await buildCheckContext({ source: moduleFollowing(response.keys, response.dataOnSuccess, response.dataOnFailure), config });
    following.design = design;
    expect(await responseFormat.run(following)).toEqual([]);
    // A model that puts the design's data fields at the top level is caught, with a hint naming them.
    const misplaced = [...new Set([...response.dataOnFailure, ...response.movedIntoData])];
    if (misplaced.length > 0) {
      const wrong = await buildCheckContext({ source: moduleFollowing(response.keys, response.dataOnSuccess, [], misplaced), config });
      wrong.design = design;
      const reports = await responseFormat.run(wrong);
      expect(reports.length).toBeGreaterThan(0);
      expect(reports[0]!.hint).toContain(`'${misplaced[0]}'`);
    }
  });

  it('reads the two response fixtures as intended', async () => {
    const kiosk = await readDesign(readFileSync(DESIGNS.find((file) => file.includes('kiosk'))!, 'utf8'));
    expect(checklistFromSpec('kiosk_orders.py', kiosk, null).response).toEqual({ keys: ['success', 'message', 'data'], dataOnSuccess: ['order_id', 'total'], dataOnFailure: ['error_code'], movedIntoData: [] });
    const badge = await readDesign(readFileSync(DESIGNS.find((file) => file.includes('badge'))!, 'utf8'));
    expect(checklistFromSpec('badge_printer.py', badge, null).response).toMatchObject({ movedIntoData: ['error_code'] });
  });
});
