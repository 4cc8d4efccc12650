/**
 * glibc's allocator settings for backsmith's helper processes (Ruff's, the interpreter's). V8
 * compiles each wasm function Ruff calls in scratch memory it allocates and frees again, and
 * CPython's compiler does the same for each block of a module; glibc hands freed memory back to
 * the system at once, so the next one faults the same pages in again. Ruff's first lint of the
 * 923-line example took ~26,000 page faults (each ~10 µs on a virtual machine); with the memory
 * kept, and on transparent huge pages, ~5,000, and its process ~30% less CPU (CPython's compile of
 * a 1 MB module: ~10% less).
 */
const GLIBC_TUNABLES = 'glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=33554432';

/**
 * The environment for a helper process: `base` with backsmith's allocator settings before the
 * user's own (later settings win, so theirs do). C libraries other than glibc ignore the variable.
 */
export function helperEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const tunables = [GLIBC_TUNABLES, base.GLIBC_TUNABLES].filter(Boolean).join(':');
  return { ...base, GLIBC_TUNABLES: tunables };
}
