import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { generateModule } from '../../generate/generate-module.js';
import { flawedDraft, GOOD_MODULE, makeProject } from '../../generate/test-support/plant-swap-fixture.js';
import { createScriptedModel } from '../../model/scripted-model.js';
import { formatGenerateResult } from '../../generate/format-generate-result.js';
import { RUN_REPORT_PAGE, writeHtmlReport } from './write-html-report.js';

let project: Awaited<ReturnType<typeof makeProject>>;
beforeEach(async () => {
  project = await makeProject();
});
afterEach(async () => {
  await rm(project.dir, { recursive: true, force: true });
});

function silentIo() {
  let err = '';
  let code = 0;
  return { io: { stdout: () => undefined, stderr: (text: string) => (err += text), setExitCode: (next: number) => (code = next), exitCode: () => code }, err: () => err };
}

describe('report pages', () => {
  it('generate writes report.html in its run folder: the chosen draft, its checklist, secrets removed', async () => {
    const secret = 'sk-test-0123456789abcdef0123';
    const model = createScriptedModel([flawedDraft().replace('"""', `"""${secret} `), GOOD_MODULE], { whenExhausted: 'repeat-last' });
    const result = await generateModule({ design: project.design, stories: project.stories, tests: [project.tests], projectDir: project.dir, model, secrets: [secret], maxRounds: 0 });
    expect(result.reportPage).toBe(path.join(result.runDir, RUN_REPORT_PAGE));
    expect(formatGenerateResult(result)).toMatch(/\n {2}run record: .*; report page .*report\.html\n$/);
    const page = await readFile(path.join(result.runDir, RUN_REPORT_PAGE), 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('Design checklist (');
    expect(page).toContain('class="finding error');
    expect(page).not.toContain(secret);
  });

  it('verify --html writes the page; a module changed since verification is shown without its text; an unwritable file is exit 2', async () => {
    const module = path.join(project.dir, 'module.py');
    await writeFile(module, GOOD_MODULE);
    const html = path.join(project.dir, 'out.html');
    const first = silentIo();
    const code = await runCli(['verify', module, '--design', path.join(project.dir, project.design), '--no-run', '--html', html], first.io);
    expect(first.err()).toBe('');
    expect(code).toBeLessThan(2);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('<table class="source">');
    expect(page).toContain('Design checklist (');
    // The file changed after verification: its listing would not match the findings, so it is left out.
    const report = { tool: { name: 'backsmith' as const, version: '0' }, passed: true, modules: [{ path: module, sha256: '0'.repeat(64), passed: true, summary: { errors: 0, warnings: 0, infos: 0 }, findings: [], checks: [], syntax: { authority: 'cpython' as const, pythonVersion: null, fallbackReason: null }, durationMs: 1 }] };
    await writeHtmlReport(html, report);
    expect(await readFile(html, 'utf8')).toContain('The module\'s text is not available');
    const second = silentIo();
    expect(await runCli(['verify', module, '--no-run', '--html', path.join(module, 'out.html')], second.io)).toBe(2);
    expect(second.err()).toMatch(/^backsmith: --html .*module\.py\/out\.html cannot be written: .*module\.py is a file, not a folder\.\n$/);
    // Past the checks (the library call), a write that fails says why in words, never the temporary file's name.
    await expect(writeHtmlReport(path.join(module, 'out.html'), report)).rejects.toThrow(/^Cannot write the HTML report to .*out\.html: [^.]*\((ENOTDIR|EEXIST)\)\.$/);
  });
});
