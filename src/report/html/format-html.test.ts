import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDesignFile } from '../../inputs/design/read-design-file.js';
import { readStoriesFile } from '../../inputs/stories/read-stories-file.js';
import { checklistFromSpec } from '../../prompt/checklist-from-spec.js';
import type { Finding } from '../../verify/finding.js';
import { verifyModule, type ModuleReport } from '../../verify/verify-module.js';
import { buildVerifyReport } from '../../verify/verify-report.js';
import { formatHtmlReport } from './format-html.js';
import { readPng } from './test-support/read-png.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const EXAMPLE = path.join(ROOT, 'examples/clinic_booking');
const CHROMIUM = '/usr/bin/chromium';

const HOSTILE = '</td></tr></table><script>alert(1)</script><img src="http://example.com/x.png"> \u001b[2K\u202e';

function finding(fields: Partial<Finding>): Finding {
  return { checkId: 'quality/placeholder', category: 'quality', severity: 'error', message: 'm', line: 1, hint: 'h', ...fields };
}

function moduleReport(findings: Finding[]): ModuleReport {
  return {
    path: 'svc.py', sha256: 'ab'.repeat(32), passed: !findings.some((entry) => entry.severity === 'error'), findings, durationMs: 5,
    summary: { errors: findings.filter((entry) => entry.severity === 'error').length, warnings: findings.filter((entry) => entry.severity === 'warning').length, infos: 0 },
    checks: [{ id: 'quality/placeholder', status: 'failed', durationMs: 1 }, { id: 'design/missing-method', status: 'skipped', reason: 'no --design given', durationMs: 0 }],
    syntax: { authority: 'cpython', pythonVersion: '3.12', fallbackReason: null },
  };
}

/** The dumped DOM's text with the entities Chromium writes decoded. */
function decode(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
}

function chromium(args: string[], userDataDir: string): { stdout: string; status: number | null } {
  const result = spawnSync(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${userDataDir}`, ...args,
  ], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { stdout: result.stdout, status: result.status };
}

describe('formatHtmlReport', () => {
  it('escapes everything from the module and loads nothing: no script, no URL, a policy forbidding fetches', () => {
    const report = buildVerifyReport([moduleReport([finding({ message: HOSTILE, symbol: HOSTILE, hint: HOSTILE, line: 2 }), finding({ severity: 'warning', category: 'safety', checkId: 'safety/network', line: 0 })])]);
    const page = formatHtmlReport(report, { sources: new Map([['svc.py', `x = 1\ny = "${HOSTILE}"\n`]]) });
    // Text never holds a raw '<', so these are the page's own tags: none loads anything.
    const tags = page.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((tag) => /^<(script|img|link|iframe|object|embed)|\s(src|srcset)=/i.test(tag))).toEqual([]);
    expect(tags.filter((tag) => /\shref=/.test(tag))).toEqual(['<a href="#m0-L2">']);
    expect(page).not.toMatch(/url\(|@import|\u001b|\u202e/i);
    expect(page).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;');
    expect(page).toContain("default-src 'none'");
    // Each line finding is shown twice (list and source), filterable by severity and category.
    expect(page.match(/class="finding error cat-quality"/g)).toHaveLength(2);
    expect(page.match(/class="finding warning cat-safety"/g)).toHaveLength(1);
    expect(page).toContain('#show-warning:not(:checked) ~ main .finding.warning { display: none; }');
    expect(page).toContain('#show-cat-safety:not(:checked) ~ main .finding.cat-safety { display: none; }');
    expect(page).toContain('<tr id="m0-L2" class="has-finding">');
  });

  it('judges the checklist: ✘ with the finding, ✔ when its checks ran clean, – when they did not run', () => {
    const module = moduleReport([finding({ checkId: 'design/missing-method', category: 'design', symbol: 'Shop.buy', line: 0 })]);
    module.checks = [{ id: 'design/missing-method', status: 'failed', durationMs: 1 }, { id: 'stories/message-missing', status: 'skipped', reason: 'no --stories given', durationMs: 0 }];
    const checklist = { ...checklistFromSpec('svc.py', null, null), signatures: ['Shop.buy(self, item: str) -> dict', 'Shop.sell(self) -> dict'], messages: [{ text: 'Sold {item}.', context: null }] };
    const page = formatHtmlReport(buildVerifyReport([module]), { sources: new Map(), checklist });
    expect(page).toMatch(/<td class="unmet"[^>]*>✘<\/td><td>Signatures<\/td><td><code>Shop\.buy\(self, item: str\) -&gt; dict<\/code> <span class="check-id">design\/missing-method/);
    expect(page).toMatch(/<td class="met"[^>]*>✔<\/td><td>Signatures<\/td><td><code>Shop\.sell/);
    expect(page).toMatch(/<td class="unchecked"[^>]*>–<\/td><td>Messages<\/td>/);
    expect(page).toContain('Design checklist (1 of 3 met)');
    expect(page.indexOf('<td class="unmet"')).toBeLessThan(page.indexOf('<td class="unchecked"'));
    expect(page.indexOf('<td class="unchecked"')).toBeLessThan(page.indexOf('<td class="met"'));
    expect(page).toContain('The module\'s text is not available');
  });

  it('lists a finding in a test file with its file and line, never at that line of the module', () => {
    const report = buildVerifyReport([moduleReport([finding({ checkId: 'tests/unknown-api', category: 'tests', file: 'test_svc.py', line: 2, message: 'calls svc.nope' })])]);
    const page = formatHtmlReport(report, { sources: new Map([['svc.py', 'x = 1\ny = 2\n']]) });
    expect(page).toContain('<td>test_svc.py:line 2</td>');
    expect(page).not.toContain('class="has-finding"');
    expect(page.match(/class="finding error cat-tests"/g)).toHaveLength(1);
  });

  it('renders the story → criterion → test → outcome table when the report has one', () => {
    const module = { ...moduleReport([]), traceability: [{ storyId: 'US-001', criterionId: 'AC1', criterionText: 'Books <a> slot', tests: ['test_us001_ac1'], outcome: 'passed' as const }] };
    const page = formatHtmlReport(buildVerifyReport([module]), { sources: new Map() });
    expect(page).toContain('<td>US-001</td><td>AC1</td><td>Books &lt;a&gt; slot</td><td><code>test_us001_ac1</code></td><td class="passed">passed</td>');
  });

  it('counts findings outside a selection in one line apart from the waived ones, which it lists', () => {
    const outside = (checkId: string) => ({ ...finding({ checkId, category: 'quality' }), suppressedBy: { kind: 'select' as const, text: 'not in select [design/]' } });
    const module = { ...moduleReport([]), suppressed: [outside('quality/placeholder'), outside('quality/magic-number'), { ...finding({ checkId: 'safety/eval', category: 'safety' }), suppressedBy: { kind: 'line' as const, text: '# backsmith: ignore[safety/eval]', line: 1 } }] };
    const page = formatHtmlReport(buildVerifyReport([module]), { sources: new Map() });
    expect(page).toContain('<li>1 finding waived: safety/eval by # backsmith: ignore[safety/eval]</li>');
    expect(page).toContain('<li>2 findings outside the selection (not in select [design/]) not shown (the JSON report lists them)</li>');
    expect(page).not.toMatch(/waived:[^<]*quality\/placeholder/);
    const selectedOnly = formatHtmlReport(buildVerifyReport([{ ...moduleReport([]), suppressed: [outside('quality/placeholder')] }]), { sources: new Map() });
    expect(selectedOnly).not.toContain('waived');
  });

  it.skipIf(!existsSync(CHROMIUM))('renders in headless Chromium: the screenshot is not blank and the DOM holds every finding', async () => {
    const design = await readDesignFile(path.join(EXAMPLE, 'clinic_booking_technical_design.md'));
    const stories = await readStoriesFile(path.join(EXAMPLE, 'clinic_booking_user_stories.md'));
    // The example with defects: a story message changed, a third-party import, a hostile string.
    const source = (await readFile(path.join(EXAMPLE, 'clinic_booking_scheduler.py'), 'utf8'))
      .replace('"Patient name is required."', '"A patient name is needed."')
      .replace('\nimport ', `\nimport requests  # ${'</pre><b>'}\nimport `);
    const modulePath = 'clinic_booking_scheduler.py';
    const module = await verifyModule({ path: modulePath, source, design, stories, noRun: true });
    expect(module.findings.length).toBeGreaterThanOrEqual(2);
    const page = formatHtmlReport(buildVerifyReport([module]), { sources: new Map([[modulePath, source]]), checklist: checklistFromSpec(modulePath, design, stories) });
    const dir = await mkdtemp(path.join(tmpdir(), 'backsmith-html-'));
    try {
      const file = path.join(dir, 'report.html');
      await writeFile(file, page);
      const dom = chromium(['--dump-dom', `file://${file}`], path.join(dir, 'profile'));
      expect(dom.status).toBe(0);
      const text = decode(dom.stdout);
      for (const entry of module.findings) expect(text).toContain(entry.message);
      expect(text.match(/<tr class="finding /g)?.length).toBe(module.findings.length + module.findings.filter((entry) => entry.line > 0).length);
      expect(text).toContain('Design checklist');
      expect(page).not.toMatch(/https?:|<script|\ssrc=/);
      expect(text).toMatch(/✘<\/td><td>Messages<\/td><td><code>"Patient name is required\."/);
      const shot = path.join(dir, 'shot.png');
      expect(chromium(['--window-size=1100,900', '--hide-scrollbars', `--screenshot=${shot}`, `file://${file}`], path.join(dir, 'profile')).status).toBe(0);
      const image = readPng(await readFile(shot));
      expect([image.width, image.height]).toEqual([1100, 900]);
      const colours = new Set<number>();
      let inked = 0;
      for (let offset = 0; offset < image.pixels.length; offset += image.channels) {
        const [red, green, blue] = [image.pixels[offset]!, image.pixels[offset + 1]!, image.pixels[offset + 2]!];
        colours.add((red << 16) | (green << 8) | blue);
        if (red + green + blue < 600) inked++;
      }
      expect(colours.size).toBeGreaterThan(50);
      expect(inked / (image.width * image.height)).toBeGreaterThan(0.02);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
