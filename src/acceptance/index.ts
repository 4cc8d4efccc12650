/** Acceptance tests written from the stories: the test writer, its prompt, and how drafts are ranked by them. */
export { generateAcceptanceTests } from './generate-tests.js';
export type { GenerateAcceptanceTestsOptions, AcceptanceTestsResult } from './generate-tests.js';
export { loadQaAgent, QA_AGENT_NAME, QA_AGENT_PATH } from './load-qa-agent.js';
export { buildTestsPrompt, buildTestsRepairPrompt, formatCriteria, testNamePrefix } from './build-tests-prompt.js';
export type { TestsPromptInput } from './build-tests-prompt.js';
export { runTestsLoop } from './write-tests-loop.js';
export type { TestsLoopInput, TestsLoopOutcome, TestsAttempt, TestsCall } from './write-tests-loop.js';
export { rankDrafts } from './rank-drafts.js';
export type { DraftEvidence, DraftRanking, RankedDraft } from './rank-drafts.js';
export { withTestAgreement, evidenceOf, regrade } from './agreement-steps.js';
export type { AgreementSteps } from './agreement-steps.js';
export { writeTestsForGeneration } from './tests-for-generate.js';
export type { GeneratedTestsSummary, GeneratedTests } from './tests-for-generate.js';
