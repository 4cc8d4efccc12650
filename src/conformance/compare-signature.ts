import type { ParameterKind } from '../python/python-model.js';
import type { PythonNormalizer } from '../python/normalize-annotation.js';

/** The parts of a signature that are compared: parameters (without `self`) and the return annotation. */
export interface SignatureShape {
  parameters: Array<{ name: string; kind: ParameterKind; annotation: string | null; defaultValue: string | null }>;
  returnAnnotation: string | null;
}

/** One way in which an actual signature departs from the expected one. */
export interface SignatureDifference {
  aspect: 'missing-parameter' | 'extra-parameter' | 'name' | 'order' | 'kind' | 'default' | 'annotation';
  parameter: string;
  /** An extra parameter with a default, or a default the design did not ask for, still accepts every designed call. */
  severity: 'error' | 'warning';
  message: string;
}

const POSITIONAL: ReadonlySet<ParameterKind> = new Set(['positional-only', 'positional-or-keyword']);

function code(text: string | null): string {
  return text === null ? 'nothing' : `\`${text}\``;
}

/** Matches `*args`/`**kwargs` by kind, so their names need not agree. */
function alignVariadicNames(expected: SignatureShape['parameters'], actual: SignatureShape['parameters']): Map<string, string> {
  const names = new Map<string, string>();
  for (const kind of ['var-positional', 'var-keyword'] as const) {
    const wanted = expected.find((parameter) => parameter.kind === kind);
    const found = actual.find((parameter) => parameter.kind === kind);
    if (wanted && found) names.set(found.name, wanted.name);
  }
  return names;
}

/** Extra knowledge for comparing signatures. */
export interface CompareOptions {
  /** Whether two default values mean the same (e.g. a constant and its value); text equality otherwise. */
  sameValue?: (expected: string, actual: string) => boolean;
}

/** Compares parameter names, order, kinds, defaults and annotations (annotations by meaning). */
export function compareParameters(expected: SignatureShape, actual: SignatureShape, normalizer: PythonNormalizer, options: CompareOptions = {}): SignatureDifference[] {
  const differences: SignatureDifference[] = [];
  const variadic = alignVariadicNames(expected.parameters, actual.parameters);
  const actualParameters = actual.parameters.map((parameter) => ({ ...parameter, name: variadic.get(parameter.name) ?? parameter.name }));
  const expectedNames = new Set(expected.parameters.map((parameter) => parameter.name));
  const actualByName = new Map(actualParameters.map((parameter) => [parameter.name, parameter]));
  const renamed = new Set<string>();
  expected.parameters.forEach((parameter, index) => {
    if (actualByName.has(parameter.name)) return;
    const atPosition = actualParameters[index];
    if (atPosition && !expectedNames.has(atPosition.name) && atPosition.kind === parameter.kind) {
      renamed.add(atPosition.name);
      differences.push({ aspect: 'name', parameter: parameter.name, severity: 'error', message: `parameter ${index + 1} is \`${atPosition.name}\`; the design calls it \`${parameter.name}\`` });
    } else {
      differences.push({ aspect: 'missing-parameter', parameter: parameter.name, severity: 'error', message: `parameter \`${parameter.name}\` is missing` });
    }
  });
  for (const parameter of actualParameters) {
    if (expectedNames.has(parameter.name) || renamed.has(parameter.name)) continue;
    const optional = parameter.defaultValue !== null || parameter.kind === 'var-positional' || parameter.kind === 'var-keyword';
    differences.push({
      aspect: 'extra-parameter', parameter: parameter.name, severity: optional ? 'warning' : 'error',
      message: `parameter \`${parameter.name}\` is not in the design${optional ? ' (it is optional, so designed calls still work)' : ''}`,
    });
  }
  const expectedOrder = expected.parameters.filter((parameter) => POSITIONAL.has(parameter.kind) && actualByName.has(parameter.name)).map((parameter) => parameter.name);
  const actualOrder = actualParameters.filter((parameter) => POSITIONAL.has(parameter.kind) && expectedOrder.includes(parameter.name)).map((parameter) => parameter.name);
  if (expectedOrder.join(',') !== actualOrder.join(',')) {
    differences.push({ aspect: 'order', parameter: actualOrder.join(', '), severity: 'error', message: `parameters are in the order (${actualOrder.join(', ')}); the design has (${expectedOrder.join(', ')})` });
  }
  for (const wanted of expected.parameters) {
    const found = actualByName.get(wanted.name);
    if (!found) continue;
    if (found.kind !== wanted.kind) {
      differences.push({ aspect: 'kind', parameter: wanted.name, severity: 'error', message: `\`${wanted.name}\` is ${found.kind}; the design makes it ${wanted.kind}` });
    }
    if (wanted.defaultValue !== null && found.defaultValue === null) {
      differences.push({ aspect: 'default', parameter: wanted.name, severity: 'error', message: `\`${wanted.name}\` has no default; the design gives \`${wanted.defaultValue}\`` });
    } else if (wanted.defaultValue === null && found.defaultValue !== null) {
      differences.push({ aspect: 'default', parameter: wanted.name, severity: 'warning', message: `\`${wanted.name}\` defaults to \`${found.defaultValue}\`; the design gives no default` });
    } else if (wanted.defaultValue !== null && found.defaultValue !== null
      && normalizer.expression(wanted.defaultValue) !== normalizer.expression(found.defaultValue)
      && !options.sameValue?.(wanted.defaultValue, found.defaultValue)) {
      differences.push({ aspect: 'default', parameter: wanted.name, severity: 'error', message: `\`${wanted.name}\` defaults to \`${found.defaultValue}\`; the design gives \`${wanted.defaultValue}\`` });
    }
    if (wanted.annotation !== null && normalizer.annotation(wanted.annotation) !== normalizer.annotation(found.annotation)) {
      differences.push({ aspect: 'annotation', parameter: wanted.name, severity: 'error', message: `\`${wanted.name}\` is annotated ${code(found.annotation)}; the design says \`${wanted.annotation}\`` });
    }
  }
  return differences;
}

/** A return-annotation difference, or null when the annotations mean the same (or the design gives none). */
export function compareReturn(expected: SignatureShape, actual: SignatureShape, normalizer: PythonNormalizer, functionName: string): { severity: 'error' | 'warning'; message: string } | null {
  if (expected.returnAnnotation === null) return null;
  const wanted = normalizer.annotation(expected.returnAnnotation)!;
  if (actual.returnAnnotation === null) {
    if (functionName === '__init__' && wanted === 'None') return null;
    return { severity: 'error', message: `has no return annotation; the design says \`-> ${expected.returnAnnotation}\`` };
  }
  const found = normalizer.annotation(actual.returnAnnotation)!;
  if (found === wanted) return null;
  const bare = (text: string) => text.split('[')[0];
  const lessPrecise = bare(found) === bare(wanted) && (found === bare(found) || wanted === bare(wanted));
  return {
    severity: lessPrecise ? 'warning' : 'error',
    message: `returns \`${actual.returnAnnotation}\`; the design says \`-> ${expected.returnAnnotation}\`${lessPrecise ? ' (same type, different precision)' : ''}`,
  };
}

/** Renders a signature as `(name: str, *, limit: int = 10) -> dict[str, Any]`. */
export function formatSignature(shape: SignatureShape): string {
  const parts: string[] = [];
  let starShown = false;
  shape.parameters.forEach((parameter, index) => {
    if (parameter.kind === 'keyword-only' && !starShown) {
      parts.push('*');
      starShown = true;
    }
    if (parameter.kind === 'var-positional') starShown = true;
    const prefix = parameter.kind === 'var-positional' ? '*' : parameter.kind === 'var-keyword' ? '**' : '';
    const annotation = parameter.annotation !== null ? `: ${parameter.annotation}` : '';
    const value = parameter.defaultValue !== null ? `${annotation ? ' = ' : '='}${parameter.defaultValue}` : '';
    parts.push(`${prefix}${parameter.name}${annotation}${value}`);
    const next = shape.parameters[index + 1];
    if (parameter.kind === 'positional-only' && next?.kind !== 'positional-only') parts.push('/');
  });
  return `(${parts.join(', ')})${shape.returnAnnotation !== null ? ` -> ${shape.returnAnnotation}` : ''}`;
}
