import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Ruff's wasm otherwise goes through V8's optimising tier in every worker (seconds each).
    execArgv: ['--liftoff-only'],
  },
});
