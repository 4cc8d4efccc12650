// Scores the design reader on real designs: ../shared/real-designs/<id>/<design>.md against the
// hand-made labels in gold/<id>.json. Prints a line per design, then three summary lines (a hook
// reads `npm run -s score:designs | tail -3`). `--verbose` lists what was missed and what was extra.
// Matching rules (the data's README): a method matches on owner class and name, a function on its
// name; parameters compare by name and order (labels with `params: null` are not compared); a data
// model matches on its name, and its fields compare by name and order; labels that list `constants`
// (held-out ones) also count the module constants found by name; a method or function whose label has
// `returns` (null = the design gives none) compares its return annotation, whitespace and the quotes
// of a forward reference aside.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDesignFile } from '../dist/inputs/design/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--held-out` scores the project's own held-out set instead: test-fixtures/designs/held-out/<id>.md
// next to its label <id>.json (written in our own words, never tuned on).
const HELD_OUT = process.argv.includes('--held-out');
const DATA = HELD_OUT
  ? path.resolve(ROOT, 'test-fixtures', 'designs', 'held-out')
  : (process.env.BACKSMITH_REAL_DESIGNS ?? path.resolve(ROOT, '..', 'shared', 'real-designs'));
const GOLD = HELD_OUT ? DATA : path.join(DATA, 'gold');
const verbose = process.argv.includes('--verbose');
// `--only <regular expression>` scores the designs whose id matches (a new batch, scored blind).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 && process.argv[onlyAt + 1] ? new RegExp(process.argv[onlyAt + 1]) : null;

/** A return annotation as compared: whitespace dropped (`dict[str, int]` = `dict[str,int]`), a quoted forward reference unquoted. */
const returnText = (text) => (text === null || text === undefined ? null : String(text).replace(/\s+/g, '').replace(/^(['"])(.+)\1$/, '$2'));
const percent = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

function goldItems(gold) {
  const items = new Map();
  for (const cls of gold.classes ?? []) for (const method of cls.methods ?? []) items.set(`${cls.name}.${method.name}`, method);
  for (const fn of gold.functions ?? []) items.set(fn.name, fn);
  return items;
}

function specItems(spec) {
  const items = new Map();
  for (const cls of spec.classes) for (const method of cls.methods) items.set(`${cls.name}.${method.name}`, method);
  for (const fn of spec.functions) items.set(fn.name, fn);
  return items;
}

/** Scores one design; returns the counts. */
async function scoreOne(id) {
  const gold = JSON.parse(readFileSync(path.join(GOLD, `${id}.json`), 'utf8'));
  const folder = HELD_OUT ? DATA : path.join(DATA, id);
  const file = HELD_OUT ? `${id}.md` : readdirSync(folder).find((name) => name.endsWith('.md'));
  const spec = await readDesignFile(path.join(folder, file));
  const expected = goldItems(gold);
  const found = specItems(spec);
  const counts = { expected: expected.size, reported: found.size, matched: 0, compared: 0, exact: 0, states: 0, named: 0, exceptions: 0, exceptionsFound: 0, basesExact: 0, models: 0, modelsReported: 0, modelsFound: 0, modelsExact: 0, constants: 0, constantsFound: 0, returns: 0, returnsExact: 0 };
  const missed = [];
  const wrongReturns = [];
  const wrongParameters = [];
  for (const [key, item] of expected) {
    const mine = found.get(key);
    if (!mine) {
      missed.push(key);
      continue;
    }
    counts.matched++;
    if ('returns' in item) {
      counts.returns++;
      if (returnText(mine.returnAnnotation) === returnText(item.returns)) counts.returnsExact++;
      else wrongReturns.push(`${key} -> ${mine.returnAnnotation} ≠ ${item.returns}`);
    }
    if (!Array.isArray(item.params)) continue;
    counts.compared++;
    const names = mine.parameters.map((parameter) => parameter.name);
    if (names.join(',') === item.params.join(',')) counts.exact++;
    else wrongParameters.push(`${key}(${names.join(', ')}) ≠ (${item.params.join(', ')})`);
  }
  const extra = [...found.keys()].filter((key) => !expected.has(key));
  if (gold.module_file) {
    counts.states = 1;
    counts.named = spec.deliverable === gold.module_file ? 1 : 0;
  }
  const exceptionNames = new Set(spec.exceptions.map((exception) => exception.name));
  const missedExceptions = (gold.exceptions ?? []).filter((exception) => !exceptionNames.has(exception.name)).map((exception) => exception.name);
  counts.exceptions = (gold.exceptions ?? []).length;
  counts.exceptionsFound = counts.exceptions - missedExceptions.length;
  const bases = new Map(spec.exceptions.map((exception) => [exception.name, exception.base]));
  const wrongBases = (gold.exceptions ?? []).filter((exception) => bases.has(exception.name) && bases.get(exception.name) !== exception.base).map((exception) => `${exception.name}(${bases.get(exception.name)}) ≠ (${exception.base})`);
  counts.basesExact = counts.exceptionsFound - wrongBases.length;
  const goldModels = new Map((gold.models ?? []).map((model) => [model.name, model]));
  const specModels = new Map(spec.models.map((model) => [model.name, model]));
  counts.models = goldModels.size;
  counts.modelsReported = specModels.size;
  const missedModels = [...goldModels.keys()].filter((name) => !specModels.has(name));
  const extraModels = [...specModels.keys()].filter((name) => !goldModels.has(name));
  const wrongFields = [];
  const missedConstants = [];
  for (const [name, model] of goldModels) {
    const mine = specModels.get(name);
    if (!mine) continue;
    counts.modelsFound++;
    const fields = mine.fields.map((field) => field.name);
    if (fields.join(',') === model.fields.join(',')) counts.modelsExact++;
    else wrongFields.push(`${name}(${fields.join(', ')}) ≠ (${model.fields.join(', ')})`);
  }
  if (Array.isArray(gold.constants)) {
    const constantNames = new Set(spec.constants.map((constant) => constant.name));
    counts.constants = gold.constants.length;
    counts.constantsFound = gold.constants.filter((constant) => constantNames.has(constant.name)).length;
    missedConstants.push(...gold.constants.filter((constant) => !constantNames.has(constant.name)).map((constant) => constant.name));
  }
  const deliverable = gold.module_file ? (counts.named ? 'name ok' : `name ${spec.deliverable} ≠ ${gold.module_file}`) : 'name n/a';
  console.log(`${id.padEnd(52)} found ${counts.matched}/${counts.expected}  precise ${counts.reported - extra.length}/${counts.reported}  params ${counts.exact}/${counts.compared}  returns ${counts.returnsExact}/${counts.returns}  exceptions ${counts.exceptionsFound}/${counts.exceptions}  models ${counts.modelsFound}/${counts.models}${extraModels.length > 0 ? ` (+${extraModels.length})` : ''}  ${deliverable}`);
  if (verbose) {
    if (missed.length > 0) console.log(`    missed: ${missed.join(', ')}`);
    if (extra.length > 0) console.log(`    extra: ${extra.join(', ')}`);
    if (wrongParameters.length > 0) console.log(`    parameters: ${wrongParameters.join('; ')}`);
    if (wrongReturns.length > 0) console.log(`    returns: ${wrongReturns.join('; ')}`);
    if (missedExceptions.length > 0) console.log(`    exceptions missed: ${missedExceptions.join(', ')}`);
    if (wrongBases.length > 0) console.log(`    exception bases: ${wrongBases.join('; ')}`);
    if (missedModels.length > 0) console.log(`    models missed: ${missedModels.join(', ')}`);
    if (extraModels.length > 0) console.log(`    models extra: ${extraModels.join(', ')}`);
    if (wrongFields.length > 0) console.log(`    model fields: ${wrongFields.join('; ')}`);
    if (missedConstants.length > 0) console.log(`    constants missed: ${missedConstants.join(', ')}`);
  }
  return { ...counts, extra: extra.length };
}

async function main() {
  if (!existsSync(GOLD)) {
    console.log(`score:designs: no real designs at ${DATA} (the shared data set is absent); nothing to score.`);
    return;
  }
  const ids = readdirSync(GOLD).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).filter((id) => only === null || only.test(id)).sort();
  const total = { expected: 0, reported: 0, matched: 0, extra: 0, compared: 0, exact: 0, states: 0, named: 0, exceptions: 0, exceptionsFound: 0, basesExact: 0, models: 0, modelsReported: 0, modelsFound: 0, modelsExact: 0, constants: 0, constantsFound: 0, returns: 0, returnsExact: 0 };
  for (const id of ids) {
    const counts = await scoreOne(id);
    for (const key of Object.keys(total)) total[key] += counts[key];
  }
  console.log(`designs: ${ids.length}; deliverable equals the stated module_file: ${total.named}/${total.states} (${percent(total.named, total.states)})`);
  console.log(`methods and functions found: ${percent(total.matched, total.expected)} (${total.matched}/${total.expected}); precision: ${percent(total.reported - total.extra, total.reported)} (${total.reported - total.extra}/${total.reported})`);
  console.log(`parameter names exact: ${percent(total.exact, total.compared)} (${total.exact}/${total.compared}); returns exact: ${percent(total.returnsExact, total.returns)} (${total.returnsExact}/${total.returns}); exceptions found: ${percent(total.exceptionsFound, total.exceptions)} (${total.exceptionsFound}/${total.exceptions}), bases exact: ${percent(total.basesExact, total.exceptionsFound)} (${total.basesExact}/${total.exceptionsFound}); models found: ${percent(total.modelsFound, total.models)} (${total.modelsFound}/${total.models}), precision: ${percent(total.modelsFound, total.modelsReported)} (${total.modelsFound}/${total.modelsReported}), fields exact: ${percent(total.modelsExact, total.modelsFound)} (${total.modelsExact}/${total.modelsFound})${total.constants > 0 ? `; constants found: ${percent(total.constantsFound, total.constants)} (${total.constantsFound}/${total.constants})` : ''}`);
}

await main();
