import type { GenerateStage, ProgressEvent } from './progress-events.js';

/** Where progress goes: usually stderr, so stdout keeps only the result. */
export interface ProgressOutput {
  write(text: string): void;
  /** A terminal gets one live line; anything else gets plain lines. */
  isTTY: boolean;
}

/** Receives progress events and shows them; `stop` clears the live line and its timer. */
export interface ProgressReporter {
  onEvent(event: ProgressEvent): void;
  stop(): void;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const REFRESH_MS = 120;
/** Characters per token for the live estimate while the provider has not reported its count. */
const CHARACTERS_PER_TOKEN = 4;

interface State {
  stage: GenerateStage;
  round: number;
  candidate: number;
  candidates: number;
  maxRounds: number;
  characters: number;
}

function where(state: State): string {
  if (state.stage === 'preparing') return 'reading the design and stories';
  if (state.stage === 'delivering') return 'saving the module';
  const position = state.round === 0 ? `first draft ${state.candidate}/${state.candidates}` : `repair round ${state.round}/${state.maxRounds}`;
  return `${state.stage} · ${position}`;
}

function draftLine(event: Extract<ProgressEvent, { type: 'draft' }>): string {
  const name = event.round === 0 ? `first draft ${event.candidate}` : `repair round ${event.round}`;
  const verdict = event.passed ? `passed (${event.warnings} warning(s))` : `${event.errors} error(s), ${event.warnings} warning(s)`;
  return `${event.passed ? '✔' : '✘'} ${name}: ${verdict}${event.stripped ? `; ${event.stripped}` : ''}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A progress display: on a terminal one live line (stage, round, tokens received, elapsed) redrawn
 * in place, with a permanent line per verified draft; elsewhere plain timestamped lines.
 */
export function createProgressReporter(output: ProgressOutput, now: () => number = () => performance.now()): ProgressReporter {
  const started = now();
  const state: State = { stage: 'preparing', round: 0, candidate: 0, candidates: 1, maxRounds: 0, characters: 0 };
  let frame = 0;
  let timer: NodeJS.Timeout | null = null;
  let live = false;
  const elapsed = () => seconds(now() - started);
  const tokens = () => (state.characters > 0 ? ` · ~${Math.round(state.characters / CHARACTERS_PER_TOKEN).toLocaleString('en-US')} tokens received` : '');
  const render = () => {
    if (!output.isTTY) return;
    frame = (frame + 1) % SPINNER.length;
    output.write(`\r\x1b[2K${SPINNER[frame]} ${where(state)}${tokens()} · ${elapsed()}`);
    live = true;
  };
  const permanent = (line: string) => {
    if (output.isTTY) {
      output.write(`\r\x1b[2K${line}\n`);
      render();
    } else output.write(`[${elapsed()}] ${line}\n`);
  };
  if (output.isTTY) {
    timer = setInterval(render, REFRESH_MS);
    timer.unref();
  }
  return {
    onEvent(event) {
      switch (event.type) {
        case 'stage':
          Object.assign(state, { stage: event.stage, round: event.round, candidate: event.candidate });
          if (event.candidates > 0) Object.assign(state, { candidates: event.candidates, maxRounds: event.maxRounds });
          if (event.stage === 'drafting' || event.stage === 'repairing') state.characters = 0;
          if (output.isTTY) render();
          else output.write(`[${elapsed()}] ${where(state)}\n`);
          break;
        case 'text':
          state.characters += event.characters;
          break;
        case 'retry':
          if (event.discarded) state.characters = 0;
          permanent(event.retry !== undefined && event.maxRetries !== undefined
            ? `… retrying (${event.retry} of ${event.maxRetries}) in ${seconds(event.delayMs)}: ${event.reason}`
            : `… provider retry in ${seconds(event.delayMs)}: ${event.reason}`);
          break;
        case 'reply':
          if (!output.isTTY) output.write(`[${elapsed()}] reply: ${event.outputTokens?.toLocaleString('en-US') ?? '?'} tokens (${event.finishReason})${event.continuations ? `, ${event.continuations} continuation(s)` : ''}\n`);
          break;
        case 'draft':
          permanent(draftLine(event));
          break;
        case 'note':
          permanent(event.message);
          break;
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (live) output.write('\r\x1b[2K');
      live = false;
    },
  };
}
