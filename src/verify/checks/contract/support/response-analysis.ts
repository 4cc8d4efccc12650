import { CallableMemo, callTarget, callableName, callableSymbol, type Callable } from '../../../../python/callables.js';
import type { DictEntryFact, PythonModule, ValueFact } from '../../../../python/python-model.js';
import { tableCallKey, type TableTarget } from '../../../../python/table-callables.js';
import { tableCallable } from './raise-analysis.js';

/** The keys of the structured response, in the order the brief gives them. */
export const RESPONSE_KEYS = ['success', 'message', 'data'] as const;

/** One way a return path fails to give back the structured response. */
export interface ResponseProblem {
  line: number;
  message: string;
  /** `Class.method` (or function) holding the offending return; set by `problemsOf`. */
  symbol?: string;
  /** For a function that can reach the end of its body: its `def` line (a match over an Enum may close it, see fall-through.ts). */
  fallsThrough?: number;
}

/** Expression types that are certainly not a dict. */
const NOT_A_DICT: Record<string, string> = {
  string: 'a str', concatenated_string: 'a str', integer: 'an int', float: 'a float', true: 'a bool', false: 'a bool',
  list: 'a list', list_comprehension: 'a list', tuple: 'a tuple', set: 'a set', set_comprehension: 'a set',
  generator_expression: 'a generator', comparison_operator: 'a bool', not_operator: 'a bool', lambda: 'a function',
  expression_list: 'a tuple',
};

/** Callees whose result is certainly not a dict. */
const NON_DICT_CALLS: Record<string, string> = {
  str: 'a str', repr: 'a str', int: 'an int', float: 'a float', bool: 'a bool', list: 'a list', tuple: 'a tuple',
  set: 'a set', len: 'an int', sorted: 'a list', 'json.dumps': 'a JSON string', format: 'a str',
};

/** Value types that are certainly not a bool / certainly not a str. */
const NOT_A_BOOL = new Set(['string', 'concatenated_string', 'integer', 'float', 'none', 'list', 'dictionary', 'tuple', 'set', 'list_comprehension', 'dictionary_comprehension']);
const NOT_A_STR = new Set(['integer', 'float', 'true', 'false', 'none', 'list', 'dictionary', 'tuple', 'set', 'list_comprehension', 'dictionary_comprehension']);

function quoteList(keys: readonly string[]): string {
  return keys.map((key) => `'${key}'`).join(', ');
}

function shorten(text: string | null): string {
  const flat = (text ?? '').replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/** Problems with a dict's keys (exactly success, message, data) and with success/message values that are decidably wrong. */
function dictProblems(keys: string[], hasDynamicKeys: boolean, entries: DictEntryFact[], line: number, where: string): ResponseProblem[] {
  const problems: ResponseProblem[] = [];
  const missing = hasDynamicKeys ? [] : RESPONSE_KEYS.filter((key) => !keys.includes(key));
  const extra = [...new Set(keys.filter((key) => !(RESPONSE_KEYS as readonly string[]).includes(key)))];
  if (missing.length > 0 || extra.length > 0) {
    const parts = [missing.length > 0 ? `missing ${quoteList(missing)}` : '', extra.length > 0 ? `unexpected ${quoteList(extra)}` : ''].filter(Boolean);
    problems.push({ line, message: `${where} returns a dict with keys ${quoteList(keys) || '(none)'} (${parts.join('; ')}); the response must have exactly 'success', 'message' and 'data'` });
  }
  for (const entry of entries) {
    if (entry.key === 'success' && NOT_A_BOOL.has(entry.valueType)) {
      problems.push({ line, message: `${where} sets 'success' to ${shorten(entry.valueText)}, which is not a bool` });
    }
    if (entry.key === 'message' && NOT_A_STR.has(entry.valueType)) {
      problems.push({ line, message: `${where} sets 'message' to ${shorten(entry.valueText)}, which is not a str` });
    }
  }
  return problems;
}

/** Follows return values through helpers, lambdas and local variables to the dicts they build. */
export class ResponseAnalysis {
  private readonly memo = new CallableMemo<ResponseProblem>();

  /** @param tables What calls of module-level tables of callables run (`readTableCallables`). */
  constructor(private readonly module: PythonModule, private readonly tables: ReadonlyMap<string, TableTarget[]> = new Map()) {}

  /** Problems on the return paths of a callable; paths the source cannot decide give none. */
  problemsOf(callable: Callable, depth = 0): ResponseProblem[] {
    return this.memo.resultsOf(callable, depth, () => this.computeProblems(callable, depth));
  }

  private computeProblems(callable: Callable, depth: number): ResponseProblem[] {
    const where = callableName(callable);
    const problems: ResponseProblem[] = [];
    if (!callable.body.yields) {
      for (const fact of callable.body.returns) problems.push(...this.valueProblems(fact, fact.line, callable, where, depth));
      if (callable.kind === 'function' && callable.body.canFallThrough) {
        problems.push({ line: callable.fn.line, message: `${where} can reach the end of its body without a return statement, so it returns None`, fallsThrough: callable.fn.line });
      }
    }
    const symbol = callableSymbol(callable);
    for (const problem of problems) problem.symbol ??= symbol;
    return problems;
  }

  private valueProblems(value: ValueFact, line: number, from: Callable, where: string, depth: number): ResponseProblem[] {
    if (value.alternatives.length > 0) return value.alternatives.flatMap((alternative) => this.valueProblems(alternative, line, from, where, depth));
    switch (value.kind) {
      case 'none':
        return [{ line, message: value.expression === null ? `${where} has a bare \`return\`, which gives None instead of the response dict` : `${where} returns None instead of the response dict` }];
      case 'dict':
        return dictProblems(value.dictKeys, value.dictHasDynamicKeys, value.dictEntries, line, where);
      case 'call':
        return this.callProblems(value, line, from, where, depth);
      case 'name':
        return this.nameProblems(value, line, from, where, depth);
      default: {
        const type = value.nodeType ? NOT_A_DICT[value.nodeType] : undefined;
        return type ? [{ line, message: `${where} returns ${shorten(value.expression)} (${type}) instead of the response dict` }] : [];
      }
    }
  }

  private callProblems(value: ValueFact, line: number, from: Callable, where: string, depth: number): ResponseProblem[] {
    const callee = value.callee ?? '';
    if (callee === 'dict') {
      if (value.arguments.some((argument) => argument.keyword === null)) return [];
      const entries = value.arguments.map((argument) => ({ key: argument.keyword!, valueType: argument.nodeType, valueText: argument.text }));
      return dictProblems(entries.map((entry) => entry.key), false, entries, line, where);
    }
    const nonDict = NON_DICT_CALLS[callee];
    if (nonDict) return [{ line, message: `${where} returns ${shorten(value.expression)} (${nonDict}) instead of the response dict` }];
    const target = callTarget(callee, value.arguments, from, this.module);
    if (target) return this.problemsOf(target, depth + 1);
    // `return HANDLERS[action](request)`: each entry of the table answers for the call.
    const entries = this.tables.get(tableCallKey(line, callee));
    if (entries) {
      return entries.flatMap((entry) => {
        const callable = tableCallable(entry, from, this.module);
        return callable ? this.problemsOf(callable, depth + 1) : [];
      });
    }
    const cls = this.module.classes.find((candidate) => candidate.name === callee);
    if (cls && !cls.bases.some((base) => /\b(TypedDict|dict|Dict)\b/.test(base))) {
      const article = /^[AEIOU]/.test(cls.name) ? 'an' : 'a';
      return [{ line, message: `${where} returns ${article} ${cls.name} instance instead of the response dict` }];
    }
    return [];
  }

  private nameProblems(value: ValueFact, line: number, from: Callable, where: string, depth: number): ResponseProblem[] {
    const name = value.expression ?? '';
    if (name.includes('.')) return [];
    const bindings = from.owner.body.localAssignments.filter((fact) => fact.name === name);
    const whole = bindings.filter((fact) => fact.key === null);
    const changedInPlace = from.owner.body.calls.some((call) => call.callee.startsWith(`${name}.`) && /\.(update|pop|popitem|setdefault|clear|__setitem__)$/.test(call.callee));
    if (whole.length === 0 || whole.some((fact) => fact.via !== 'assign') || bindings.some((fact) => fact.dynamicKey) || changedInPlace) return [];
    const added = bindings.filter((fact) => fact.key !== null);
    return whole.flatMap((fact) => {
      if (fact.value.kind !== 'dict') return this.valueProblems(fact.value, line, from, where, depth);
      const keys = [...fact.value.dictKeys, ...added.map((entry) => entry.key!)];
      const entries = [...fact.value.dictEntries, ...added.map((entry) => ({ key: entry.key!, valueType: entry.value.nodeType ?? '', valueText: entry.value.expression ?? '' }))];
      return dictProblems([...new Set(keys)], fact.value.dictHasDynamicKeys, entries, line, where);
    });
  }
}
