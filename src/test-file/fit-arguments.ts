import type { ApiParameter } from './known-api.js';

/** The arguments of a call, as counted from its text. */
export interface CallShape {
  positional: number;
  keywords: string[];
  splat: boolean;
}

/** Why a call's arguments do not fit a signature, as Python would say it, or null when they fit (or cannot be told). */
export function argumentMismatch(parameters: readonly ApiParameter[], call: CallShape): string | null {
  if (call.splat) return null;
  const positionalSlots = parameters.filter((parameter) => parameter.kind === 'positional-only' || parameter.kind === 'positional-or-keyword');
  const takesMorePositional = parameters.some((parameter) => parameter.kind === 'var-positional');
  const takesMoreKeywords = parameters.some((parameter) => parameter.kind === 'var-keyword');
  if (call.positional > positionalSlots.length && !takesMorePositional) {
    return `takes ${positionalSlots.length} positional argument${positionalSlots.length === 1 ? '' : 's'} but ${call.positional} ${call.positional === 1 ? 'was' : 'were'} given`;
  }
  const filled = new Set(positionalSlots.slice(0, call.positional).map((parameter) => parameter.name));
  for (const keyword of call.keywords) {
    const parameter = parameters.find((candidate) => candidate.name === keyword && (candidate.kind === 'positional-or-keyword' || candidate.kind === 'keyword-only'));
    if (!parameter) {
      if (takesMoreKeywords) continue;
      return `got an unexpected keyword argument '${keyword}'`;
    }
    if (filled.has(keyword)) return `got multiple values for argument '${keyword}'`;
    filled.add(keyword);
  }
  const missing = parameters.filter((parameter) => parameter.required && !filled.has(parameter.name));
  if (missing.length > 0) return `missing required argument${missing.length === 1 ? '' : 's'} ${missing.map((parameter) => `'${parameter.name}'`).join(', ')}`;
  return null;
}

/** The signature as people read it: `(name, phone, clock=…)`. */
export function describeParameters(parameters: readonly ApiParameter[]): string {
  const parts = parameters.map((parameter) => {
    if (parameter.kind === 'var-positional') return `*${parameter.name}`;
    if (parameter.kind === 'var-keyword') return `**${parameter.name}`;
    return parameter.required ? parameter.name : `${parameter.name}=…`;
  });
  return `(${parts.join(', ')})`;
}
