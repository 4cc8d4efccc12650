import { createHash } from 'node:crypto';
import type { ModuleReport } from '../verify/verify-module.js';

/** Reports kept: a few directories' worth of modules, each report a few kilobytes. */
const DEFAULT_ENTRIES = 256;

/** Everything a static verification depends on; equal inputs give an equal report. */
export interface StaticVerifyInputs {
  path: string;
  source: string;
  /** The configuration in effect for the call (the workspace's file with the call's select/ignore). */
  config: unknown;
  /** The texts of the design and stories documents, or null when not given. */
  design: string | null;
  stories: string | null;
  /** The Python interpreter setting of the server (the syntax authority). */
  python: string | null;
}

function keyOf(inputs: StaticVerifyInputs): string {
  const hash = createHash('sha256');
  for (const part of [inputs.path, inputs.source, JSON.stringify(inputs.config), inputs.design ?? '\u0000none', inputs.stories ?? '\u0000none', inputs.python ?? '\u0000none']) {
    hash.update(`${Buffer.byteLength(part)}:`).update(part);
  }
  return hash.digest('hex');
}

/** A report worth keeping: one that did its whole work (no internal error, the syntax authority answered). */
function settled(report: ModuleReport): boolean {
  return report.syntax.fallbackReason === null && !report.findings.some((finding) => finding.checkId.startsWith('verify/'));
}

/**
 * The MCP server's reports of static verifications (`run: false`), by the hash of everything they
 * depend on: an agent that verifies again, or verifies a folder where it changed one file, gets the
 * unchanged modules' reports at once instead of parsing and checking them again. Runs in the
 * sandbox are never kept. Least recently used entries go first.
 */
export class ReportCache {
  private readonly entries = new Map<string, ModuleReport>();

  constructor(private readonly limit = DEFAULT_ENTRIES) {}

  /** The report for `inputs`: a copy of the kept one, or `verify`'s (kept when settled). */
  async report(inputs: StaticVerifyInputs, verify: () => Promise<ModuleReport>): Promise<ModuleReport> {
    const key = keyOf(inputs);
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return structuredClone(kept);
    }
    const report = await verify();
    if (settled(report)) {
      this.entries.set(key, structuredClone(report));
      if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    }
    return report;
  }

  /** Reports kept. */
  get size(): number {
    return this.entries.size;
  }
}
