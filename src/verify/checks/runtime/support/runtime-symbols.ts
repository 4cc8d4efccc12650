import type { PythonModule } from '../../../../python/python-model.js';

/**
 * The line where a runtime symbol is defined: `Class.method`, `Class`, a function, or 0 for
 * `<import>`, `<module>` and names the parser does not know.
 */
export function symbolLine(module: PythonModule, symbol: string): number {
  const [first, second] = symbol.split('.');
  const cls = module.classes.find((candidate) => candidate.name === first);
  if (cls) {
    if (!second) return cls.line;
    return cls.methods.find((method) => method.name === second)?.line ?? cls.line;
  }
  return module.functions.find((fn) => fn.name === first)?.line ?? 0;
}

/** A line for a finding: the one the runtime reported, else where the symbol is defined. */
export function findingLine(module: PythonModule, line: number, symbol: string): number {
  return line > 0 ? line : symbolLine(module, symbol);
}

/** Shortens text for a finding message. */
export function clip(text: string, length = 200): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > length ? `${single.slice(0, length - 1)}…` : single;
}
