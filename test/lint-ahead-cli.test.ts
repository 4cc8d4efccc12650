import { describe, expect, it } from 'vitest';
import { runBacksmith, type CliRun } from './run-cli.js';
import { useScratchFolder } from './scratch-folder.js';

// `verify m.py ...` lints m.py in Ruff's process while the CLI is still loading (bin/backsmith.js,
// src/cli/early-lint-source.ts); `verify --json m.py` does not guess. Both must report alike.
const scratch = useScratchFolder('backsmith-lint-ahead-');

const LINTED = `"""Module."""
import os
import sys


def f(value):
    return value == None  # ${'x'.repeat(110)}
`;
const DEEP = `x = ${'('.repeat(3000)}1${')'.repeat(3000)}\n`;

function findings(run: CliRun): string[] {
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { modules: Array<{ findings: Array<{ checkId: string; line: number; message: string }> }> };
  return report.modules.flatMap((module) => module.findings.map((finding) => `${finding.checkId}:${finding.line}:${finding.message}`)).sort();
}

function bothWays(file: string, extra: string[] = []): { ahead: string[]; plain: string[] } {
  const options = ['--no-run', '--no-types', '--json', ...extra];
  return { ahead: findings(runBacksmith(['verify', file, ...options])), plain: findings(runBacksmith(['verify', ...options, file])) };
}

describe('linting the module ahead (built CLI)', () => {
  it('reports what a run that lints it in turn reports', () => {
    const { ahead, plain } = bothWays(scratch.file('linted.py', LINTED));
    expect(ahead).toEqual(plain);
    expect(ahead.some((finding) => finding.includes('F401'))).toBe(true);
    expect(ahead.some((finding) => finding.includes('E501'))).toBe(true);
  });

  it('lints again under a configured line length instead of keeping the guess', () => {
    const config = scratch.file('backsmith.config.json', JSON.stringify({ lineLength: 200 }));
    const { ahead, plain } = bothWays(scratch.file('long-lines.py', LINTED), ['--config', config]);
    expect(ahead).toEqual(plain);
    expect(ahead.some((finding) => finding.includes('E501'))).toBe(false);
  });

  it('reports a module Ruff must not lint (nested too deeply) the same way', () => {
    const { ahead, plain } = bothWays(scratch.file('deep.py', DEEP));
    expect(ahead).toEqual(plain);
    expect(ahead.some((finding) => finding.startsWith('internal'))).toBe(false);
  });
}, 120_000);
