import { MAX_SYNTAX_DEPTH } from '../../../python/syntax-node.js';
import { defineCheck, type CheckReport } from '../../check.js';

const DESCRIBED = 3;

/** `quality/too-complex`: code nested beyond what the verifier reads is an error, not a silent gap. */
export const tooComplex = defineCheck({
  id: 'quality/too-complex',
  category: 'quality',
  severity: 'error',
  description: `Expressions or blocks nested more than ${MAX_SYNTAX_DEPTH} levels deep (a chain of thousands of \`+\`, deeply nested brackets, calls or blocks) are beyond what a reviewer, and backsmith's checks, can read: what lies below that depth is not analysed, so it cannot pass.`,
  fixHint: 'Split the expression or block: build long values from a list (`sum(parts)`, `"".join(parts)`), move nested logic into small helper functions, and flatten nested literals.',
  run(context) {
    const deep = context.module.tooDeep;
    if (!deep || deep.count === 0) {
      // On a module nested too deeply Ruff is not run (or fails): the depth finding says why.
      if (context.lintFailure === undefined) return [];
      return [{ line: 0, message: `Ruff could not lint the module (${context.lintFailure.slice(0, 120)}), so lint findings are missing; it fails this way on very large or deeply nested code` }];
    }
    const places: CheckReport[] = deep.places.slice(0, DESCRIBED).map((place) => ({
      line: place.line,
      column: place.column,
      message: `Code nests more than ${MAX_SYNTAX_DEPTH} levels deep here (in a \`${place.nodeType}\`); what lies deeper was not analysed by the other checks`,
    }));
    const rest = deep.count - places.length;
    if (rest > 0 && places[0]) places[0].message += ` (and ${rest} more place${rest === 1 ? '' : 's'} like it)`;
    return places;
  },
});
