import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDesign } from '../../inputs/design/read-design.js';
import type { DesignSpec } from '../../inputs/design/design-types.js';
import { readStories } from '../../inputs/stories/read-stories.js';
import type { StoriesSpec } from '../../inputs/stories/story-types.js';
import type { Finding } from '../finding.js';
import { verifyModule } from '../verify-module.js';

/**
 * The corpus of modules written the way LLMs write them (test-fixtures/llm-modules): good ones in
 * many legitimate styles must get no error or warning from the static and design/story checks;
 * each bad one has exactly the findings it is labelled with (one typical mistake per module).
 */
const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/llm-modules');

interface CorpusEntry {
  file: string;
  feature: string;
  /** The style (good) or the mistake (bad), in words. */
  about: string;
  /** Check ids of the errors and warnings expected; empty for a good module. */
  expect: string[];
  /** Ruff codes accepted as style nudges for this module's legal but older style (`Optional[X]`, `typing.Dict`, `%`). */
  acceptLint?: string[];
  /** False alarms of checks this corpus does not cover (another engineer's), by id, with why they are wrong. */
  elsewhere?: Record<string, string>;
  /** Labelled ids the checks miss today, by id, with why: asserted absent, so a fix shows here. */
  missedToday?: Record<string, string>;
  /** Ids of false alarms the checks raise today, by id, with why they are wrong: asserted present, so a fix shows here. */
  falseAlarmsToday?: Record<string, string>;
}

/** Categories whose checks read the module statically (the sandboxed run, tests and pyright are left out). */
const CONCERNED = new Set(['contract', 'deps', 'design', 'errors', 'format', 'quality', 'safety', 'stories', 'syntax', 'threading', 'verify']);

const corpus = JSON.parse(readFileSync(path.join(CORPUS, 'corpus.json'), 'utf8')) as { modules: CorpusEntry[] };
const inputs = new Map<string, Promise<{ design: DesignSpec; stories: StoriesSpec }>>();

function inputsOf(feature: string): Promise<{ design: DesignSpec; stories: StoriesSpec }> {
  let found = inputs.get(feature);
  if (!found) {
    const read = (suffix: string) => readFileSync(path.join(CORPUS, 'designs', `${feature}_${suffix}.md`), 'utf8');
    found = readDesign(read('technical_design'), { sourceName: `${feature}_technical_design.md` }).then((design) => ({ design, stories: readStories(read('user_stories')) }));
    inputs.set(feature, found);
  }
  return found;
}

async function findingsOf(entry: CorpusEntry): Promise<Finding[]> {
  const { design, stories } = await inputsOf(entry.feature);
  const source = readFileSync(path.join(CORPUS, entry.file), 'utf8');
  // The report names the module by the design's deliverable, as a user saves it.
  const report = await verifyModule({ path: design.deliverable ?? 'module.py', source, noRun: true, design, stories, typesSkipReason: 'not part of this corpus' });
  const accepted = new Set(entry.acceptLint ?? []);
  return report.findings.filter((finding) => CONCERNED.has(finding.category) && finding.severity !== 'info'
    && !(finding.checkId === 'quality/lint' && accepted.has(finding.message.split(' ')[0]!))
    && !(entry.elsewhere && finding.checkId in entry.elsewhere));
}

const observed: Array<{ entry: CorpusEntry; findings: Finding[] }> = [];

describe('checks on modules written as LLMs write them (test-fixtures/llm-modules)', () => {
  it.each(corpus.modules.map((entry) => [entry.file, entry] as const))('%s', async (_file, entry) => {
    const findings = await findingsOf(entry);
    observed.push({ entry, findings });
    const ids = [...new Set(findings.map((finding) => finding.checkId))].sort();
    const shown = findings.map((finding) => `${finding.line} ${finding.checkId} ${finding.severity}: ${finding.message}`);
    // A false alarm already listed is expected until it is fixed, so that the fix shows here.
    const expected = [...new Set([...entry.expect.filter((id) => !(entry.missedToday && id in entry.missedToday)), ...Object.keys(entry.falseAlarmsToday ?? {})])].sort();
    expect({ ids, shown: ids.length === 0 ? [] : shown }).toEqual({ ids: expected, shown: ids.length === 0 ? [] : shown });
  }, 60_000);

  it('holds at least 25 modules, good and bad, each bad one labelled', () => {
    expect(corpus.modules.length).toBeGreaterThanOrEqual(25);
    expect(corpus.modules.filter((entry) => entry.file.startsWith('good/')).every((entry) => entry.expect.length === 0)).toBe(true);
    expect(corpus.modules.filter((entry) => entry.file.startsWith('bad/')).every((entry) => entry.expect.length > 0)).toBe(true);
    // Measuring aid: BACKSMITH_CORPUS_OUT=file.json writes every finding for the per-check figures.
    const out = process.env.BACKSMITH_CORPUS_OUT;
    if (out) writeFileSync(out, JSON.stringify(observed.map(({ entry, findings }) => ({ ...entry, found: findings.map((finding) => ({ id: finding.checkId, severity: finding.severity, line: finding.line, message: finding.message })) })), null, 1));
  });
});
