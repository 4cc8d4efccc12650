import type { SandboxProtections } from './sandbox-types.js';
import type { SandboxReport } from './runtime-types.js';

const NAMES: Record<keyof SandboxProtections, string> = {
  privateWorkingDirectory: 'private folder',
  isolatedInterpreter: 'python -I',
  minimalEnvironment: 'minimal environment',
  networkNamespace: 'no network',
  pidNamespace: 'pid namespace',
  privateTmp: 'private /tmp',
  filesystemView: 'minimal filesystem view',
  ipcNamespace: 'ipc namespace',
  diskQuota: 'disk quota',
  unprivilegedUser: 'unprivileged uid',
  resourceLimits: 'resource limits',
  auditHooks: 'audit hooks',
  killAll: 'kill-all at end',
};

/**
 * The sandbox in a few lines for the human report: how it ran, with what, and what was missing.
 * `withNote: false` leaves out the interpreter note, for reports that print it once for all modules.
 */
export function formatSandboxLines(sandbox: SandboxReport, options: { withNote?: boolean } = {}): string[] {
  const inactive = (Object.keys(NAMES) as Array<keyof SandboxProtections>).filter((name) => !sandbox.protections[name]).map((name) => NAMES[name]);
  if (sandbox.status !== 'ran') return [`Sandbox ${sandbox.status}: ${sandbox.reason ?? ''}`.trim()];
  const interpreter = sandbox.interpreter ? `${sandbox.interpreter.executable} ${sandbox.interpreter.version}` : 'unknown interpreter';
  const lines = [`Sandbox: ${interpreter}; ${inactive.length === 0 ? 'all protections active' : `NOT active: ${inactive.join(', ')}`}${sandbox.unsandboxed ? ' (--allow-unsandboxed)' : ''}`];
  if (sandbox.interpreter?.note && options.withNote !== false) lines.push(`  note: ${sandbox.interpreter.note}`);
  const { tests } = sandbox;
  if (tests) lines.push(`  acceptance tests (${tests.runner ?? 'none'}): ${tests.ran} ran, ${tests.passed} passed, ${tests.failed} failed, ${tests.errors} errors, ${tests.skipped} skipped${tests.completed ? '' : ' (run incomplete)'}`);
  for (const entry of tests?.inProcess ?? []) lines.push(`  tests in ${entry.file} ran in-process with the module (its results could be forged): ${entry.reason}`);
  return lines;
}
