import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../verify/registry.js';
import { verifyModule } from '../verify/verify-module.js';
import { CHECK_EXAMPLES } from './check-examples.js';
import { runCli } from './main.js';

async function checks(args: string[]) {
  let out = '';
  let err = '';
  let code = 0;
  const io = { stdout: (text: string) => (out += text), stderr: (text: string) => (err += text), setExitCode: (next: number) => (code = next), exitCode: () => code };
  const exit = await runCli(['checks', ...args], io);
  return { exit, out, err };
}

// Whole modules (not fragments) can be verified as they are; the runtime ones need the sandbox.
const WHOLE = Object.entries(CHECK_EXAMPLES).filter(([, example]) => !example.given && /^("""|```|Here)/.test(example.flagged));

describe('backsmith checks <id>', () => {
  it('shows one check: severity, description, fix hint and a flagged / fixed example', async () => {
    const run = await checks(['quality/placeholder']);
    expect(run.exit).toBe(0);
    expect(run.out).toMatch(/^quality\/placeholder {2}\(error, quality\)\n\n.+\n\nFix: .+\n\nFlagged:\n {4}"""Lending desk\."""/);
    expect(run.out).toContain('\nFixed:\n');
  });

  it('falls back to description and hint for a check without an example, and says what it needs', async () => {
    const bare = ALL_CHECKS.find((check) => !CHECK_EXAMPLES[check.id] && (check.requires ?? []).length > 0)!;
    const run = await checks([bare.id]);
    expect(run.out).toContain(bare.description);
    expect(run.out).toContain(`Fix: ${bare.fixHint}`);
    expect(run.out).toContain(`Runs only with: ${bare.requires!.join(', ')}`);
    expect(run.out).not.toContain('Flagged:');
  });

  it('shows a whole category, prints JSON, and rejects an unknown id with exit 2 and a suggestion', async () => {
    const category = await checks(['safety/']);
    expect(category.out.match(/^safety\/\S+ {2}\(/gm)?.length).toBe(ALL_CHECKS.filter((check) => check.category === 'safety').length);
    const json = JSON.parse((await checks(['deps/relative-import', '--json'])).out) as { id: string; example: { flagged: string } };
    expect(json.id).toBe('deps/relative-import');
    expect(json.example.flagged).toContain('from .models import Book');
    const unknown = await checks(['placeholder-typo']);
    expect(unknown.exit).toBe(2);
    // No id ends that way: the closest one by spelling, and a sentence that ends.
    const nosuch = await checks(['safety/netwrk']);
    expect(nosuch.err).toBe("backsmith: Unknown check 'safety/netwrk'; did you mean safety/network? Run 'backsmith checks' for the list.\n");
    const near = await checks(['placeholder']);
    expect(near.err).toBe("backsmith: Unknown check 'placeholder'; did you mean quality/placeholder? Run 'backsmith checks' for the list.\n");
  });

  it('has examples only for registered checks, for the common ones at least', () => {
    const ids = new Set(ALL_CHECKS.map((check) => check.id));
    expect(Object.keys(CHECK_EXAMPLES).filter((id) => !ids.has(id))).toEqual([]);
    for (const id of ['quality/placeholder', 'quality/missing-type-hints', 'quality/missing-docstring', 'contract/response-format', 'contract/uncaught-raise', 'deps/third-party-import', 'design/missing-method', 'stories/message-mismatch']) {
      expect(CHECK_EXAMPLES[id], id).toBeDefined();
    }
  });

  it.each(WHOLE)('the %s example is flagged by its check, and its fix is not', async (id, example) => {
    const needsRun = id.startsWith('runtime/');
    const flagged = await verifyModule({ path: 'lending_desk.py', source: `${example.flagged}\n`, noRun: !needsRun });
    expect(flagged.findings.map((finding) => finding.checkId)).toContain(id);
    const fixed = await verifyModule({ path: 'lending_desk.py', source: `${example.fixed}\n`, noRun: !needsRun });
    expect(fixed.findings.map((finding) => finding.checkId)).not.toContain(id);
  }, 60_000);
});
