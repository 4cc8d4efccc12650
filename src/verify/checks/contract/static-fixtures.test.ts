import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCheckContext } from '../../build-context.js';
import type { Check } from '../../check.js';
import { depsChecks } from '../deps/index.js';
import { errorsChecks } from '../errors/index.js';
import { safetyChecks } from '../safety/index.js';
import { threadingChecks } from '../threading/index.js';
import { contractChecks } from './index.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SHARED = path.resolve(REPOSITORY, '../shared');
const FIXTURES = path.join(REPOSITORY, 'test-fixtures');

/** The static checks of contract/, errors/, deps/, safety/ and threading/ (runtime checks left out). */
const STATIC_CHECKS: Check[] = [...contractChecks, ...errorsChecks, ...depsChecks, ...safetyChecks, ...threadingChecks]
  .filter((check) => !check.requires || check.requires.length === 0);

/** `line id severity` for every finding of the static checks, sorted by line. */
async function findingsOf(file: string): Promise<string[]> {
  const context = await buildCheckContext({ source: readFileSync(file, 'utf8'), path: file, python: null });
  const lines: Array<[number, string]> = [];
  for (const check of STATIC_CHECKS) {
    for (const report of await check.run(context)) lines.push([report.line, `${report.line} ${check.id} ${report.severity ?? check.severity}`]);
  }
  return lines.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])).map(([, text]) => text);
}

describe('static checks on well-written modules', () => {
  const references = [
    path.join(SHARED, 'examples/library_lending/library_lending_service.py'),
    path.join(SHARED, 'examples/expense_splitter/expense_splitter_ledger.py'),
  ];
  for (const file of references) {
    it.skipIf(!existsSync(file))(`finds nothing in ${path.basename(file)}`, async () => {
      expect(await findingsOf(file)).toEqual([]);
    });
  }

  it('finds nothing in a module written in another good style (TypedDict, per-method try, module helpers)', async () => {
    expect(await findingsOf(path.join(FIXTURES, 'static-checks/room_booking_alternate_style.py'))).toEqual([]);
  });

  it('registers only the static checks it means to run here', () => {
    expect(STATIC_CHECKS.map((check) => check.id)).toEqual(expect.arrayContaining([
      'contract/response-format', 'contract/uncaught-raise', 'contract/unguarded-call', 'errors/exception-hierarchy',
      'errors/base-exception-fields', 'deps/third-party-import', 'deps/relative-import', 'safety/network',
      'safety/subprocess', 'safety/file-write', 'threading/unlocked-mutation',
    ]));
  });
});

describe('static checks on bad generated modules', () => {
  it('inventory_tracker_naive.py: raises to the UI, wrong keys, third-party imports, unlocked state, flat exceptions', async () => {
    expect(await findingsOf(path.join(FIXTURES, 'generated/inventory_tracker_naive.py'))).toEqual([
      '12 deps/third-party-import error',
      '13 deps/third-party-import error',
      '23 errors/exception-hierarchy error',
      '27 errors/exception-hierarchy error',
      '51 contract/uncaught-raise error',
      '52 threading/unlocked-mutation error',
      '55 contract/response-format error',
      '70 contract/uncaught-raise error',
      '72 contract/response-format error',
      '73 threading/unlocked-mutation error',
      '82 contract/unguarded-call warning',
      '85 contract/response-format error',
      '94 contract/unguarded-call warning',
      '94 safety/network error',
      '96 threading/unlocked-mutation error',
      '99 contract/response-format error',
      '108 contract/unguarded-call warning',
      '108 safety/file-write warning',
    ]);
  });

  it('report_exporter_unsafe.py: network, processes, deletions and writes outside a temporary directory', async () => {
    expect(await findingsOf(path.join(FIXTURES, 'generated/report_exporter_unsafe.py'))).toEqual([
      '18 deps/relative-import error',
      '55 safety/file-write error',
      '56 safety/network error',
      '57 safety/subprocess error',
      '65 safety/file-write error',
      '66 safety/file-write error',
      '67 safety/subprocess error',
      '68 safety/file-write warning',
      '69 safety/file-write warning',
    ]);
  });

  it('task_board_subtle.py: a helper with an extra key, a fall-through, a helper raise, a BaseException, a base without code', async () => {
    expect(await findingsOf(path.join(FIXTURES, 'generated/task_board_subtle.py'))).toEqual([
      '11 deps/third-party-import warning',
      '21 errors/base-exception-fields error',
      '21 errors/base-exception-fields error',
      '30 errors/exception-hierarchy error',
      // Line 57 calls self._find, whose raise (line 83) escapes: reported once, by contract/uncaught-raise.
      '64 contract/response-format error',
      '66 contract/unguarded-call warning',
      '83 contract/uncaught-raise error',
      '89 threading/unlocked-mutation error',
      '93 contract/response-format error',
    ]);
  });
});
