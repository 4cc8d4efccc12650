import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileErrorReason } from '../deliver/file-error-reason.js';
import { writeFileAtomic } from '../deliver/write-atomic.js';
import { BacksmithError } from '../errors.js';
import type { CompletionResult } from '../model/language-model.js';
import { redactSecrets } from '../model/redact-secrets.js';
import type { ModelPrompt } from '../prompt/model-prompt.js';
import type { Draft } from '../repair/draft.js';
import { BACKSMITH_VERSION } from '../version.js';
import { environmentSecrets } from './environment-secrets.js';
import { newRunId, RUNS_DIR } from './run-id.js';
import type { CallRecord, CallRole, RunRecord } from './run-record.js';

/** Name of the best failing draft in a run folder: never the deliverable's name or place. */
export const FAILING_DRAFT_FILE = 'best-draft.FAILING.py';

/** What a model call adds to the record. */
export interface CallInput {
  /** Whose call it is: inside `generate`, the test writer's calls are told apart from the drafts'. */
  role?: CallRole;
  round: number;
  candidate: number;
  kind: 'draft' | 'repair';
  request: number;
  prompt: ModelPrompt;
  result: CompletionResult;
  costUsd: number | null;
}

/** Writes one run's record as it happens; every text is stripped of secrets before it is written. */
export interface RunRecorder {
  readonly id: string;
  readonly dir: string;
  readonly record: RunRecord;
  recordCall(call: CallInput): Promise<void>;
  recordDraft(draft: Draft): Promise<void>;
  saveFailingDraft(code: string): Promise<string>;
  /** Writes a text file into the run folder (`relative` to it), secrets removed; returns its path. */
  saveText(relative: string, text: string): Promise<string>;
  /** Updates fields of the record and saves it. */
  update(fields: Partial<RunRecord>): Promise<void>;
  /** Sets the outcome, totals and timings and saves the final record. */
  finish(fields: Pick<RunRecord, 'outcome' | 'reason'> & Partial<RunRecord>): Promise<RunRecord>;
  /** `finish`, synchronously: for 'exit' handlers, when the process ends before the run could (a forced cancel). */
  finishNow(fields: Pick<RunRecord, 'outcome' | 'reason'> & Partial<RunRecord>): RunRecord;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A prompt as the run folder keeps it: each message under a `=== role ===` line. */
export function promptText(prompt: ModelPrompt): string {
  return [`=== system ===\n${prompt.system}`, ...prompt.messages.map((message) => `=== ${message.role} ===\n${message.content}`)].join('\n\n');
}

function sum(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length > 0 ? known.reduce((total, value) => total + value, 0) : null;
}

/** Starts a run record in `<projectDir>/.backsmith/runs/<id>/`, writing `run.json` at once. */
export async function createRunRecorder(projectDir: string, initial: Pick<RunRecord, 'model' | 'agent' | 'inputs' | 'settings'>, options: { secrets?: string[]; now?: () => Date } = {}): Promise<RunRecorder> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const id = newRunId(started);
  const dir = path.join(projectDir, RUNS_DIR, id);
  // A folder that cannot take the record (read-only, a file named .backsmith, a full disk) is one line, exit 2.
  const unrecordable = (error: unknown): never => {
    if (error instanceof BacksmithError) throw error;
    throw new BacksmithError(`Cannot record the run in ${path.join(projectDir, RUNS_DIR)}: ${fileErrorReason(error)}. Run backsmith where it can write .backsmith/runs/ (its run records).`);
  };
  await mkdir(path.join(dir, 'calls'), { recursive: true }).catch(unrecordable);
  await mkdir(path.join(dir, 'drafts'), { recursive: true }).catch(unrecordable);
  const secrets = options.secrets ?? environmentSecrets();
  const clean = (text: string) => redactSecrets(text, secrets);
  const record: RunRecord = {
    schema: 1, id, backsmithVersion: BACKSMITH_VERSION, startedAt: started.toISOString(), finishedAt: null, outcome: 'running',
    reason: null, stopReason: null, pid: process.pid, ...initial, calls: [], drafts: [], chosen: null, delivered: null, failingDraftFile: null,
    usage: { inputTokens: null, outputTokens: null, costUsd: null, costBasis: null },
    timings: { totalMs: 0, modelMs: 0, verifyMs: 0, backsmithMs: 0 },
  };
  let writes: Promise<void> = Promise.resolve();
  const save = () => (writes = writes.then(() => writeFileAtomic(path.join(dir, 'run.json'), clean(`${JSON.stringify(record, null, 2)}\n`), { durable: false })).catch(unrecordable));
  const write = (relative: string, text: string) => writeFile(path.join(dir, relative), clean(text)).catch(unrecordable);
  await save();
  // Kept current after every call, so a run killed half-way still shows what it spent.
  const countUsage = () => {
    const costs = record.calls.map((call) => call.costUsd);
    record.usage = {
      inputTokens: sum(record.calls.map((call) => call.inputTokens)),
      outputTokens: sum(record.calls.map((call) => call.outputTokens)),
      costUsd: costs.length > 0 && costs.every((cost) => cost !== null) ? Math.round(sum(costs)! * 1_000_000) / 1_000_000 : null,
      costBasis: record.usage.costBasis,
    };
  };
  const conclude = (fields: Pick<RunRecord, 'outcome' | 'reason'> & Partial<RunRecord>) => {
    Object.assign(record, fields);
    const finished = now();
    record.finishedAt = finished.toISOString();
    const totalMs = finished.getTime() - started.getTime();
    const modelMs = record.calls.reduce((total, call) => total + call.durationMs, 0);
    const verifyMs = record.drafts.reduce((total, draft) => total + draft.verifyMs, 0);
    record.timings = { totalMs, modelMs, verifyMs, backsmithMs: Math.max(0, totalMs - modelMs - verifyMs) };
    countUsage();
  };
  return {
    id, dir, record,
    async recordCall(call) {
      const index = record.calls.length + 1;
      const stem = `calls/${String(index).padStart(2, '0')}-round${call.round}-${call.kind}${call.candidate}${call.request > 1 ? `-request${call.request}` : ''}`;
      await write(`${stem}.prompt.md`, promptText(call.prompt));
      await write(`${stem}.reply.txt`, call.result.text);
      const entry: CallRecord = {
        index, ...(call.role ? { role: call.role } : {}), round: call.round, candidate: call.candidate, kind: call.kind, request: call.request,
        promptFile: `${stem}.prompt.md`, replyFile: `${stem}.reply.txt`, finishReason: call.result.finishReason,
        estimatedInputTokens: call.prompt.estimatedTokens, inputTokens: call.result.usage.inputTokens, outputTokens: call.result.usage.outputTokens,
        durationMs: Math.round(call.result.durationMs), attempts: call.result.attempts, continuations: call.result.continuations ?? 0, costUsd: call.costUsd,
      };
      record.calls.push(entry);
      countUsage();
      await save();
    },
    async recordDraft(draft) {
      const file = `drafts/round${draft.round}-candidate${draft.candidate}.py`;
      await write(file, draft.code);
      const { summary } = draft.report;
      record.drafts.push({
        round: draft.round, candidate: draft.candidate, file, sha256: sha256(draft.code), lines: draft.code.split('\n').length - 1,
        origin: draft.extraction.origin, stripped: draft.extraction.summary, passed: draft.report.passed,
        errors: summary.errors, warnings: summary.warnings, infos: summary.infos, findings: draft.report.findings, verifyMs: draft.report.durationMs,
        ...(draft.report.traceability ? { traceability: draft.report.traceability } : {}),
      });
      await save();
    },
    async saveFailingDraft(code) {
      await write(FAILING_DRAFT_FILE, code);
      record.failingDraftFile = FAILING_DRAFT_FILE;
      await save();
      return path.join(dir, FAILING_DRAFT_FILE);
    },
    async saveText(relative, text) {
      await write(relative, text);
      return path.join(dir, relative);
    },
    async update(fields) {
      Object.assign(record, fields);
      await save();
    },
    async finish(fields) {
      conclude(fields);
      await save();
      await writes;
      return record;
    },
    finishNow(fields) {
      conclude(fields);
      // Atomic like `save`, without waiting for its queue: the process is about to end.
      const file = path.join(dir, 'run.json');
      const temporary = `${file}.${process.pid}.exit.tmp`;
      writeFileSync(temporary, clean(`${JSON.stringify(record, null, 2)}\n`));
      renameSync(temporary, file);
      return record;
    },
  };
}
