import type { Workspace as RuffWorkspace } from '@astral-sh/ruff-wasm-nodejs';

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
      const ruff = await import('@astral-sh/ruff-wasm-nodejs');
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

/** Loads Ruff's wasm and builds the workspace for these settings, without linting anything. */
export async function prepareRuff(lineLength: number, targetVersion: string): Promise<void> {
  await workspaceFor(lineLength, targetVersion);
}

/** Lints Python source with Ruff on the current thread (wasm). */
export async function runRuff(source: string, lineLength: number, targetVersion = 'py310'): Promise<LintDiagnostic[]> {
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
