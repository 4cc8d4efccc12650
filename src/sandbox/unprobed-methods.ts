import type { PythonFunction } from '../python/python-model.js';

/** Parameters that take an argument in a call by keyword, have no default, and are not the method's self or cls. */
export function requiredParameters(method: PythonFunction): Array<{ name: string; annotation: string | null }> {
  const bound = !method.decorators.some((decorator) => /(^|\.)staticmethod$/.test(decorator));
  return method.parameters
    .filter((parameter, index) => !(bound && index === 0) && parameter.defaultValue === null && (parameter.kind === 'positional-or-keyword' || parameter.kind === 'keyword-only'))
    .slice(0, 32)
    .map((parameter) => ({ name: parameter.name, annotation: parameter.annotation }));
}
import type { ProbeResult } from './runtime-types.js';

/** Whether the probe can call a public method: generators and properties are not called. */
export function isProbeable(method: PythonFunction): boolean {
  return !method.body.yields && !method.decorators.some((decorator) => /(^|\.)(cached_)?property$|\.(setter|getter|deleter)$/.test(decorator));
}

/**
 * The requested `Class.method`s the probe never accounted for: neither probed to the end nor
 * reported as hung, crashed or raising. Argument plans come from the module's process, so a
 * module could answer "skip" for its own methods; the host notices here. Services that are
 * missing or could not be constructed are reported by their own (warning) findings.
 */
export function unprobedMethods(services: Array<{ name: string; methods: string[] }>, probe: ProbeResult): string[] {
  const seen = new Set<string>([
    ...probe.probed, ...probe.hangs.map((hang) => hang.symbol), ...probe.crashes.map((crash) => crash.symbol),
    ...probe.escapes.map((escape) => escape.symbol),
  ]);
  const missing = new Set(probe.missingServices);
  return services
    .filter((service) => !missing.has(service.name) && !seen.has(`${service.name}.__init__`))
    .flatMap((service) => service.methods.map((method) => `${service.name}.${method}`))
    .filter((symbol) => !seen.has(symbol));
}
