import type { PythonModule } from '../../../../python/python-model.js';
import type { CheckReport } from '../../../check.js';
import { symbolAt } from './call-sites.js';

/** Findings of a module reaching for something it must not, one per line and thing reached for. */
export class ReachReports {
  private readonly reports: CheckReport[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly module: PythonModule) {}

  /** Records that the code at `line` reaches for `what` (a repeat of the same pair is dropped). */
  add(line: number, what: string): void {
    const key = `${line}\u0000${what}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.reports.push({ line, symbol: symbolAt(this.module, line), message: `The module reaches for ${what}; a backend module must not, since such code can forge or hide test results` });
  }

  /** The findings in line order. */
  sorted(): CheckReport[] {
    return this.reports.sort((a, b) => a.line - b.line);
  }
}
