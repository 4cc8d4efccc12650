import { defineCheck, type CheckReport } from '../../check.js';
import { everyFunction, explicitParameters, listNames, parameterLabel } from './support/functions.js';

/**
 * `quality/missing-type-hints`: every parameter but the implicit `self`/`cls` (the first parameter
 * of a method that is not a `@staticmethod`, `*args` and `**kwargs` included), every return, and
 * `__init__` annotated `-> None`. Nested functions and lambdas are not checked.
 */
export const missingTypeHints = defineCheck({
  id: 'quality/missing-type-hints',
  category: 'quality',
  severity: 'error',
  description: 'The brief requires type hints for all parameters and return values: every parameter except self/cls, every return annotation, and `__init__` annotated `-> None`.',
  fixHint: 'Annotate every parameter and the return type (`-> None` for `__init__` and procedures); use `*args: Any` / `**kwargs: Any` when the type is open.',
  run({ module }) {
    const reports: CheckReport[] = [];
    for (const entry of everyFunction(module)) {
      const { fn, symbol } = entry;
      const missing: string[] = [];
      const parameters = explicitParameters(entry).filter((parameter) => parameter.annotation === null).map(parameterLabel);
      if (parameters.length > 0) missing.push(`${parameters.length === 1 ? 'parameter' : 'parameters'} ${listNames(parameters)}`);
      const isInit = fn.name === '__init__' && entry.cls !== null;
      if (fn.returnAnnotation === null) missing.push(isInit ? 'the return annotation `-> None`' : 'the return annotation');
      else if (isInit && fn.returnAnnotation.trim() !== 'None') missing.push(`\`-> None\` as the return annotation (found \`-> ${fn.returnAnnotation}\`)`);
      if (missing.length === 0) continue;
      reports.push({
        message: `\`${symbol}\` is missing type hints: ${missing.join('; ')}`,
        line: fn.line,
        symbol,
      });
    }
    return reports;
  },
});
