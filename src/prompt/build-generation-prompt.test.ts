import { describe, expect, it } from 'vitest';
import { BacksmithError } from '../errors.js';
import { buildGenerationPrompt } from './build-generation-prompt.js';
import { assertPromptFits, checkPromptFits, replyTokenBudget } from './fit-context.js';
import { formatChecklist, minimalChecklist, type SpecChecklist } from './spec-checklist.js';

const CHECKLIST: SpecChecklist = {
  deliverable: 'seed_swap_registry.py',
  primaryClass: 'SeedSwapRegistry',
  signatures: ['SeedSwapRegistry.offer(self, grower: str, variety: str, packets: int = 1) -> dict[str, Any]'],
  exceptions: [{ name: 'SwapError', base: 'Exception', codes: ['SWAP_ERROR'] }, { name: 'StockError', base: 'SwapError', codes: ['NO_PACKETS', 'TOO_MANY'] }],
  messages: [{ text: 'Offer saved: {packets} packet(s) of "{variety}".', context: 'US-001' }],
  response: { keys: ['success', 'message', 'data'], dataOnSuccess: [], dataOnFailure: ['error_code'], movedIntoData: [] },
  dependencies: [],
  standardLibraryOnly: true,
};

const INPUT = {
  agent: { prompt: 'You write Python modules.' },
  design: { name: 'seed_swap_design.md', text: '# Design\n\nThe registry.\n' },
  stories: { name: 'seed_swap_stories.md', text: '# Stories\n\nUS-001 Offer seeds.\n' },
  checklist: CHECKLIST,
};

describe('buildGenerationPrompt', () => {
  it('puts the agent in the system prompt and design, stories, checklist and contract in one user message', () => {
    const prompt = buildGenerationPrompt(INPUT);
    expect(prompt.system).toBe('You write Python modules.');
    expect(prompt.messages).toHaveLength(1);
    const text = prompt.messages[0]!.content;
    const order = ['Write `seed_swap_registry.py`', '<technical_design file="seed_swap_design.md">', '<user_stories file="seed_swap_stories.md">', '# Checklist', '# Your reply'];
    const positions = order.map((marker) => text.indexOf(marker));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(prompt.sections.map((section) => section.name)).toEqual(['agent', 'task', 'design', 'stories', 'checklist', 'contract']);
    expect(prompt.estimatedTokens).toBeGreaterThan(text.length / 4);
  });

  it('states every checklist item exactly: signatures, exception codes, messages verbatim, the file name', () => {
    const text = formatChecklist(CHECKLIST);
    expect(text).toContain('`seed_swap_registry.py`');
    expect(text).toContain('`SeedSwapRegistry.offer(self, grower: str, variety: str, packets: int = 1) -> dict[str, Any]`');
    expect(text).toContain('`StockError(SwapError)`: NO_PACKETS, TOO_MANY');
    expect(text).toContain('"Offer saved: {packets} packet(s) of \\"{variety}\\"." (US-001)');
    expect(text).toContain('Standard library only');
    expect(text).toContain('exactly the top-level keys `success`, `message`, `data`; no other top-level key');
    expect(text).toContain('On failure, `data` holds `error_code` (inside `data`, never next to `success`)');
    expect(formatChecklist(minimalChecklist('a_b.py'))).toBe('- Deliverable: one module, `a_b.py`.');
  });
});

describe('context window', () => {
  const prompt = buildGenerationPrompt({ ...INPUT, design: { name: 'd.md', text: 'word '.repeat(20_000) } });

  it('keeps room for the reply: requested, else the model maximum, capped at half the window', () => {
    expect(replyTokenBudget({ contextWindow: 128_000 })).toBe(16_384);
    expect(replyTokenBudget({ contextWindow: 128_000, maxOutputTokens: 8_000 })).toBe(8_000);
    expect(replyTokenBudget({ contextWindow: 8_192 })).toBe(4_096);
    expect(replyTokenBudget({ contextWindow: null }, 2_000)).toBe(2_000);
  });

  it('accepts a prompt that fits and any prompt when the window is unknown', () => {
    const model = { provider: 'openai', modelId: 'gpt-4.1', contextWindow: 1_000_000 };
    expect(checkPromptFits(prompt, model, 16_384).ok).toBe(true);
    expect(checkPromptFits(prompt, { ...model, contextWindow: null }, 16_384).ok).toBe(true);
  });

  it('fails clearly, naming the sizes, the window and what to do', () => {
    const model = { provider: 'ollama', modelId: 'qwen2.5-coder:7b', contextWindow: 32_768 };
    expect(() => assertPromptFits(prompt, model, 16_384)).toThrow(BacksmithError);
    expect(() => assertPromptFits(prompt, model, 16_384)).toThrow(
      /about \d+,\d{3} tokens \(design 28,\d{3}, .*\), but ollama:qwen2.5-coder:7b has a 32,768-token context window and 16,384 are kept for the reply\. Use a model with a larger context window/,
    );
  });
});
