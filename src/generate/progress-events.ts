/** What the pipeline is doing, for a progress display. */
export type GenerateStage = 'preparing' | 'drafting' | 'repairing' | 'verifying' | 'delivering';

/** A progress event; displays must tolerate events they do not know. */
export type ProgressEvent =
  | { type: 'stage'; stage: GenerateStage; round: number; candidate: number; candidates: number; maxRounds: number }
  /** Streamed reply text arrived (characters, not tokens: providers report tokens only at the end). */
  | { type: 'text'; characters: number }
  /** A provider retry is about to happen; when `discarded`, streamed text so far no longer counts. */
  | { type: 'retry'; reason: string; delayMs: number; discarded: boolean; retry?: number; maxRetries?: number }
  | { type: 'reply'; outputTokens: number | null; finishReason: string; continuations: number }
  | { type: 'draft'; round: number; candidate: number; passed: boolean; errors: number; warnings: number; stripped: string }
  | { type: 'note'; message: string };
