import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';

/**
 * How V8 is to compile a wasm module. V8 fixes a module's tiering from its flags when the module is
 * compiled and instantiated, and the flags are process-wide.
 * - `baseline`: V8's baseline compiler only. Ruff (10 MB, briefly run on one module) starts in a
 *   fraction of the time, and tree-sitter's grammar would otherwise optimise its lexer (one large
 *   function, ~0.2 s of CPU) on every 1,000-line module, for little gain on any.
 * - `tiered`: dynamic tiering with a budget ~550 times V8's: tree-sitter's runtime parses a
 *   1,000-line module with no optimising jobs, while on a 1 MB module its hot functions are
 *   optimised during the first parse (later parses up to ~2 times faster).
 */
export type WasmTier = 'baseline' | 'tiered';

const FLAGS: Record<WasmTier, string> = {
  baseline: '--liftoff-only',
  tiered: '--no-liftoff-only --wasm-dynamic-tiering --wasm-tiering-budget=1000000000',
};
// Node's defaults, except eager tier-up: `--liftoff-only` turned it off, and it must stay off, since
// a baseline module keeps compiling functions on their first call, long after it was made.
const BETWEEN = '--no-liftoff-only --wasm-dynamic-tiering --no-wasm-tier-up --wasm-tiering-budget=1800000';

/** Flags by which someone running node chose a wasm tier themselves: then backsmith changes none. */
const USER_TIER_FLAG = /^--(no-)?(liftoff|liftoff-only|wasm-dynamic-tiering|wasm-tier-up|wasm-tiering-budget|wasm-lazy-compilation)(=|$)/;

/** Whether node's own arguments or NODE_OPTIONS already choose how wasm tiers (e.g. `--liftoff-only`). */
export function tieringChosenByUser(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  const flags = [...execArgv, ...nodeOptions.split(/\s+/)];
  return flags.some((flag) => USER_TIER_FLAG.test(flag.replaceAll('_', '-')));
}

/** `Atomics.waitAsync` (Node ≥ 16), which the TypeScript library in use does not declare. */
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number, timeout: number): { async: boolean; value: Promise<unknown> | string };
}).waitAsync;

/** Past this, a compile goes ahead without the lock (a wrong tier is slower, never wrong). */
const LOCK_WAIT_MS = 5_000;
const FREE = 0;
const owner = threadId + 1;
// The lock: which thread (threadId + 1) is compiling under its own flags, or FREE: tree-sitter's
// runtime and grammar compile at once (Ruff compiles in a process of its own: ruff-lint.ts). It
// lives on the global object, since the CLI loads two copies of this module: dist's, and its bundle's.
const LOCK = Symbol.for('backsmith.wasm-tier-lock');
const lockHolder = globalThis as { [LOCK]?: Int32Array };
const lock = (): Int32Array => (lockHolder[LOCK] ??= new Int32Array(new SharedArrayBuffer(4)));
let userChoice: boolean | undefined;

function leaveFlagsAlone(): boolean {
  userChoice ??= tieringChosenByUser();
  return userChoice;
}

/**
 * Takes the lock: true when taken, 'mine' when this thread holds it already (a synchronous compile
 * in the middle of this thread's own asynchronous one: nothing else runs on the thread meanwhile).
 */
function tryTake(): boolean | 'mine' {
  const seen = Atomics.compareExchange(lock(), 0, FREE, owner);
  if (seen === FREE) return true;
  return seen === owner ? 'mine' : false;
}

function release(): void {
  Atomics.store(lock(), 0, FREE);
  Atomics.notify(lock(), 0);
}

/** Takes the lock, blocking this thread while another holds it; false when not taken (see LOCK_WAIT_MS). */
function takeBlocking(): boolean {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const taken = tryTake();
    if (taken !== false) return taken === true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    Atomics.wait(lock(), 0, Atomics.load(lock(), 0), left);
  }
}

/**
 * Takes the lock without blocking the thread; false when not taken (see LOCK_WAIT_MS). Unlike a
 * synchronous compile, an asynchronous one waits for this thread's own: two can be in flight at
 * once (tree-sitter's runtime and grammar), and flags changed under a compile in flight once gave
 * Ruff's module dynamic tiering (TurboFan jobs that held the process at exit for seconds).
 */
async function takeWaiting(): Promise<boolean> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    if (tryTake() === true) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    const waiting = waitAsync(lock(), 0, Atomics.load(lock(), 0), left);
    if (waiting.async) await waiting.value;
  }
}

/** Runs `compile`, which makes a wasm module synchronously (e.g. `new WebAssembly.Module`), under `tier`'s flags. */
export function compileWasmSync<T>(tier: WasmTier, compile: () => T): T {
  if (leaveFlagsAlone()) return compile();
  const taken = takeBlocking();
  try {
    v8.setFlagsFromString(FLAGS[tier]);
    return compile();
  } finally {
    v8.setFlagsFromString(BETWEEN);
    if (taken) release();
  }
}

/**
 * Runs `start`, which makes a wasm module asynchronously (`WebAssembly.instantiate`), under `tier`'s
 * flags. They stay set until the module is instantiated, since V8 reads some of them then.
 */
export async function compileWasm<T>(tier: WasmTier, start: () => Promise<T>): Promise<T> {
  if (leaveFlagsAlone()) return start();
  const taken = await takeWaiting();
  try {
    v8.setFlagsFromString(FLAGS[tier]);
    return await start();
  } finally {
    v8.setFlagsFromString(BETWEEN);
    if (taken) release();
  }
}
