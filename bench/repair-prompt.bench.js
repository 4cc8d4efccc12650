// The repair prompt on realistic failing drafts of the ~900-line clinic_booking example, verified for
// real (static checks, design and stories, the sandboxed run with the example's acceptance tests):
// its diagnostics' size relative to the module (median over the drafts), whether causes come before
// failing tests, and the CPU time to build it. Then backsmith's own time per generate round with a
// scripted model (the model taking no time; --no-run), as wall time and as this process's CPU time.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../dist/config/config-schema.js';
import { generateModule } from '../dist/generate/generate-module.js';
import { readDesign } from '../dist/inputs/design/index.js';
import { readStories } from '../dist/inputs/stories/index.js';
import { createScriptedModel } from '../dist/model/scripted-model.js';
import { readPythonModule } from '../dist/python/read-module.js';
import { formatRepairFindings } from '../dist/repair/build-repair-prompt.js';
import { repairContract } from '../dist/prompt/output-contract.js';
import { verifyModuleOrReport } from '../dist/verify/verify-failure.js';
import { median, report } from './measure.js';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'clinic_booking');
const FILES = { design: 'clinic_booking_technical_design.md', stories: 'clinic_booking_user_stories.md', module: 'clinic_booking_scheduler.py', tests: 'test_clinic_booking_acceptance.py' };
const ROUNDS = 4;

/** Realistic defects a model makes, each applied to the good module (names found by the real parser). */
async function failingDrafts(good, design) {
  const module = await readPythonModule(good);
  const service = module.classes.find((cls) => cls.name === design.primaryClass) ?? module.classes.at(-1);
  const publicMethods = service.methods.filter((fn) => !fn.name.startsWith('_'));
  const lines = good.split('\n');
  const without = (method) => [...lines.slice(0, method.line - 1 - method.decorators.length), ...lines.slice(method.endLine)].join('\n');
  const message = design.messages.map((entry) => entry.template.split('{')[0].trim()).find((literal) => literal.length >= 12 && good.includes(literal));
  const reworded = (code) => (message ? code.replaceAll(message, `Sorry: ${message.toLowerCase()}`) : code);
  const method = publicMethods[1] ?? publicMethods[0];
  const typo = (code) => {
    const at = code.split('\n').findIndex((line, index) => index >= method.line && line.includes('self._'));
    return code.split('\n').map((line, index) => (index === at ? line.replace('self._', 'slef._') : line)).join('\n');
  };
  return [
    { name: 'missing method', code: without(publicMethods.at(-1)) },
    { name: 'reworded message', code: reworded(good) },
    { name: 'undefined name', code: typo(good) },
    { name: 'missing method + reworded + undefined name', code: typo(reworded(without(publicMethods.at(-1)))) },
    { name: 'two missing methods', code: without(publicMethods.at(-1)).split('\n').filter((_, index) => index < publicMethods.at(-2).line - 1 - publicMethods.at(-2).decorators.length || index >= publicMethods.at(-2).endLine).join('\n') },
  ];
}

export default async function bench() {
  const project = await mkdtemp(path.join(tmpdir(), 'backsmith-bench-repair-'));
  try {
    for (const file of Object.values(FILES)) await copyFile(path.join(EXAMPLE, file), path.join(project, file));
    const good = await readFile(path.join(EXAMPLE, FILES.module), 'utf8');
    const design = await readDesign(await readFile(path.join(EXAMPLE, FILES.design), 'utf8'), { sourceName: FILES.design });
    const stories = await readStories(await readFile(path.join(EXAMPLE, FILES.stories), 'utf8'), { sourceName: FILES.stories });
    console.log(`module: ${good.split('\n').length} lines, ${good.length.toLocaleString('en-US')} chars`);
    const ratios = [];
    const diagnostics = [];
    const buildCpu = [];
    for (const draft of await failingDrafts(good, design)) {
      const report = await verifyModuleOrReport({
        path: path.join(project, FILES.module), source: draft.code, config: defaultConfig(), draft: true, design, stories, tests: [path.join(project, FILES.tests)],
      });
      const before = process.cpuUsage();
      const text = `${formatRepairFindings(report.findings, draft.code, FILES.module)}\n\n${repairContract(FILES.module)}`;
      const cpu = process.cpuUsage(before);
      buildCpu.push((cpu.user + cpu.system) / 1000);
      const bytes = Buffer.byteLength(text);
      diagnostics.push(bytes);
      ratios.push((100 * bytes) / Buffer.byteLength(draft.code));
      const firstTest = text.indexOf('Failing acceptance tests');
      const causes = ['## 1.', '## 2.', '## 3.'].map((heading) => text.indexOf(heading)).filter((at) => at >= 0);
      const ordered = firstTest < 0 || causes.every((at) => at <= firstTest);
      console.log(`  ${draft.name.padEnd(44)} ${String(report.summary.errors).padStart(3)} errors -> ${bytes.toLocaleString('en-US').padStart(6)} bytes of diagnostics (${((100 * bytes) / Buffer.byteLength(draft.code)).toFixed(1)}% of the module); causes before tests: ${ordered ? 'yes' : 'NO'}`);
    }
    report('repair prompt: diagnostics beyond the module (bytes)', diagnostics, 'B');
    report('repair prompt: diagnostics / module size', ratios, '%');
    report('repair prompt: CPU time to build the findings text', buildCpu);
    console.log(`target ≤ 2 KB of diagnostics for typical rounds: ${median(diagnostics) <= 2048 ? 'met' : 'NOT met'} (median ${median(diagnostics)} B, max ${Math.max(...diagnostics)} B)`);

    const [missing] = await failingDrafts(good, design);
    // With the default checks (pyright's types/ included: its own process, started per run) and without them.
    const setups = [['all checks', defaultConfig()], ['without types/ (pyright)', { ...defaultConfig(), checks: { include: [], exclude: ['types/'] } }]];
    for (const [label, config] of setups) {
      const wall = [];
      const cpu = [];
      for (let index = 0; index <= ROUNDS; index++) {
        const before = process.cpuUsage();
        const result = await generateModule({ design: FILES.design, stories: FILES.stories, projectDir: project, model: createScriptedModel([missing.code, good]), noRun: true, secrets: [], outDir: 'out', config });
        const used = process.cpuUsage(before);
        if (result.outcome !== 'delivered') throw new Error(`bench: unexpected outcome ${result.outcome} (${result.reason})`);
        if (index === 0) continue; // warm-up: grammar, Ruff and interpreter start-up
        const record = JSON.parse(await readFile(path.join(result.runDir, 'run.json'), 'utf8'));
        wall.push((record.timings.totalMs - record.timings.modelMs) / record.drafts.length);
        cpu.push((used.user + used.system) / 1000 / record.drafts.length);
      }
      report(`generate (${label}): non-model wall time per round`, wall);
      report(`generate (${label}): this process's CPU per round`, cpu);
      console.log(`target ≤ 1000 ms of non-model time per round (--no-run, ${label}): ${median(wall) <= 1000 ? 'met' : 'NOT met'} (wall ${median(wall).toFixed(0)} ms, CPU ${median(cpu).toFixed(0)} ms)`);
    }
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}
