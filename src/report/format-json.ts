import type { VerifyReport } from '../verify/verify-report.js';

/** The verify report as one stable, pretty-printed JSON document. */
export function formatJsonReport(report: VerifyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
