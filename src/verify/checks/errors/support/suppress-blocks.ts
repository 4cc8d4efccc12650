import { canonicalName } from '../../../../python/import-bindings.js';
import type { BodyFacts, CallFact } from '../../../../python/python-model.js';

/**
 * The `with contextlib.suppress(...)` blocks of a body: `with suppress(KeyError):` is
 * `try: ... except KeyError: pass`. Each is the suppress call (its line) and the types it names,
 * read from the call's arguments.
 */
export function suppressCalls(body: BodyFacts, imports: ReadonlyMap<string, string>): CallFact[] {
  return body.calls.filter((call) => canonicalName(call.callee, imports) === 'contextlib.suppress');
}

/** The suppress calls of a body by their source text (`contextlib.suppress(KeyError)`), as a held context names them. */
export type SuppressIndex = ReadonlyMap<string, string[]>;

/** Indexes a body's suppress calls by text, with the types each names (its positional arguments). */
export function suppressIndex(suppressors: readonly CallFact[]): SuppressIndex {
  const index = new Map<string, string[]>();
  for (const suppressor of suppressors) {
    const types = suppressor.arguments.filter((argument) => argument.keyword === null).map((argument) => argument.text);
    index.set(suppressor.callee + suppressor.argumentsText, [...(index.get(suppressor.callee + suppressor.argumentsText) ?? []), ...types]);
  }
  return index;
}

/**
 * The exception types suppressed around a call: the `with` items holding it that are one of the
 * body's suppress calls (a held context is the item's source text, the call's callee and arguments).
 * One lookup per held context, so a body with many blocks costs no more per call.
 */
export function suppressedAround(call: CallFact, index: SuppressIndex): string[] {
  if (index.size === 0) return [];
  return call.heldContexts.flatMap((context) => index.get(context) ?? []);
}
