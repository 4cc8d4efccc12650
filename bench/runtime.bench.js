// Runtime stage figures: the sandboxed run (probe + acceptance tests, in parallel) on the
// ~900-line clinic_booking example with its ~40 acceptance tests (target: median <= 1.5 s),
// and the sandbox's start-up cost on a trivial module.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCheckContext } from '../dist/verify/build-context.js';
import { hostCapabilities, missingProtections, protectionsFor } from '../dist/sandbox/host-capabilities.js';
import { runProbe } from '../dist/sandbox/run-probe.js';
import { runSandboxed } from '../dist/sandbox/run-sandboxed.js';
import { runRuntimeStage } from '../dist/sandbox/runtime-stage.js';
import { resolveSandboxInterpreter } from '../dist/sandbox/resolve-interpreter.js';
import { DEFAULT_SANDBOX_LIMITS, REQUIRED_PROTECTIONS } from '../dist/sandbox/sandbox-types.js';
import { report, timeRuns } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CASES = [
  { folder: 'examples/clinic_booking', module: 'clinic_booking_scheduler.py', tests: 'test_clinic_booking_acceptance.py' },
  { folder: '../shared/examples/library_lending', module: 'library_lending_service.py', tests: 'test_library_lending_acceptance.py' },
];
const RUNS = 9;

export default async function runtimeBench() {
  const missing = missingProtections(protectionsFor(await hostCapabilities()), REQUIRED_PROTECTIONS);
  if (missing.length > 0) {
    console.log(`skipped: this host lacks ${missing.join(', ')} (runtime checks would refuse to run)`);
    return;
  }
  const found = CASES.find((entry) => existsSync(path.join(ROOT, entry.folder, entry.module)) && existsSync(path.join(ROOT, entry.folder, entry.tests)));
  const file = path.join(ROOT, found.folder, found.module);
  const tests = [path.join(ROOT, found.folder, found.tests)];
  const source = readFileSync(file, 'utf8');
  const context = await buildCheckContext({ source, path: file });
  const resolution = await resolveSandboxInterpreter('python3', false, false);
  if (!resolution.ok) throw new Error(resolution.reason);
  const { interpreter } = resolution;
  console.log(`module: ${path.relative(ROOT, file)} (${source.split('\n').length} lines), interpreter ${interpreter.executable} ${interpreter.version}`);

  let last;
  const stage = await timeRuns(async () => {
    last = await runRuntimeStage(context, { tests });
  }, RUNS, 1);
  const counts = last.sandbox.tests;
  report(`runtime stage: probe + ${counts.ran} acceptance tests (target <= 1500)`, stage);
  if (counts.failed + counts.errors > 0 || last.probe.escapes.length > 0) console.log('  warning: the example did not pass cleanly');

  const module = { name: found.module, content: source };
  const probeOnly = await timeRuns(() => runProbe({ interpreter: interpreter.executable, module, services: [], allowDataFrame: false, limits: DEFAULT_SANDBOX_LIMITS, allowUnsandboxed: false }), RUNS, 1);
  report('probe alone: import + doctests, no method calls', probeOnly);

  const trivial = { name: 'trivial.py', content: 'VALUE = 1\n' };
  const startUp = await timeRuns(() => runSandboxed({ interpreter: interpreter.executable, files: [trivial], script: 'interpreter_info.py', config: {}, limits: DEFAULT_SANDBOX_LIMITS, allowUnsandboxed: false }), RUNS * 2, 2);
  report('sandbox start-up: trivial run (namespaces, uid, python -I)', startUp);

  const trivialProbe = await timeRuns(() => runProbe({ interpreter: interpreter.executable, module: trivial, services: [], allowDataFrame: false, limits: DEFAULT_SANDBOX_LIMITS, allowUnsandboxed: false }), RUNS * 2, 2);
  report('probe of a trivial module (start-up + harness)', trivialProbe);
}
