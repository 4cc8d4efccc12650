import type { Workspace as RuffWorkspace } from '@astral-sh/ruff-wasm-nodejs';
import { createRequire } from 'node:module';
import { compileWasmSync } from './wasm-tiers.js';

const require = createRequire(import.meta.url);

/** Ruff's package (its wasm-bindgen glue), as its types describe it. */
type RuffPackage = typeof import('@astral-sh/ruff-wasm-nodejs');

let ruffPackage: RuffPackage | null = null;

/** Ruff's package: its glue reads and compiles its wasm when required, here for the baseline compiler only (see wasm-tiers.ts). */
function loadRuff(): RuffPackage {
  ruffPackage ??= compileWasmSync('baseline', () => require('@astral-sh/ruff-wasm-nodejs') as RuffPackage);
  return ruffPackage;
}

/** One diagnostic from Ruff, with 1-based positions. */
export interface LintDiagnostic {
  /** Ruff rule code, e.g. `E501`, `F401`, `N802`; null for a syntax error Ruff found. */
  code: string | null;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Whether Ruff knows an automatic fix. */
  fixable: boolean;
}

/** Rule families backsmith asks Ruff for: PEP 8, pyflakes, naming, bugbear, pyupgrade, pydocstyle. */
export const RUFF_RULE_FAMILIES = ['E', 'W', 'F', 'N', 'B', 'UP', 'D'];

const workspaces = new Map<string, Promise<RuffWorkspace>>();

async function workspaceFor(lineLength: number, targetVersion: string): Promise<RuffWorkspace> {
  const key = `${lineLength}|${targetVersion}`;
  let workspace = workspaces.get(key);
  if (!workspace) {
    workspace = (async () => {
      const ruff = loadRuff();
      return new ruff.Workspace(
        {
          'line-length': lineLength,
          'target-version': targetVersion,
          lint: {
            select: RUFF_RULE_FAMILIES,
            pydocstyle: { convention: 'google' },
          },
        },
        ruff.PositionEncoding.Utf16,
      );
    })();
    workspaces.set(key, workspace);
  }
  return workspace;
}

interface RuffDiagnostic {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
  end_location: { row: number; column: number };
  fix: unknown;
}

/**
 * A small module touching what backend modules use (imports, a dataclass, an exception, methods
 * with docstrings, f-strings, try/except, a lock). V8 compiles each wasm function on its first
 * call, and that, not the lint, is most of a cold first lint (~0.3 s): linting this while the
 * process is still starting moves the compiling off the real module's path.
 */
const WARM_UP_SOURCE = `"""Warm-up module."""

import threading
from dataclasses import dataclass, field
from typing import Optional


class LedgerError(Exception):
    """Raised when the ledger refuses an entry."""


@dataclass
class Entry:
    """One entry."""

    name: str
    amount: int = 0
    tags: list[str] = field(default_factory=list)


class Ledger:
    """Keeps entries."""

    def __init__(self) -> None:
        """Start empty."""
        self._entries: dict[str, Entry] = {}
        self._lock = threading.Lock()

    def add(self, name: str, amount: int, note: Optional[str] = None) -> dict:
        """Add an entry.

        Args:
            name: Its name.
            amount: Its amount.
            note: A remark.

        Returns:
            dict: The outcome.
        """
        if not name or amount < 0:
            raise LedgerError(f"bad entry {name!r}: {amount}")
        with self._lock:
            try:
                self._entries[name] = Entry(name, amount)
            except (KeyError, ValueError) as error:
                return {"ok": False, "error": str(error)}
        total = sum(entry.amount for entry in self._entries.values())
        return {"ok": True, "total": total, "note": note or ""}
`;

/** How many real lints this thread was asked for: once one is waiting, a warm-up lint only delays it. */
let lintsAsked = 0;

/**
 * Loads Ruff's wasm and builds the workspace for these settings, then lints a small module (see
 * WARM_UP_SOURCE) unless a real source came meanwhile: linting that compiles what it needs itself.
 */
export async function prepareRuff(lineLength: number, targetVersion: string): Promise<void> {
  const workspace = await workspaceFor(lineLength, targetVersion);
  if (lintsAsked === 0) workspace.check(WARM_UP_SOURCE);
}

/** Lints made ahead (see `lintAhead`), by settings and source, until a request takes them. */
const lintedAhead = new Map<string, Promise<LintDiagnostic[]>>();
const aheadKey = (source: string, lineLength: number, targetVersion: string): string => `${lineLength}|${targetVersion}|${source}`;

/**
 * Lints `source` now, in place of the warm-up, and keeps the outcome for the first `runRuff` of the
 * same source and settings: the CLI's guess at the module it will be asked about, read before the
 * rest of the CLI has even loaded. A wrong guess is only a warm-up. A crash rejects, as any lint's
 * does, so that the process (its wasm possibly corrupt) is replaced.
 */
export function lintAhead(source: string, lineLength: number, targetVersion: string): Promise<void> {
  const lint = runRuff(source, lineLength, targetVersion);
  lintedAhead.set(aheadKey(source, lineLength, targetVersion), lint);
  return lint.then(() => undefined);
}

/** Lints Python source with Ruff on the current thread (wasm). */
export async function runRuff(source: string, lineLength: number, targetVersion = 'py310'): Promise<LintDiagnostic[]> {
  lintsAsked++;
  const key = aheadKey(source, lineLength, targetVersion);
  const ahead = lintedAhead.get(key);
  if (ahead) {
    lintedAhead.delete(key);
    return ahead;
  }
  const workspace = await workspaceFor(lineLength, targetVersion);
  const diagnostics = workspace.check(source) as RuffDiagnostic[];
  return diagnostics.map((diagnostic) => ({
    code: diagnostic.code,
    message: diagnostic.message,
    line: diagnostic.start_location.row,
    column: diagnostic.start_location.column,
    endLine: diagnostic.end_location.row,
    endColumn: diagnostic.end_location.column,
    fixable: diagnostic.fix !== null && diagnostic.fix !== undefined,
  }));
}
