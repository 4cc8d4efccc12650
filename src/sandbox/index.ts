/** The sandboxed runtime stage: running untrusted Python safely and turning what happens into facts. */
export { runSandboxed, SANDBOX_HELPERS } from './run-sandboxed.js';
export { runRuntimeStage } from './runtime-stage.js';
export type { RuntimeStageOptions } from './runtime-stage.js';
export { runProbe, DEFAULT_PROBE_TIME_LIMITS } from './run-probe.js';
export type { ProbeRequest, ProbeTimeLimits } from './run-probe.js';
export { runAcceptanceTests, storyIdsOf } from './run-tests.js';
export type { TestsRequest } from './run-tests.js';
export { hostCapabilities, protectionsFor, missingProtections } from './host-capabilities.js';
export { resolveSandboxInterpreter, SYSTEM_PYTHON } from './resolve-interpreter.js';
export { SandboxRefusedError } from './sandbox-errors.js';
export { formatSandboxLines } from './format-sandbox.js';
export { DEFAULT_SANDBOX_LIMITS, REQUIRED_PROTECTIONS } from './sandbox-types.js';
export type * from './sandbox-types.js';
export type * from './runtime-types.js';
