import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DesignSpec } from '../../../inputs/design/design-types.js';
import { readDesign } from '../../../inputs/design/read-design.js';
import { readStories } from '../../../inputs/stories/read-stories.js';
import type { StoriesSpec } from '../../../inputs/stories/story-types.js';
import { readPythonModule } from '../../../python/read-module.js';
import { buildCheckContext } from '../../build-context.js';
import { ALL_CHECKS } from '../../registry.js';
import type { Check } from '../../check.js';
import { verifyModule } from '../../verify-module.js';
import { messageMismatch } from '../stories/message-mismatch.js';
import { missingClass } from './missing-class.js';
import { missingException } from './missing-exception.js';
import { missingMethod } from './missing-method.js';
import { signatureMismatch } from './signature-mismatch.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SHARED = path.resolve(REPO, '../shared');
const CASES = [
  { feature: 'expense_splitter', module: 'ledger' },
  { feature: 'library_lending', module: 'service' },
];

interface Example {
  file: string;
  source: string;
  design: DesignSpec;
  stories: StoriesSpec;
}

async function load(feature: string, module: string): Promise<Example> {
  const directory = path.join(SHARED, 'examples', feature);
  const read = (name: string) => readFileSync(path.join(directory, name), 'utf8');
  return {
    file: path.join(directory, `${feature}_${module}.py`),
    source: read(`${feature}_${module}.py`),
    design: await readDesign(read(`${feature}_technical_design.md`), { sourceName: `${feature}_technical_design.md` }),
    stories: readStories(read(`${feature}_user_stories.md`)),
  };
}

function replaceOnce(source: string, from: string, to: string, after = 0): string {
  const index = source.indexOf(from, after);
  if (index < 0) throw new Error(`mutation target not found: ${from}`);
  return source.slice(0, index) + to + source.slice(index + from.length);
}

/** Mutations of a reference module, derived from its design: [what, check expected to catch it, mutated source, text the finding names]. */
async function mutations(example: Example): Promise<Array<[string, Check, string, string]>> {
  const { source, design, stories } = example;
  const module = await readPythonModule(source);
  const primary = design.primaryClass!;
  const service = module.classes.find((cls) => cls.name === primary)!;
  const typed = service.methods.find((method) => method.name !== '__init__' && method.parameters.filter((parameter) => parameter.annotation && !parameter.defaultValue).length >= 3)!;
  const [, first, second] = typed.parameters;
  const defStart = source.split('\n').slice(0, typed.line - 1).join('\n').length;
  const written = (parameter: typeof first) => `${parameter!.name}: ${parameter!.annotation}`;
  const swapped = replaceOnce(replaceOnce(source, written(first), '\u0001', defStart), written(second), written(first), defStart).replace('\u0001', written(second));
  const leaf = design.exceptions.find((exception) => !design.exceptions.some((other) => other.base === exception.name))!;
  // A message the module holds as one plain literal (not only in a doctest).
  const literals = new Set(module.strings.filter((text) => !text.isDocstring && !text.isFString).map((text) => text.text));
  const message = stories.stories.flatMap((story) => story.messages).find((entry) => literals.has(entry.text) && source.includes(`"${entry.text}"`) && /\b[a-z]{5,}\b/.test(entry.text))!;
  const word = /\b[a-z]{5,}\b/.exec(message.text)![0];
  return [
    ['a renamed parameter', signatureMismatch, replaceOnce(source, `${first!.name}:`, `${first!.name}_value:`, defStart), `${primary}.${typed.name}`],
    ['reordered parameters', signatureMismatch, swapped, `${primary}.${typed.name}`],
    ['a changed annotation', signatureMismatch, replaceOnce(source, written(first), `${first!.name}: bytes`, defStart), `${primary}.${typed.name}`],
    ['a missing method', missingMethod, replaceOnce(source, `def ${typed.name}(`, `def ${typed.name}_gone(`), `${primary}.${typed.name}`],
    ['a missing class', missingClass, replaceOnce(source, `class ${primary}`, `class ${primary}Renamed`), primary],
    ['a reworded message', messageMismatch, replaceOnce(source, `"${message.text}"`, `"${message.text.replace(word, `${word}x`)}"`), message.text],
    ['a missing exception', missingException, replaceOnce(source, `class ${leaf.name}(`, `class ${leaf.name}Gone(`), leaf.name],
  ];
}

describe.each(CASES)('conformance checks on the shared example $feature', ({ feature, module }) => {
  it.skipIf(!existsSync(SHARED))('find no error in the reference module', async () => {
    const example = await load(feature, module);
    const report = await verifyModule({ path: example.file, design: example.design, stories: example.stories, noRun: true, python: null });
    const conformance = report.findings.filter((finding) => finding.category === 'design' || finding.category === 'stories');
    expect(conformance.filter((finding) => finding.severity === 'error').map((finding) => `${finding.checkId}: ${finding.message}`)).toEqual([]);
    const ran = report.checks.filter((check) => check.id.startsWith('design/') || check.id.startsWith('stories/'));
    expect(ran.length).toBe(ALL_CHECKS.filter((check) => check.id.startsWith('design/') || check.id.startsWith('stories/')).length);
    expect(ran.filter((check) => check.status === 'skipped')).toEqual([]);
  });

  it.skipIf(!existsSync(SHARED))('each catch their defect in mutated copies of the reference', async () => {
    const example = await load(feature, module);
    for (const [what, check, source, names] of await mutations(example)) {
      const context = { ...(await buildCheckContext({ source, python: null })), design: example.design, stories: example.stories };
      const reports = await check.run(context);
      expect(reports.map((report) => report.message).join('\n'), `${check.id} on ${what}`).toContain(names);
    }
  });
});
