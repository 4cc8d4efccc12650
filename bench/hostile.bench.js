// Hostile markdown: each pathological document of hostileDocuments() through readDesign and
// readStories, in-process, warm. Target: every one well under 1 s (linear time, no stack overflow).
import { readDesign } from '../dist/inputs/design/index.js';
import { hostileDocuments } from '../dist/inputs/markdown/hostile-documents.js';
import { readStories } from '../dist/inputs/stories/index.js';
import { median, report, timeRuns } from './measure.js';

const RUNS = 5;

export default async function hostileBench() {
  let worst = 0;
  for (const [name, text] of hostileDocuments()) {
    const durations = await timeRuns(async () => {
      await readDesign(text, { sourceName: 'hostile_technical_design.md' });
      readStories(text);
    }, RUNS, 1);
    report(`hostile: ${name}`, durations);
    worst = Math.max(worst, median(durations));
  }
  console.log(`hostile documents: worst median ${worst.toFixed(1)} ms (design + stories): ${worst < 1000 ? 'within' : 'OVER'} the 1 s target`);
}
