import { canonicalName, importBindings } from '../../../python/import-bindings.js';
import type { ReferenceFact } from '../../../python/python-model.js';
import { defineCheck } from '../../check.js';
import { ReachReports } from './support/reach-reports.js';

/** Calls that end or signal the process itself, or write to a raw descriptor, named as `safety/tampering` does not. */
const PROCESS_CALLS: Record<string, string> = {
  'posix._exit': 'an immediate process exit (posix._exit)', 'posix.abort': 'an immediate process exit (posix.abort)', 'os.abort': 'an immediate process exit (os.abort)',
  'signal.raise_signal': 'a signal to its own process (signal.raise_signal)', 'signal.pthread_kill': 'a signal to a thread (signal.pthread_kill)',
  'os.killpg': 'a signal to a process group (os.killpg)', 'posix.kill': 'another process (posix.kill)', 'posix.killpg': 'a signal to a process group (posix.killpg)',
  'posix.write': 'a raw file descriptor (posix.write)', 'posix.writev': 'a raw file descriptor (posix.writev)', 'posix.pwrite': 'a raw file descriptor (posix.pwrite)',
  'posix.dup': 'a raw file descriptor (posix.dup)', 'posix.dup2': 'a raw file descriptor (posix.dup2)', 'posix.closerange': 'raw file descriptors (posix.closerange)',
};
/** Classes and functions that skip, fail or stop a test from inside the code under test. */
const TEST_OUTCOMES = ['unittest.SkipTest', 'unittest.case.SkipTest', 'pytest.skip', 'pytest.xfail', 'pytest.exit', 'pytest.fail', '_pytest.outcomes', '_pytest.skipping'];
/** File objects opened on a descriptor number: `io.FileIO(4, "w")` writes where the test results go. */
const FILE_OBJECTS = new Set(['io.FileIO', '_io.FileIO', 'FileIO', 'io.open', '_io.open', 'open', 'builtins.open']);
/** Attribute writers that bypass a class's own `__setattr__`, and the modules whose objects they must not touch. */
const RAW_SETTERS = new Set(['type.__setattr__', 'object.__setattr__', 'type.__delattr__', 'object.__delattr__']);
const TEST_MACHINERY = ['unittest', 'pytest', '_pytest', 'doctest', 'builtins', 'sys', 'os', 'io'];

function isUnder(name: string, roots: readonly string[]): string | undefined {
  for (const root of roots) if (name === root || name.startsWith(`${root}.`)) return root;
  return undefined;
}

/** True when an argument's source text is a whole number or a call that yields a descriptor. */
function isDescriptor(text: string): boolean {
  if (text.length > 0 && [...text].every((character) => character >= '0' && character <= '9')) return true;
  return text.startsWith('int(') || text.endsWith('.fileno()') || text.startsWith('os.open(') || text.startsWith('os.dup(');
}

function reachesFor(reference: ReferenceFact, bindings: ReadonlyMap<string, string>): string | null {
  if (reference.name === null) return null;
  const name = canonicalName(reference.name, bindings);
  const outcome = isUnder(name, TEST_OUTCOMES);
  if (outcome) return `the test runner's outcomes (\`${name}\`): raised or called from the module, it skips, fails or stops the test that called it`;
  if (reference.kind !== 'call') return null;
  const process = PROCESS_CALLS[name];
  if (process) return process;
  const [first, second] = reference.arguments ?? [];
  if (FILE_OBJECTS.has(name) && first && first.literal === null) {
    // FileIO on anything but a literal path is a descriptor or a path computed at runtime; open() only on a descriptor.
    if (name.endsWith('FileIO') || isDescriptor(first.text)) return `a raw file descriptor (\`${name}(${first.text}, …)\`)`;
  }
  if (RAW_SETTERS.has(name) && first) {
    const target = isUnder(canonicalName(first.text, bindings), TEST_MACHINERY);
    if (target) return `the ${target} module's objects, replacing ${second?.literal ? `\`${second.literal}\`` : 'an attribute'} past their own __setattr__ (\`${name}(${first.text}, …)\`)`;
  }
  if ((name === 'os.kill' || name === 'posix.kill') && first && (first.text === 'os.getpid()' || first.text === '0')) return `a signal to its own process (\`${name}(${first.text}, …)\`)`;
  return null;
}

/** `safety/outcome-forging`: no raw descriptors, self-signals, raw attribute writes on the test machinery, or test-skipping exceptions. */
export const outcomeForging = defineCheck({
  id: 'safety/outcome-forging',
  category: 'safety',
  severity: 'error',
  description: 'The module must not decide a test\'s outcome for it: writing to a raw descriptor through io.FileIO(fd) or open(fd), replacing attributes of unittest or pytest objects through type.__setattr__/object.__setattr__, ending or signalling its own process (posix._exit, os.abort, signal.raise_signal, os.kill(os.getpid(), …)), or raising unittest.SkipTest (or a subclass) and calling pytest.skip/fail/exit. Each turns a failing acceptance test into a skip, a pass or a lost result.',
  fixHint: 'Remove the code: return a response or raise the module\'s own exception instead of skipping or exiting, write files through open() on a path, and never touch the test framework\'s classes.',
  run(context) {
    const { module } = context;
    const bindings = importBindings(module);
    const reach = new ReachReports(module);
    for (const entry of module.imports) {
      if (!entry.isFrom || entry.level > 0) continue;
      for (const name of entry.names.map((imported) => `${entry.module}.${imported}`)) {
        const what = PROCESS_CALLS[name] ?? (isUnder(name, TEST_OUTCOMES) ? `the test runner's outcomes (imports ${name})` : undefined);
        if (what) reach.add(entry.line, what);
      }
    }
    const own = new Set([...module.functions.map((fn) => fn.name), ...module.classes.map((cls) => cls.name)]);
    for (const reference of module.references ?? []) {
      if (reference.kind === 'call' && reference.name !== null && own.has(reference.name)) continue;
      const what = reachesFor(reference, bindings);
      if (what) reach.add(reference.line, what);
    }
    return reach.sorted();
  },
});
