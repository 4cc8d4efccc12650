import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDesignFile } from '../inputs/design/read-design-file.js';
import type { DesignSpec } from '../inputs/design/design-types.js';
import { buildCheckContext } from '../verify/build-context.js';
import { designChecks } from '../verify/checks/design/index.js';
import { checklistFromSpec } from './checklist-from-spec.js';
import { formatChecklist } from './spec-checklist.js';

// The prompt's checklist and the design/ checks are built from the same spec. A module written from
// the rendered checklist text alone must pass every design check (the checklist states all they
// require), and one that leaves out what the checklist lists must fail them on exactly those items
// (the checklist states nothing they do not check).

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HELD_OUT = path.join(REPO, 'test-fixtures/designs/held-out');
const FOLDERS = ['gym_booking', 'newsletter', 'plant_watering', 'recipe_box', 'task_board'].map((name) => path.join(REPO, 'test-fixtures/designs', name));

function designFiles(): string[] {
  const heldOut = readdirSync(HELD_OUT).filter((name) => name.endsWith('.md') && name.startsWith('h')).map((name) => path.join(HELD_OUT, name));
  const examples = FOLDERS.flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith('_technical_design.md')).map((name) => path.join(folder, name)));
  return [...heldOut, ...examples];
}

interface StubClass {
  bases: string;
  kind: string | null;
  fields: string[];
  methods: string[];
}

/** What the checklist text asks for, read back from the rendered lines. */
function readChecklist(text: string) {
  const classes = new Map<string, StubClass>();
  const functions: string[] = [];
  const constants: string[] = [];
  const entry = (name: string) => {
    if (!classes.has(name)) classes.set(name, { bases: '', kind: null, fields: [], methods: [] });
    return classes.get(name)!;
  };
  let providedElsewhere: string[] = [];
  let deliverable = '';
  for (const line of text.split('\n')) {
    const item = /^- `(.*)`(?::.*)?$/.exec(line)?.[1] ?? '';
    const main = /^- Main class: `(\w+)`/.exec(line);
    if (main) entry(main[1]!);
    const named = /^- Deliverable: one module, `([^`]+)`/.exec(line);
    if (named) deliverable = named[1]!;
    const elsewhere = /^- The design says (.*) (?:is|are) provided elsewhere/.exec(line);
    if (elsewhere) providedElsewhere = [...elsewhere[1]!.matchAll(/`(\w+)`/g)].map((match) => match[1]!);
    const model = /^([A-Z]\w*) \(([\w-]+)\): (.*)$/.exec(item);
    const method = /^(async )?([A-Z]\w*)\.(\w+)(\(.*)$/.exec(item);
    const fn = /^(async )?([a-z_]\w*)(\(.*)$/.exec(item);
    const exception = /^([A-Z]\w*)\(([\w.]+)\)$/.exec(item) ?? /^- `([A-Z]\w*)` \(the design gives no base/.exec(line);
    const constant = /^([A-Z_][A-Z0-9_]*)(?: = (.*))?$/.exec(item);
    const cls = /^class ([A-Z]\w*)$/.exec(item);
    if (model) {
      const stub = entry(model[1]!);
      stub.kind = model[2]!;
      // Enum members may come without values ("WAITING, FIXED"): each name is a member, given its own name as value.
      stub.fields = model[2] === 'enum'
        ? model[3]!.split(/, (?=[A-Za-z_]\w*(?: = |, |$))/).filter((field) => field !== '').map((field) => (field.includes(' = ') ? field : `${field} = '${field}'`))
        // Untyped fields ("firing_id, kiln, readings") are split too: a name followed by a comma starts a field.
        : model[3]!.split(/, (?=\w+(?::| =|,|$))/).filter((field) => field !== '');
    } else if (method) entry(method[2]!).methods.push(`${method[1] ?? ''}def ${method[3]}${method[4]}: ...`);
    else if (exception) entry(exception[1]!).bases = exception[2] ?? 'Exception';
    else if (constant) constants.push(`${constant[1]} = ${constant[2] ?? 'None'}`);
    else if (cls) entry(cls[1]!);
    else if (fn) functions.push(`${fn[1] ?? ''}def ${fn[2]}${fn[3]}: ...`);
  }
  return { classes, functions, constants, providedElsewhere, deliverable };
}

/** A Python module with exactly what the checklist lists; `leaveOut` drops methods, functions and fields. */
function moduleFrom(checklist: ReturnType<typeof readChecklist>, leaveOut = false): string {
  const lines = ['from __future__ import annotations', 'from dataclasses import dataclass', 'from enum import Enum', 'from typing import Any', ''];
  lines.push(...checklist.constants);
  for (const [name, stub] of checklist.classes) {
    const enumeration = stub.kind === 'enum';
    if (stub.kind && !enumeration) lines.push('@dataclass');
    lines.push(`class ${name}(${stub.bases || (enumeration ? 'Enum' : '')}):`);
    const body = leaveOut ? [] : [
      ...stub.fields.map((field) => (enumeration ? field : /:/.test(field.split('=')[0]!) ? field : `${field.split(' = ')[0]}: Any${field.includes(' = ') ? ` = ${field.split(' = ')[1]}` : ''}`)),
      ...stub.methods.map((method) => method),
    ];
    lines.push(...(body.length > 0 ? body.map((text) => `    ${text}`) : ['    pass']), '');
  }
  if (!leaveOut) lines.push(...checklist.functions);
  return `${lines.join('\n')}\n`;
}

async function designFindings(spec: DesignSpec, source: string, deliverable: string) {
  const context = { ...(await buildCheckContext({ source, path: deliverable, python: null })), design: spec };
  const findings: string[] = [];
  for (const check of designChecks) {
    if (check.id === 'design/no-api') continue;
    for (const report of await check.run(context)) findings.push(`${check.id} ${report.symbol ?? ''}: ${report.message}`);
  }
  return findings;
}

describe('the prompt checklist states exactly what the design checks require', () => {
  const files = designFiles();

  it('covers the held-out designs and the example designs', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
  });

  it.each(files.map((file) => [path.relative(REPO, file), file]))('%s: a module written from the checklist alone passes every design check', async (_name, file) => {
    const spec = await readDesignFile(file);
    const deliverable = spec.deliverable ?? 'module.py';
    const checklist = readChecklist(formatChecklist(checklistFromSpec(deliverable, spec, null)));
    const source = moduleFrom(checklist);
    expect(await designFindings(spec, source, checklist.deliverable), source).toEqual([]);
  }, 30_000);

  it.each(files.map((file) => [path.relative(REPO, file), file]))('%s: leaving out what the checklist lists fails exactly those items', async (_name, file) => {
    const spec = await readDesignFile(file);
    const deliverable = spec.deliverable ?? 'module.py';
    const checklist = readChecklist(formatChecklist(checklistFromSpec(deliverable, spec, null)));
    const findings = await designFindings(spec, moduleFrom(checklist, true), checklist.deliverable);
    const reported = new Set(findings.map((finding) => finding.split(' ')[1]!.replace(/:$/, '')));
    const listed = new Set<string>();
    for (const [name, stub] of checklist.classes) {
      for (const method of stub.methods) listed.add(`${name}.${/def (\w+)/.exec(method)![1]}`);
      if (stub.kind) for (const field of stub.fields) listed.add(`${name}.${/^\w+/.exec(field)![0]}`);
    }
    for (const fn of checklist.functions) {
      const name = /def (\w+)/.exec(fn)![1]!;
      if (!checklist.providedElsewhere.includes(name)) listed.add(name);
    }
    const missingOnes = new Set([...reported].filter((symbol) => findings.some((finding) => finding.startsWith(`design/missing-method ${symbol}:`) || finding.startsWith(`design/missing-function ${symbol}:`) || finding.startsWith(`design/missing-model-field ${symbol}:`))));
    expect([...missingOnes].sort()).toEqual([...listed].sort());
  }, 30_000);
});
