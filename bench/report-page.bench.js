// Report page cost: formatHtmlReport on the clinic example (922 lines, its design checklist) and on
// synthetic modules of 10k and 40k lines with one finding per line plus 1,000 on one line, to show
// the cost grows linearly with the input. In-process, warm; medians of wall time and CPU time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDesignFile } from '../dist/inputs/design/index.js';
import { readStoriesFile } from '../dist/inputs/stories/index.js';
import { checklistFromSpec } from '../dist/prompt/checklist-from-spec.js';
import { formatHtmlReport } from '../dist/report/html/format-html.js';
import { verifyModule } from '../dist/verify/verify-module.js';
import { buildVerifyReport } from '../dist/verify/verify-report.js';
import { median, report, timeRuns } from './measure.js';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'clinic_booking');
const RUNS = 15;

function synthetic(lines) {
  const source = Array.from({ length: lines }, (_, index) => `value_${index} = "<b>${index}</b>"  # line ${index + 1}`).join('\n');
  const finding = (line) => ({ checkId: 'quality/magic-number', category: 'quality', severity: 'warning', message: `literal <${line}> & more`, line, hint: 'Name it.' });
  const findings = [...Array.from({ length: lines }, (_, index) => finding(index + 1)), ...Array.from({ length: 1000 }, () => finding(1))];
  const module = {
    path: 'big.py', sha256: '0'.repeat(64), passed: true, summary: { errors: 0, warnings: findings.length, infos: 0 }, findings,
    checks: [], syntax: { authority: 'cpython', pythonVersion: '3.12', fallbackReason: null }, durationMs: 0,
  };
  return { report: buildVerifyReport([module]), extras: { sources: new Map([['big.py', source]]) } };
}

function cpuMs(task) {
  const before = process.cpuUsage();
  task();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export default async function run() {
  const modulePath = path.join(EXAMPLE, 'clinic_booking_scheduler.py');
  const design = await readDesignFile(path.join(EXAMPLE, 'clinic_booking_technical_design.md'));
  const stories = await readStoriesFile(path.join(EXAMPLE, 'clinic_booking_user_stories.md'));
  const module = await verifyModule({ path: modulePath, design, stories, noRun: true });
  const example = { report: buildVerifyReport([module]), extras: { sources: new Map([[modulePath, readFileSync(modulePath, 'utf8')]]), checklist: checklistFromSpec('clinic_booking_scheduler.py', design, stories) } };
  const cases = [['clinic example (922 lines, checklist)', example], ['synthetic 10k lines, 11k findings', synthetic(10_000)], ['synthetic 40k lines, 41k findings', synthetic(40_000)]];
  const cpu = {};
  for (const [label, { report: verifyReport, extras }] of cases) {
    report(`formatHtmlReport ${label}`, await timeRuns(() => formatHtmlReport(verifyReport, extras), RUNS, 2));
    cpu[label] = median(Array.from({ length: RUNS }, () => cpuMs(() => formatHtmlReport(verifyReport, extras))));
    console.log(`${'  CPU time'.padEnd(58)} median ${cpu[label].toFixed(1)} ms  (page ${(formatHtmlReport(verifyReport, extras).length / 1024).toFixed(0)} KB)`);
  }
  const ratio = cpu['synthetic 40k lines, 41k findings'] / cpu['synthetic 10k lines, 11k findings'];
  console.log(`CPU time 40k / 10k lines: ${ratio.toFixed(2)} (4 means linear)`);
}
