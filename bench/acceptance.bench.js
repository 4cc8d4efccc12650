// backsmith's own time to write acceptance tests for the clinic_booking example, the model taking
// no time (a scripted model): two rounds per run, a fenced test file importing the wrong module,
// then the example's own test file. What is measured is the test writer's loop: prompt assembly,
// extraction, the test-file checks, the repair prompt, the run record and the atomic write.
// Figures: wall-clock median per run, and CPU time (user+system, process.cpuUsage) per run.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAcceptanceTests } from '../dist/acceptance/generate-tests.js';
import { createScriptedModel } from '../dist/model/scripted-model.js';
import { median, report } from './measure.js';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'clinic_booking');
const FILES = { design: 'clinic_booking_technical_design.md', stories: 'clinic_booking_user_stories.md', tests: 'test_clinic_booking_acceptance.py' };
const RUNS = 7;

export default async function bench() {
  const project = await mkdtemp(path.join(tmpdir(), 'backsmith-bench-acceptance-'));
  try {
    for (const file of [FILES.design, FILES.stories]) await copyFile(path.join(EXAMPLE, file), path.join(project, file));
    const good = await readFile(path.join(EXAMPLE, FILES.tests), 'utf8');
    const wrong = `Here are the tests:\n\n\`\`\`python\n${good.replace('from clinic_booking_scheduler import', 'from clinic_scheduler import')}\`\`\`\n`;
    console.log(`test file: ${good.split('\n').length} lines, ${good.length.toLocaleString('en-US')} chars; round 0 imports the wrong module, round 1 is the example's file`);
    const walls = [];
    const cpus = [];
    for (let run = 0; run <= RUNS; run++) {
      const model = createScriptedModel([wrong, good]);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const result = await generateAcceptanceTests({ design: FILES.design, stories: FILES.stories, projectDir: project, model, outDir: 'out', secrets: [] });
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      if (result.outcome !== 'delivered' || result.attempts.length !== 2) throw new Error(`bench: unexpected outcome ${result.outcome} (${result.reason})`);
      if (run === 0) continue; // warm-up: parser and checks loaded
      walls.push(wall);
      cpus.push((used.user + used.system) / 1000);
    }
    report('backsmith tests, 2 rounds, scripted model (wall)', walls);
    report('backsmith tests, 2 rounds, scripted model (CPU user+sys)', cpus);
    console.log(`per round: ~${(median(cpus) / 2).toFixed(1)} ms CPU`);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}
