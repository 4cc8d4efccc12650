/** Types of the sandbox that runs untrusted Python: limits, protections and run results. */

/** Resource limits of one sandboxed run. */
export interface SandboxLimits {
  /** Wall-clock time for the whole run; every process is killed when it runs out. */
  wallMs: number;
  /** CPU seconds (RLIMIT_CPU). */
  cpuSeconds: number;
  /** Address space in bytes (RLIMIT_AS); stops runaway allocations. */
  addressSpaceBytes: number;
  /** Largest file the run may write, in bytes (RLIMIT_FSIZE). */
  fileSizeBytes: number;
  /** Processes and threads of the sandbox user (RLIMIT_NPROC). */
  processes: number;
  /** Open file descriptors (RLIMIT_NOFILE). */
  openFiles: number;
  /** Bytes of stdout and of stderr kept; the rest is read and dropped. */
  outputBytes: number;
  /** Bytes of results (fd 3) kept. */
  resultBytes: number;
  /** Size of the sandbox's own tmpfs (work folder, /tmp, /dev/shm together). */
  diskBytes: number;
}

/** The defaults: generous for a backend module and its tests, tight for anything hostile. */
export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  wallMs: 30_000,
  cpuSeconds: 20,
  addressSpaceBytes: 1024 * 1024 * 1024,
  fileSizeBytes: 16 * 1024 * 1024,
  processes: 128,
  openFiles: 256,
  outputBytes: 64 * 1024,
  resultBytes: 8 * 1024 * 1024,
  diskBytes: 64 * 1024 * 1024,
};

/** Each protection and whether it is active for runs on this host. */
export interface SandboxProtections {
  /** A fresh temporary folder holding only the module, the tests and backsmith's helpers. */
  privateWorkingDirectory: boolean;
  /** `python -I -B`: no user site, no PYTHON* variables, no bytecode written. */
  isolatedInterpreter: boolean;
  /** HOME, TMPDIR in the sandbox; no credentials, tokens or proxy variables. */
  minimalEnvironment: boolean;
  /** A new network namespace: no interface but an unconfigured loopback. */
  networkNamespace: boolean;
  /** A new pid namespace: when the run ends, the kernel kills every process in it. */
  pidNamespace: boolean;
  /** Private /tmp and /dev/shm (in the filesystem view's tmpfs). */
  privateTmp: boolean;
  /**
   * A minimal filesystem view (mount namespace + pivot_root): read-only system folders and
   * interpreter, a synthetic /etc, the work folder; no home folders, project, /run, sockets.
   */
  filesystemView: boolean;
  /** A new IPC namespace: SysV shared memory, semaphores and queues die with the run. */
  ipcNamespace: boolean;
  /** The work folder, /tmp and /dev/shm share one size-limited tmpfs (`diskBytes`). */
  diskQuota: boolean;
  /** The code runs as a dedicated unprivileged uid, so RLIMIT_NPROC binds and files are safe. */
  unprivilegedUser: boolean;
  /** CPU, address-space, file-size, process and open-file limits. */
  resourceLimits: boolean;
  /** Python audit hooks block and report sockets, processes and writes outside the folder. */
  auditHooks: boolean;
  /** Every process of the run is killed at the end (pid namespace or dedicated uid sweep). */
  killAll: boolean;
}

/** Protections without which runtime checks refuse to run (unless `--allow-unsandboxed`). */
export const REQUIRED_PROTECTIONS: ReadonlyArray<keyof SandboxProtections> = [
  'networkNamespace',
  'filesystemView',
  'ipcNamespace',
  'unprivilegedUser',
  'killAll',
  'resourceLimits',
];

/** What the host offers, found once per process. */
export interface HostCapabilities {
  isRoot: boolean;
  unshare: string | null;
  setpriv: string | null;
  mount: string | null;
  /** Whether `unshare --net --pid --mount-proc` works here (as root, or in a user namespace). */
  namespaces: boolean;
  /** Whether the minimal filesystem view (tmpfs root, read-only binds, pivot_root) can be built. */
  privateTmp: boolean;
  /** Why a capability is missing, for the report. */
  notes: string[];
}

/** The Python interpreter used in the sandbox. */
export interface SandboxInterpreter {
  /** What was asked for (`python3`, a path). */
  requested: string;
  /** The real executable, as `sys.executable` reports it. */
  executable: string;
  version: string;
  /** Whether pytest can be imported by it. */
  hasPytest: boolean;
  /** Why another interpreter than the requested one is used, when that happened. */
  note?: string;
}

/** One file to place in the sandbox's working folder. */
export interface SandboxFile {
  name: string;
  content: string;
}

/** What to run in the sandbox. */
export interface SandboxRunRequest {
  interpreter: string;
  /** Files placed in the working folder (the module under its real name, test files). */
  files: SandboxFile[];
  /**
   * Files placed in the trusted runner's own folder (`tests/`, its path is `testsdir` in the
   * configuration): readable by the code under test, never writable (a read-only mount, and
   * owned by root when the code runs as a dedicated uid), so the module cannot rewrite them.
   */
  trustedFiles?: SandboxFile[];
  /** Helper script from backsmith's `python/` folder to run, e.g. `probe_harness.py`. */
  script: string;
  /** JSON configuration written next to the helpers; its path is the script's argument. */
  config: Record<string, unknown>;
  limits: SandboxLimits;
  /** Run even when required protections are missing (the report says so). */
  allowUnsandboxed: boolean;
  /**
   * Kill the run when no record arrives on fd 3 for this long (a hang no alarm can stop);
   * a function gets the last record, so the allowance can follow what is running.
   */
  stallMs?: number | ((lastRecord: Record<string, unknown> | null) => number);
  /** Cancels the run (Ctrl-C): every process of the run is killed at once; the result says `cancelled`. */
  signal?: AbortSignal;
}

/** One captured output stream. */
export interface CapturedOutput {
  /** The first `outputBytes` bytes, as text. */
  text: string;
  /** Bytes the process wrote in total. */
  totalBytes: number;
  truncated: boolean;
}

/** The outcome of one sandboxed run. */
export interface SandboxRunResult {
  exitCode: number | null;
  signal: string | null;
  /** True when the wall-clock limit (or the stall limit) ended the run. */
  timedOut: boolean;
  /** True when it was the stall limit: nothing reported for too long. */
  stalled: boolean;
  /** True when the caller's signal ended the run. */
  cancelled?: boolean;
  durationMs: number;
  stdout: CapturedOutput;
  stderr: CapturedOutput;
  /** Records sent on fd 3 (JSON lines) that carry the run's secret and are within bounds. */
  records: Array<Record<string, unknown>>;
  /** Why lines on fd 3 were rejected (malformed, too big or deep, without the secret): never silently dropped. */
  recordProblems: string[];
  /** Processes of the sandbox user still alive after the run and its cleanup (should be 0). */
  leftoverProcesses: number;
  /** Processes killed by the end-of-run sweep. */
  sweptProcesses: number;
  /** The dedicated uid the code ran as (null when backsmith is not root). */
  uid: number | null;
  protections: SandboxProtections;
}
