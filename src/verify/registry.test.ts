import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECK_CATEGORIES } from './finding.js';
import { ALL_CHECKS } from './registry.js';

const CHECKS_DIRECTORY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'checks');
const CHECK_ID = /^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/;

function checkSourceFiles(): string[] {
  return readdirSync(CHECKS_DIRECTORY, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && path.basename(file) !== 'index.ts' && !file.includes('support'))
    .map((file) => file.split(path.sep).join('/'));
}

describe('check registry', () => {
  it('has unique ids', () => {
    const ids = ALL_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const check of ALL_CHECKS) {
    describe(check.id, () => {
      it('has a well-formed id that starts with its category', () => {
        expect(check.id).toMatch(CHECK_ID);
        expect(CHECK_CATEGORIES).toContain(check.category);
        expect(check.id.startsWith(`${check.category}/`)).toBe(true);
      });

      it('is documented with a description and a fix hint', () => {
        expect(check.description.length).toBeGreaterThan(20);
        expect(check.fixHint.length).toBeGreaterThan(10);
        expect(['error', 'warning', 'info']).toContain(check.severity);
      });

      it('lives in a file named after its id', () => {
        expect(checkSourceFiles()).toContain(`${check.id}.ts`);
      });
    });
  }

  it('registers every check file', () => {
    const registered = new Set(ALL_CHECKS.map((check) => `${check.id}.ts`));
    const unregistered = checkSourceFiles().filter((file) => !registered.has(file) && /^[a-z]+\/[a-z0-9-]+\.ts$/.test(file));
    expect(unregistered).toEqual([]);
  });
});
