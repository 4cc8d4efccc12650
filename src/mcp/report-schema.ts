import { z } from 'zod';
import { CHECK_CATEGORIES } from '../verify/finding.js';

const finding = z.looseObject({
  checkId: z.string(),
  category: z.enum(CHECK_CATEGORIES),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  line: z.number().int().min(0),
  column: z.number().int().optional(),
  symbol: z.string().optional(),
  hint: z.string(),
});

const moduleReport = z.looseObject({
  path: z.string(),
  sha256: z.string(),
  passed: z.boolean(),
  summary: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  findings: z.array(finding),
  suppressed: z.array(finding.extend({ suppressedBy: z.looseObject({ kind: z.string() }) })).optional(),
  checks: z.array(z.looseObject({ id: z.string(), status: z.enum(['passed', 'failed', 'skipped']), reason: z.string().optional(), durationMs: z.number() })),
  syntax: z.looseObject({ authority: z.string(), pythonVersion: z.string().nullable(), fallbackReason: z.string().nullable() }),
  sandbox: z.looseObject({ status: z.enum(['ran', 'refused', 'failed']), reason: z.string().nullable() }).optional(),
  durationMs: z.number(),
});

/** The output schema of `verify_module`: the `backsmith verify --json` document (extra fields allowed, as later versions add them). */
export const verifyReportSchema = z.looseObject({
  tool: z.object({ name: z.literal('backsmith'), version: z.string() }),
  modules: z.array(moduleReport),
  passed: z.boolean(),
  skipped: z.array(z.object({ path: z.string(), reason: z.string() })).optional(),
});

/** The output schema of `implement_module`: what `backsmith generate --json` prints. */
export const generateResultSchema = z.looseObject({
  outcome: z.enum(['delivered', 'failed', 'cancelled']),
  reason: z.string(),
  deliverable: z.object({ fileName: z.string(), path: z.string(), nameSource: z.string() }),
  failingDraftPath: z.string().nullable(),
  drafts: z.array(z.looseObject({ round: z.number(), candidate: z.number(), passed: z.boolean(), errors: z.number(), warnings: z.number() })),
  remainingErrors: z.array(finding),
  model: z.object({ provider: z.string(), modelId: z.string() }),
  runId: z.string(),
  runDir: z.string(),
});

/** The output schema of `generate_tests`: what `generateAcceptanceTests` returns. */
export const acceptanceTestsResultSchema = z.looseObject({
  outcome: z.enum(['delivered', 'failed', 'cancelled']),
  reason: z.string(),
  path: z.string(),
  moduleName: z.string(),
  findings: z.array(finding),
  uncovered: z.array(z.string()),
  attempts: z.array(z.looseObject({ round: z.number(), usable: z.boolean(), errors: z.number() })),
  model: z.object({ provider: z.string(), modelId: z.string() }),
  runId: z.string(),
  runDir: z.string(),
});
