// Spec extraction time: readDesign (markdown scan, Python blocks through tree-sitter, tables,
// naming, warnings) on a ~40 KB design built from the design fixtures, in-process, warm.
// Target: median <= 50 ms. Also the stories reader on the fixtures' stories.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDesign } from '../dist/inputs/design/index.js';
import { readStories } from '../dist/inputs/stories/index.js';
import { median, report, timeRuns } from './measure.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-fixtures', 'designs');
const TARGET_BYTES = 40 * 1024;
const RUNS = 30;

function documents(suffix) {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(path.join(FIXTURES, entry.name)).filter((name) => name.endsWith(suffix)).map((name) => readFileSync(path.join(FIXTURES, entry.name, name), 'utf8')));
}

/**
 * The fixtures' designs one after another until the text reaches the target size; later copies get
 * their class names suffixed (`TaskBoard2`), so the result reads as one big design, not as repeats.
 */
function bigDesign() {
  const parts = documents('_technical_design.md');
  const sections = [];
  for (let copy = 0; sections.join('\n\n').length < TARGET_BYTES; copy++) {
    for (const part of parts) sections.push(copy === 0 ? part : part.replace(/\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)\b/g, `$1${copy + 1}`));
  }
  return sections.join('\n\n');
}

export default async function specBench() {
  const design = bigDesign();
  let spec;
  const durations = await timeRuns(async () => {
    spec = await readDesign(design, { sourceName: 'bench_technical_design.md' });
  }, RUNS, 3);
  const methods = spec.classes.reduce((sum, cls) => sum + cls.methods.length, 0);
  report(`spec: readDesign, ${(design.length / 1024).toFixed(0)} KB design (${spec.classes.length} classes, ${methods} methods)`, durations);
  const stories = documents('_user_stories.md').join('\n\n');
  const storyDurations = await timeRuns(() => readStories(stories), RUNS, 3);
  report(`spec: readStories, ${(stories.length / 1024).toFixed(0)} KB of stories`, storyDurations);
  const verdict = median(durations) <= 50 ? 'within' : 'OVER';
  console.log(`spec extraction median ${median(durations).toFixed(1)} ms for a ${(design.length / 1024).toFixed(0)} KB design: ${verdict} the 50 ms target`);
}
