// Scores the stories reader on the held-out stories: test-fixtures/stories/<name>.stories.md against
// its hand-made label <name>.stories.json ({ stories: ['ID: title'], criteria: ['ID AC1'],
// messages: ['ID AC1 "template"'] }). Prints a line per file, then one summary line; `--verbose`
// lists what was missed and what was extra. Items match exactly as written in the label.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStories } from '../dist/inputs/stories/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, 'test-fixtures', 'stories');
const verbose = process.argv.includes('--verbose');
// `--only <regular expression>` scores the files whose name matches (a new batch, scored blind).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 && process.argv[onlyAt + 1] ? new RegExp(process.argv[onlyAt + 1]) : null;
const percent = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

/** What the reader made of one file, in the label's terms. */
function readItems(file) {
  const spec = readStories(readFileSync(path.join(DATA, file), 'utf8'), { sourceName: file });
  return {
    stories: spec.stories.map((story) => `${story.id}: ${story.title}`),
    criteria: spec.stories.flatMap((story) => story.criteria.map((criterion) => `${story.id} ${criterion.id}`)),
    messages: spec.stories.flatMap((story) => story.messages.map((message) => `${story.id} ${message.criterionId} "${message.template}"`)),
  };
}

const KINDS = ['stories', 'criteria', 'messages'];
const total = Object.fromEntries(KINDS.map((kind) => [kind, { expected: 0, found: 0, reported: 0 }]));
const files = existsSync(DATA) ? readdirSync(DATA).filter((name) => name.endsWith('.stories.json') && (only === null || only.test(name))).sort() : [];
for (const label of files) {
  const gold = JSON.parse(readFileSync(path.join(DATA, label), 'utf8'));
  const mine = readItems(label.replace(/\.json$/, '.md'));
  const parts = [];
  const details = [];
  for (const kind of KINDS) {
    const expected = gold[kind] ?? [];
    const found = expected.filter((item) => mine[kind].includes(item));
    total[kind].expected += expected.length;
    total[kind].found += found.length;
    total[kind].reported += mine[kind].length;
    parts.push(`${kind} ${found.length}/${expected.length} (+${mine[kind].filter((item) => !expected.includes(item)).length})`);
    if (verbose) {
      const missed = expected.filter((item) => !mine[kind].includes(item));
      const extra = mine[kind].filter((item) => !expected.includes(item));
      if (missed.length > 0) details.push(`    ${kind} missed: ${missed.join('; ')}`);
      if (extra.length > 0) details.push(`    ${kind} extra: ${extra.join('; ')}`);
    }
  }
  console.log(`${label.replace(/\.json$/, '').padEnd(36)} ${parts.join('  ')}`);
  for (const detail of details) console.log(detail);
}
console.log(`stories files: ${files.length}; ${KINDS.map((kind) => `${kind} found ${percent(total[kind].found, total[kind].expected)} (${total[kind].found}/${total[kind].expected}), precision ${percent(total[kind].found, total[kind].reported)}`).join('; ')}`);
