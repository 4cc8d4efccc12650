import { canonicalName } from '../../../../python/import-bindings.js';
import type { CallArgumentFact, PythonFunction, PythonModule, ValueFact } from '../../../../python/python-model.js';

/**
 * Where a path written to comes from, most reassuring first: a `tempfile` directory, a fixed path
 * inside /tmp, a computed path, a fixed relative path, the home directory, a fixed absolute path.
 */
export type PathOrigin = 'temp' | 'fixed-temp' | 'computed' | 'relative' | 'home' | 'absolute';

const HOME_CALLS = /^(os\.path\.expanduser|pathlib\.Path\.home|Path\.home|os\.getenv|os\.environ\.get)$/;
const MAX_DEPTH = 5;
const PATH_TYPES = new Set(['pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.PurePosixPath', 'pathlib.WindowsPath', 'pathlib.PureWindowsPath']);

function literalOrigin(text: string): PathOrigin {
  if (text.startsWith('~')) return 'home';
  if (/^\/tmp(\/|$)/.test(text)) return 'fixed-temp';
  if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) || text.startsWith('\\\\')) return 'absolute';
  return 'relative';
}

/** Resolves where paths come from, following local variables, `self.` attributes and module constants. */
export class PathOrigins {
  constructor(private readonly module: PythonModule, private readonly imports: ReadonlyMap<string, string>) {}

  /** The origin of a path expression used in `owner` (null at module level). */
  ofExpression(expression: CallArgumentFact, owner: PythonFunction | null, depth = 0): PathOrigin {
    const callees = expression.callees.map((callee) => canonicalName(callee, this.imports));
    if (callees.some((callee) => callee.startsWith('tempfile.'))) return 'temp';
    const named = expression.names.map((name) => this.ofName(name, owner, depth + 1));
    if (named.includes('temp')) return 'temp';
    if (callees.some((callee) => HOME_CALLS.test(callee))) return 'home';
    const literal = expression.stringValue ?? expression.strings[0];
    // `Path("conftest.py")`: a path object of one literal and nothing else is as fixed as the literal.
    const reads = expression.names.filter((name) => !expression.callees.includes(name));
    if (literal !== undefined && expression.strings.length === 1 && reads.length === 0 && callees.length > 0 && callees.every((callee) => PATH_TYPES.has(callee))) return literalOrigin(literal);
    // The leftmost literal decides for joins (`os.path.join("/etc", name)`, `"/var/" + name`).
    if (literal !== undefined && (expression.stringValue !== null || literalOrigin(literal) !== 'relative')) return literalOrigin(literal);
    for (const origin of ['home', 'absolute', 'fixed-temp'] as const) if (named.includes(origin)) return origin;
    return 'computed';
  }

  private ofValue(value: ValueFact, owner: PythonFunction | null, depth: number): PathOrigin {
    if (depth > MAX_DEPTH) return 'computed';
    if (value.stringValue !== null) return literalOrigin(value.stringValue);
    if (value.alternatives.length > 0) return this.ofValue(value.alternatives[0]!, owner, depth + 1);
    if (value.kind === 'name' && value.expression) return this.ofName(value.expression, owner, depth + 1);
    if (value.kind === 'call' && value.callee) {
      const callee = canonicalName(value.callee, this.imports);
      if (callee.startsWith('tempfile.')) return 'temp';
      if (HOME_CALLS.test(callee)) return 'home';
      const first = value.arguments[0];
      return first ? this.ofExpression(first, owner, depth + 1) : 'computed';
    }
    return 'computed';
  }

  private ofName(name: string, owner: PythonFunction | null, depth: number): PathOrigin {
    if (depth > MAX_DEPTH) return 'computed';
    if (name.startsWith('self.')) return this.ofAttribute(name, owner, depth);
    if (name.includes('.')) return 'computed';
    const local = owner?.body.localAssignments.filter((fact) => fact.name === name && fact.key === null) ?? [];
    if (local.length > 0) return this.combine(local.map((fact) => this.ofValue(fact.value, owner, depth + 1)));
    const moduleLevel = this.module.moduleBody.localAssignments.filter((fact) => fact.name === name && fact.key === null);
    if (moduleLevel.length > 0) return this.combine(moduleLevel.map((fact) => this.ofValue(fact.value, null, depth + 1)));
    return 'computed';
  }

  private ofAttribute(name: string, owner: PythonFunction | null, depth: number): PathOrigin {
    const cls = this.module.classes.find((candidate) => candidate.name === owner?.className);
    if (!cls) return 'computed';
    const assigned = cls.methods.flatMap((method) => method.body.attributeMutations
      .filter((mutation) => mutation.target === name && mutation.operation === 'assign' && mutation.value)
      .map((mutation) => this.ofValue(mutation.value!, method, depth + 1)));
    return assigned.length > 0 ? this.combine(assigned) : 'computed';
  }

  /** Several bindings: a temporary origin only when every binding is temporary; otherwise the riskiest. */
  private combine(origins: PathOrigin[]): PathOrigin {
    if (origins.every((origin) => origin === 'temp')) return 'temp';
    const order: PathOrigin[] = ['absolute', 'home', 'relative', 'computed', 'fixed-temp'];
    return order.find((origin) => origins.includes(origin)) ?? 'computed';
  }
}
