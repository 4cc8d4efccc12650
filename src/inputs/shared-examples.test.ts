import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MessageIndex } from '../conformance/match-message.js';
import { exceptionClasses, isModelClass } from '../python/module-roles.js';
import { readPythonModule } from '../python/read-module.js';
import { formatSpecReport } from '../report/format-spec.js';
import { buildSpecReport } from '../spec/build-spec-report.js';
import { readDesign } from './design/read-design.js';
import { readStories } from './stories/read-stories.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = path.resolve(REPO, '../shared');
const CASES = [
  { feature: 'expense_splitter', module: 'ledger' },
  { feature: 'library_lending', module: 'service' },
];

async function load(feature: string, module: string) {
  const directory = path.join(SHARED, 'examples', feature);
  const read = (name: string) => readFileSync(path.join(directory, name), 'utf8');
  const design = await readDesign(read(`${feature}_technical_design.md`), { sourceName: `${feature}_technical_design.md` });
  const stories = readStories(read(`${feature}_user_stories.md`), { sourceName: `${feature}_user_stories.md` });
  const reference = await readPythonModule(read(`${feature}_${module}.py`));
  return { design, stories, reference };
}

describe.each(CASES)('the shared example $feature', ({ feature, module }) => {
  it.skipIf(!existsSync(SHARED))('names the deliverable and finds every class, method and function of the reference module', async () => {
    const { design, reference } = await load(feature, module);
    expect(design.deliverable).toBe(`${feature}_${module}.py`);
    expect(design.warnings).toEqual([]);
    const publicClasses = reference.classes.filter((cls) => !cls.name.startsWith('_')).map((cls) => cls.name).sort();
    expect(design.classes.map((cls) => cls.name).sort()).toEqual(publicClasses);
    const exceptions = new Set(exceptionClasses(reference).map((cls) => cls.name));
    for (const designed of design.classes) {
      const cls = reference.classes.find((candidate) => candidate.name === designed.name)!;
      const designedNames = designed.methods.map((method) => method.name).sort();
      for (const name of designedNames) expect(cls.methods.map((method) => method.name), `${cls.name}.${name}`).toContain(name);
      if (exceptions.has(cls.name)) continue;
      const publicMethods = cls.methods.filter((method) => !method.name.startsWith('_') || method.name === '__init__').map((method) => method.name).sort();
      expect(designedNames, cls.name).toEqual(publicMethods);
    }
    expect(design.functions.map((fn) => fn.name).sort()).toEqual(reference.functions.filter((fn) => !fn.name.startsWith('_')).map((fn) => fn.name).sort());
    expect(design.primaryClass).toBe(reference.classes.at(-1)!.name);
  });

  it.skipIf(!existsSync(SHARED))('finds every exception with its base, and every model with its fields', async () => {
    const { design, reference } = await load(feature, module);
    expect(design.exceptions.map((exception) => `${exception.name}(${exception.base})`).sort())
      .toEqual(exceptionClasses(reference).map((cls) => `${cls.name}(${cls.bases[0]})`).sort());
    expect(design.exceptions.flatMap((exception) => exception.codes).length).toBeGreaterThan(20);
    const models = reference.classes.filter(isModelClass);
    expect(design.models.map((model) => model.name).sort()).toEqual(models.map((cls) => cls.name).sort());
    for (const model of design.models) {
      const cls = models.find((candidate) => candidate.name === model.name)!;
      expect(model.fields.map((field) => `${field.name}: ${field.annotation}`)).toEqual(cls.attributes.map((attribute) => `${attribute.name}: ${attribute.annotation}`));
    }
  });

  it.skipIf(!existsSync(SHARED))('finds every message of the design and stories, and each is in the reference module', async () => {
    const { design, stories, reference } = await load(feature, module);
    const index = new MessageIndex(reference.strings.filter((text) => !text.isDocstring).map((text) => ({ text: text.text, line: text.line, style: 'python' as const })));
    const storyMessages = stories.stories.flatMap((story) => story.messages);
    expect(stories.stories.map((story) => story.id)).toEqual(['US-001', 'US-002', 'US-003', 'US-004', 'US-005', 'US-006', 'US-007', 'US-008']);
    expect(storyMessages.length).toBeGreaterThan(35);
    for (const message of [...design.messages, ...storyMessages]) expect(index.match(message.template).status, message.text).toBe('found');
    const report = buildSpecReport(design, stories);
    expect(report.warnings).toEqual([]);
    expect(report.storyMessages.every((link) => link.designMessage !== null)).toBe(true);
  });

  it.skipIf(!existsSync(SHARED))('lists all of it in `backsmith spec`', async () => {
    const { design, stories } = await load(feature, module);
    const text = formatSpecReport(buildSpecReport(design, stories));
    const names = [
      ...design.classes.flatMap((cls) => [cls.name, ...cls.methods.map((method) => `${method.name}(`)]),
      ...design.functions.map((fn) => `${fn.name}(`),
      ...design.models.flatMap((model) => model.fields.map((field) => `${field.name}: `)),
      ...design.messages.map((message) => message.template),
      ...stories.stories.flatMap((story) => [story.id, ...story.messages.map((message) => message.text)]),
    ];
    for (const name of names) expect(text, name).toContain(name);
  });
});
