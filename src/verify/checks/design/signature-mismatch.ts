import { compareParameters } from '../../../conformance/compare-signature.js';
import { findClass, findFunction, findMethod, sameValueResolver, signatureOf } from '../../../conformance/module-lookup.js';
import type { DesignFunction } from '../../../inputs/design/design-types.js';
import { loadPythonNormalizer } from '../../../python/normalize-annotation.js';
import type { PythonFunction } from '../../../python/python-model.js';
import { defineCheck, type CheckReport } from '../../check.js';

/** TypedDict qualifiers: they say whether a key must be present or may change, not what type its value has. */
const KEY_QUALIFIERS = ['NotRequired[', 'Required[', 'ReadOnly['];

/** A field's value type in the normalizer's canonical text: `NotRequired[bool]` → `bool`. */
function valueType(canonical: string | null): string | null {
  let text = canonical;
  for (let peeled = true; peeled && text !== null;) {
    const qualifier = KEY_QUALIFIERS.find((prefix) => text!.startsWith(prefix) && text!.endsWith(']'));
    peeled = qualifier !== undefined;
    if (qualifier) text = text.slice(qualifier.length, -1);
  }
  return text;
}

/** `design/signature-mismatch`: parameters (names, order, kinds, defaults, annotations) and model fields match the design. */
export const signatureMismatch = defineCheck({
  id: 'design/signature-mismatch',
  category: 'design',
  severity: 'error',
  description: 'Methods and functions must take exactly the parameters the design gives (names, order, kinds, defaults; annotations compared by meaning, so `Optional[int]` equals `int | None`), and model fields must have the design\'s types.',
  fixHint: 'Copy the signature from the design: same parameter names in the same order, same defaults and type hints.',
  requires: ['design'],
  async run(context) {
    const design = context.design!;
    const normalizer = await loadPythonNormalizer();
    const sameValue = sameValueResolver(context.module, design.constants, normalizer);
    const reports: CheckReport[] = [];
    const compare = (designed: DesignFunction, actual: PythonFunction, label: string) => {
      const differences = compareParameters(designed, signatureOf(actual), normalizer, { sameValue });
      for (const difference of differences) {
        reports.push({ message: `\`${label}\`: ${difference.message} (design line ${designed.line})`, line: actual.line, symbol: label, ...(difference.severity === 'warning' ? { severity: 'warning' as const } : {}) });
      }
    };
    for (const designed of design.classes) {
      const cls = findClass(context.module, designed.name);
      if (!cls) continue;
      for (const method of designed.methods) {
        const actual = findMethod(context.module, cls, method.name);
        if (actual) compare(method, actual, `${designed.name}.${method.name}`);
      }
    }
    for (const fn of design.functions) {
      const actual = findFunction(context.module, fn.name);
      if (actual) compare(fn, actual, fn.name);
    }
    for (const model of design.models) {
      const cls = findClass(context.module, model.name);
      for (const field of model.fields) {
        const attribute = cls?.attributes.find((candidate) => candidate.name === field.name);
        if (!attribute || field.annotation === null || attribute.annotation === null) continue;
        if (valueType(normalizer.annotation(field.annotation)) === valueType(normalizer.annotation(attribute.annotation))) continue;
        reports.push({
          message: `field \`${model.name}.${field.name}\` is annotated \`${attribute.annotation}\`; the design says \`${field.annotation}\` (design line ${field.line})`,
          line: attribute.line,
          symbol: `${model.name}.${field.name}`,
        });
      }
    }
    return reports;
  },
});
