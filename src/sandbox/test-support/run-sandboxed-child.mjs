// Runs one hostile fixture through the built sandbox (dist/) in a separate Node process, so a
// test can run it as another, unprivileged user (the user-namespace path). Argument: a JSON
// job { fixture, args, limits } (or { fixture, tests, replace } for acceptance tests); prints the
// SandboxRunResult (or TestRunResult) as JSON, or { missing } when this user cannot have every
// required protection.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { runSandboxed } = await import(path.join(ROOT, 'dist/sandbox/run-sandboxed.js'));
const { hostCapabilities, missingProtections, protectionsFor } = await import(path.join(ROOT, 'dist/sandbox/host-capabilities.js'));
const { DEFAULT_SANDBOX_LIMITS, REQUIRED_PROTECTIONS } = await import(path.join(ROOT, 'dist/sandbox/sandbox-types.js'));

const job = JSON.parse(process.argv[2]);
const capabilities = await hostCapabilities();
const missing = missingProtections(protectionsFor(capabilities), REQUIRED_PROTECTIONS);
if (missing.length > 0) {
  process.stdout.write(JSON.stringify({ missing, notes: capabilities.notes }));
} else if (job.tests) {
  // Acceptance tests (job.tests: fixture names) through the trusted runner; job.replace: one injected change.
  const { runAcceptanceTests } = await import(path.join(ROOT, 'dist/sandbox/run-tests.js'));
  const read = (name) => readFileSync(path.join(ROOT, 'test-fixtures/hostile', name), 'utf8');
  const [from, to] = job.replace ?? ['', ''];
  const { result } = await runAcceptanceTests({
    interpreter: job.interpreter ?? '/usr/bin/python3',
    module: { name: job.fixture, content: read(job.fixture).replace(from, to) },
    testFiles: job.tests.map((name) => ({ name, content: read(name) })),
    runner: 'unittest',
    testSeconds: 5,
    limits: { ...DEFAULT_SANDBOX_LIMITS, wallMs: 15_000 },
    allowUnsandboxed: false,
    allowNativeCode: job.allowNativeCode === true,
  });
  process.stdout.write(JSON.stringify(result));
} else {
  const result = await runSandboxed({
    interpreter: job.interpreter ?? '/usr/bin/python3',
    files: [{ name: job.fixture, content: readFileSync(path.join(ROOT, 'test-fixtures/hostile', job.fixture), 'utf8') }],
    script: 'run_script.py',
    config: { target: job.fixture, args: job.args ?? [] },
    limits: { ...DEFAULT_SANDBOX_LIMITS, wallMs: 15_000, ...job.limits },
    allowUnsandboxed: false,
  });
  process.stdout.write(JSON.stringify(result));
}
