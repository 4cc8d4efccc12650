import { z } from 'zod';
import { DEFAULT_LINE_LENGTH } from '../python/ruff-lint.js';
import { DEFAULT_TYPES_MAX_FILES, DEFAULT_TYPES_MAX_KB } from './default-config.js';

export { DEFAULT_TYPES_MAX_FILES, DEFAULT_TYPES_MAX_KB, defaultConfig } from './default-config.js';

const severitySetting = z.enum(['error', 'warning', 'info', 'off']);

/** Schema of `backsmith.config.json` and `package.json#backsmith`. */
export const configSchema = z
  .object({
    /** Severity per check id (or `off` to disable it). */
    severity: z.record(z.string(), severitySetting).default({}),
    /** Third-party top-level modules the module may import (e.g. `pandas`, `pydantic`). */
    allowedImports: z.array(z.string().min(1)).default([]),
    /** Maximum line length for the PEP 8 line-length check. */
    lineLength: z.number().int().min(40).max(400).default(DEFAULT_LINE_LENGTH),
    /** Which checks run: ids or category prefixes (`quality/`); empty `include` means all. */
    checks: z
      .object({
        include: z.array(z.string()).default([]),
        exclude: z.array(z.string()).default([]),
      })
      .strict()
      .default({ include: [], exclude: [] }),
    /** Only findings of these checks are reported (ids or categories, `safety/`); the others are counted as suppressed. Empty means all. */
    select: z.array(z.string().min(1)).default([]),
    /** Findings of these checks (ids or categories) are counted as suppressed instead of reported. */
    ignore: z.array(z.string().min(1)).default([]),
    /** `verify` type-checks with pyright by default when given at most this many modules (`--types` / `--no-types` decide otherwise). */
    typesMaxFiles: z.number().int().min(0).max(100_000).default(DEFAULT_TYPES_MAX_FILES),
    /** ... and type-checks by default only modules of at most this many KB (`--types` checks any size). */
    typesMaxKb: z.number().int().min(0).max(1024).default(DEFAULT_TYPES_MAX_KB),
    /** Python interpreter used for syntax checks and the sandbox. */
    python: z.string().min(1).optional(),
    /** Where `generate` delivers modules, relative to the project. */
    outDir: z.string().min(1).optional(),
    /** Default model id for `generate`, e.g. `openai:gpt-4.1`. */
    model: z.string().min(1).optional(),
    /** Base URL for an OpenAI-compatible server. */
    baseUrl: z.string().url().optional(),
    /** Spend limits of one `generate` run (the flags --max-requests, --max-tokens, --max-cost override them). */
    budget: z
      .object({
        maxRequests: z.number().int().min(1).max(1000).optional(),
        maxTokens: z.number().int().min(1).optional(),
        maxCost: z.number().positive().optional(),
        maxRequestsPerDraft: z.number().int().min(1).max(50).optional(),
      })
      .strict()
      .optional(),
    /** The model retry policy: attempts per request (the first included), backoff and timeouts in ms. */
    retry: z
      .object({
        maxAttempts: z.number().int().min(1).max(10).optional(),
        initialDelayMs: z.number().int().min(0).optional(),
        maxDelayMs: z.number().int().min(0).optional(),
        requestTimeoutMs: z.number().int().min(0).optional(),
        idleTimeoutMs: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
    /** Sampling temperature for `generate` (0 to 2), for providers that accept it. */
    temperature: z.number().min(0).max(2).optional(),
  })
  .strict();

/** Configuration after defaults are applied. */
export type BacksmithConfig = z.infer<typeof configSchema>;

/** Configuration as a user writes it (every field optional). */
export type BacksmithConfigInput = z.input<typeof configSchema>;
