import type { PythonClass } from '../../../python/python-model.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { customExceptions } from './support/custom-exceptions.js';

function carries(cls: PythonClass, field: string): boolean {
  if (cls.attributes.some((attribute) => attribute.name === field)) return true;
  if (cls.methods.some((method) => method.name === field && method.decorators.some((decorator) => /property$/.test(decorator)))) return true;
  return cls.methods.some((method) => method.body.attributeMutations.some((mutation) => mutation.target === `self.${field}` && mutation.operation === 'assign'));
}

function callsSuperInit(cls: PythonClass, init: NonNullable<PythonClass['methods'][number]>): boolean {
  const bases = new Set(cls.bases.map((base) => base.split('.').pop() ?? base));
  return init.body.calls.some((call) => {
    if (/^super\(.*\)\.__init__$/.test(call.callee)) return true;
    const [owner, method] = call.callee.split('.');
    return method === '__init__' && owner !== undefined && bases.has(owner);
  });
}

/** `errors/base-exception-fields`: the base exception carries `message` and `code`. */
export const baseExceptionFields = defineCheck({
  id: 'errors/base-exception-fields',
  category: 'errors',
  severity: 'error',
  description: "The module's base exception must carry `message` (for the UI) and `code` (for programs): an `__init__(self, message: str, code: str = ...)` that sets both and calls super().__init__, or class attributes / dataclass fields with those names.",
  fixHint: 'Give the base exception `def __init__(self, message: str, code: str = "ERROR") -> None:` that sets self.message and self.code and calls super().__init__(message).',
  run(context) {
    const { base } = customExceptions(context.module);
    if (!base) return [];
    const reports: CheckReport[] = [];
    const missing = ['message', 'code'].filter((field) => !carries(base, field));
    const init = base.methods.find((method) => method.name === '__init__');
    if (missing.length > 0) {
      reports.push({
        line: init?.line ?? base.line,
        symbol: base.name,
        message: `The base exception ${base.name} does not carry ${missing.map((field) => `\`${field}\``).join(' or ')}: set ${missing.map((field) => `self.${field}`).join(' and ')} in __init__ (or declare ${missing.length > 1 ? 'them as fields' : 'it as a field'})`,
      });
    }
    if (init && !callsSuperInit(base, init)) {
      reports.push({
        line: init.line,
        symbol: `${base.name}.__init__`,
        message: `${base.name}.__init__ does not call super().__init__(message), so str(error) and tracebacks lose the message`,
      });
    }
    return reports;
  },
});
