import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDesignFile } from '../../inputs/design/read-design-file.js';
import { checklistFromSpec } from '../../prompt/checklist-from-spec.js';
import { formatChecklist, minimalChecklist } from '../../prompt/spec-checklist.js';
import type { Finding } from '../../verify/finding.js';
import type { ModuleReport } from '../../verify/verify-module.js';
import { checklistStatus } from './checklist-status.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const HELD_OUT = path.join(REPO, 'test-fixtures/designs/held-out');

function report(findings: Finding[], ran: string[]): ModuleReport {
  return {
    path: 'svc.py', sha256: '', passed: true, findings, summary: { errors: 0, warnings: findings.length, infos: 0 },
    checks: ran.map((id) => ({ id, status: 'passed' as const, durationMs: 0 })),
    syntax: { authority: 'tree-sitter', pythonVersion: null, fallbackReason: null }, durationMs: 0,
  };
}

function missing(checkId: string, symbol: string): Finding {
  return { checkId, category: 'design', severity: 'warning', message: `${symbol} is missing`, line: 0, symbol, hint: 'add it' };
}

describe('checklistStatus: the bare classes and constants the prompt lists', () => {
  const checklist = { ...minimalChecklist('svc.py'), classes: ['Clock', 'Ledger'], constants: ['MAX_ITEMS = 5', 'CURRENCY'] };
  const cases: Array<{ name: string; module: ModuleReport; statuses: Array<[string, string, string]> }> = [
    {
      name: 'a missing class and a missing constant are unmet, the others met',
      module: report([missing('design/missing-class', 'Clock'), missing('design/missing-constant', 'CURRENCY')], ['design/missing-class', 'design/missing-constant']),
      statuses: [['Signatures', 'class Clock', 'unmet'], ['Signatures', 'class Ledger', 'met'], ['Constants', 'MAX_ITEMS = 5', 'met'], ['Constants', 'CURRENCY', 'unmet']],
    },
    {
      name: 'a constant with another value is unmet, like a missing one',
      module: report([missing('design/constant-value', 'MAX_ITEMS')], ['design/missing-class', 'design/missing-constant', 'design/constant-value']),
      statuses: [['Signatures', 'class Clock', 'met'], ['Signatures', 'class Ledger', 'met'], ['Constants', 'MAX_ITEMS = 5', 'unmet'], ['Constants', 'CURRENCY', 'met']],
    },
    {
      name: 'constants are judged when only design/constant-value ran',
      module: report([], ['design/constant-value']),
      statuses: [['Signatures', 'class Clock', 'unchecked'], ['Signatures', 'class Ledger', 'unchecked'], ['Constants', 'MAX_ITEMS = 5', 'met'], ['Constants', 'CURRENCY', 'met']],
    },
    {
      name: 'checks that did not run leave them unchecked',
      module: report([], []),
      statuses: [['Signatures', 'class Clock', 'unchecked'], ['Signatures', 'class Ledger', 'unchecked'], ['Constants', 'MAX_ITEMS = 5', 'unchecked'], ['Constants', 'CURRENCY', 'unchecked']],
    },
  ];
  it.each(cases)('$name', ({ module, statuses }) => {
    expect(checklistStatus(checklist, module).map((item) => [item.group, item.text, item.status])).toEqual(statuses);
  });

  it.each(readdirSync(HELD_OUT).filter((name) => /^h.*\.md$/.test(name)))('%s: every signature, class and constant the prompt lists has a status', async (name) => {
    const design = await readDesignFile(path.join(HELD_OUT, name));
    const checklist = checklistFromSpec(design.deliverable ?? 'module.py', design, null);
    const listed: string[] = [];
    let section = '';
    for (const line of formatChecklist(checklist).split('\n')) {
      if (line !== '' && !line.startsWith('- ')) section = line;
      const item = /^- `([^`]*)`$/.exec(line)?.[1];
      if (item !== undefined && /^(Signatures|Other classes|Module-level constants)/.test(section)) listed.push(item);
    }
    const judged = checklistStatus(checklist, report([], [])).filter((item) => item.group === 'Signatures' || item.group === 'Constants').map((item) => item.text);
    expect(judged.filter((text) => !text.startsWith('main class '))).toEqual(listed);
  });
});
