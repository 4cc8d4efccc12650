/** The generate pipeline's public API: design + stories → one verified module, and each stage on its own. */
export { generateModule } from './generate-module.js';
export type { GenerateModuleOptions, GenerateResult, GenerateOutcome, DraftSummary } from './generate-types.js';
export type { ProgressEvent, GenerateStage } from './progress-events.js';
export { createProgressReporter } from './progress-reporter.js';
export type { ProgressOutput, ProgressReporter } from './progress-reporter.js';
export { formatGenerateResult } from './format-generate-result.js';

export { loadAgent, loadAgentFile, loadBuiltInAgent, BUILT_IN_AGENT_NAME, BUILT_IN_AGENT_PATH } from '../inputs/agents/load-agent.js';
export { parseAgentFile, KNOWN_AGENT_KEYS } from '../inputs/agents/parse-agent-file.js';
export { listAgents } from '../inputs/agents/list-agents.js';
export type { AgentListing } from '../inputs/agents/list-agents.js';
export { AGENT_PROMPT_WARN_CHARS } from '../inputs/agents/agent-definition.js';
export type { AgentDefinition } from '../inputs/agents/agent-definition.js';

export { buildGenerationPrompt, assemblePrompt, taskSections } from '../prompt/build-generation-prompt.js';
export type { GenerationPromptInput } from '../prompt/build-generation-prompt.js';
export type { ModelPrompt, PromptDocument, PromptSection } from '../prompt/model-prompt.js';
export { formatChecklist, minimalChecklist } from '../prompt/spec-checklist.js';
export type { SpecChecklist, ChecklistException, ChecklistMessage } from '../prompt/spec-checklist.js';
export { checklistFromSpec, expectationFromDesign, designSignature } from '../prompt/checklist-from-spec.js';
export { estimateTokens } from '../prompt/estimate-tokens.js';
export { replyTokenBudget, checkPromptFits, assertPromptFits, DEFAULT_REPLY_TOKENS } from '../prompt/fit-context.js';
export { outputContract, repairContract } from '../prompt/output-contract.js';

export { extractModule } from '../sanitize/extract-module.js';
export type { ExtractedModule, ExtractionFailure, ModuleExpectation, StrippedPart } from '../sanitize/module-expectation.js';

export { runRepairLoop } from '../repair/repair-loop.js';
export { requestReply } from '../repair/request-reply.js';
export type { ReplyOptions } from '../repair/request-reply.js';
export { buildRepairPrompt, formatRepairFindings, DEFAULT_REPAIR_LIMITS } from '../repair/build-repair-prompt.js';
export type { RepairPromptLimits } from '../repair/build-repair-prompt.js';
export { scoreOf, compareScores, betterDraft, fixedNothing } from '../repair/draft.js';
export type { Draft, DraftScore } from '../repair/draft.js';
export type { LoopSteps, LoopLimits, LoopEvent, LoopOutcome, StopReason, DraftPosition, ReplyFailure } from '../repair/loop-types.js';

export { deliverModule } from '../deliver/deliver-module.js';
export type { Delivery } from '../deliver/deliver-module.js';
export { deliverableName, DEFAULT_OUT_DIR } from '../deliver/deliverable-name.js';
export type { DeliverableName, DeliverableNameSources } from '../deliver/deliverable-name.js';
export { writeFileAtomic } from '../deliver/write-atomic.js';

export { createRunRecorder, FAILING_DRAFT_FILE } from '../runs/run-recorder.js';
export type { RunRecorder } from '../runs/run-recorder.js';
export { listRuns, findRun, readRunsFolder } from '../runs/list-runs.js';
export { formatRun, formatRunList } from '../runs/format-run.js';
export { RUNS_DIR } from '../runs/run-id.js';
export type { RunRecord, RunOutcome, CallRecord, CallRole, DraftRecord, DryRunRecord, InputFingerprint } from '../runs/run-record.js';
export { environmentSecrets } from '../runs/environment-secrets.js';

export { success, failure } from '../result.js';
export type { Result } from '../result.js';
