/** Facts about function bodies (returns, raises, calls, changes to state), read by the tree-sitter parser. Lines are 1-based. */

/**
 * The exception types caught around a statement: one entry per enclosing `try` body,
 * innermost first. A bare `except:` is recorded as `BaseException`.
 */
export type EnclosingHandlers = string[][];

/** One `"key": value` entry of a dict literal with a string key. */
export interface DictEntryFact {
  key: string;
  /** tree-sitter node type of the value (`true`, `string`, `identifier`, `comparison_operator`, ...). */
  valueType: string;
  valueText: string;
}

/** An argument of a call, as written. */
export interface CallArgumentFact {
  /** Keyword of a `name=value` argument; null for a positional one. */
  keyword: string | null;
  text: string;
  /** tree-sitter node type of the value: `lambda`, `identifier`, `attribute`, `string`, `list_splat`, ... */
  nodeType: string;
  /** Decoded text when the value is a plain (non-f) string literal. */
  stringValue: string | null;
  /** Names and dotted attribute chains read by the argument (`tmp`, `self._dir`), outermost chains only. */
  names: string[];
  /** Callees of calls inside the argument (`os.path.join`, `tempfile.mkdtemp`). */
  callees: string[];
  /** Plain string literals inside the argument, in source order (`["/var/data", "x.json"]`). */
  strings: string[];
  /** For a lambda: facts about its body; its value is recorded as the lambda's one return. */
  lambda: BodyFacts | null;
}

/** What an expression is, as far as the source alone tells. */
export interface ValueFact {
  /** Source text of the expression, or null for a bare `return`. */
  expression: string | null;
  kind: 'dict' | 'call' | 'name' | 'none' | 'other';
  /** tree-sitter node type of the expression (`dictionary`, `call`, `conditional_expression`, ...); null when absent. */
  nodeType: string | null;
  /** Keys of a dict literal (string keys only), when kind is 'dict'. */
  dictKeys: string[];
  /** Whether the dict literal also has non-literal keys or `**spread` entries. */
  dictHasDynamicKeys: boolean;
  /** The string-keyed entries of a dict literal, when kind is 'dict'. */
  dictEntries: DictEntryFact[];
  /** The called function (`self._respond`, `make_response`), when kind is 'call'. */
  callee: string | null;
  /** The call's arguments, when kind is 'call'. */
  arguments: CallArgumentFact[];
  /** For `a if condition else b` (and nested ones): the values it may take. */
  alternatives: ValueFact[];
  /** Decoded text when the expression is a plain (non-f) string literal. */
  stringValue: string | null;
}

/** What a `return` statement gives back. */
export interface ReturnFact extends ValueFact {
  line: number;
}

/** A binding of a local name: `name = value`, `name["key"] = value`, or `with value as name`. */
export interface LocalAssignmentFact {
  line: number;
  name: string;
  /** For `name["key"] = value`: the key; null when the name itself is bound. */
  key: string | null;
  /** True for `name[expression] = value` with a key that is not a string literal. */
  dynamicKey: boolean;
  /** 'assign' for `=`, 'with' for `with value as name`. */
  via: 'assign' | 'with';
  value: ValueFact;
  /** Context managers (`with X:`) that enclose the binding, as source text. */
  heldContexts: string[];
}

/** A `raise` statement. */
export interface RaiseFact {
  line: number;
  /** The raised type's name (`ValueError`, `errors.NotFound`), null for a bare re-raise. */
  exception: string | null;
  /** True when the statement sits in an `except` clause (bare `raise` re-raises there). */
  inExceptClause: boolean;
  handlers: EnclosingHandlers;
  /** The `try` statements behind `handlers`, innermost first (same order and length). */
  enclosingTries: TryFact[];
}

/** A call expression. */
export interface CallFact {
  line: number;
  /** Dotted callee text, e.g. `self._store.get`, `open`, `subprocess.run`. */
  callee: string;
  /** Source text of the argument list, parentheses included. */
  argumentsText: string;
  handlers: EnclosingHandlers;
  /** The `try` statements behind `handlers`, innermost first (same order and length). */
  enclosingTries: TryFact[];
  /** The arguments one by one (lambdas carry their own body facts). */
  arguments: CallArgumentFact[];
  /** Context managers (`with X:`) that enclose the call, as source text. */
  heldContexts: string[];
  /** The object a method is called on (`Path("/x")` in `Path("/x").write_text(...)`), described like an argument; null for plain function calls. */
  receiver: CallArgumentFact | null;
}

/** One `except` clause. */
export interface ExceptHandlerFact {
  line: number;
  /** Last line of the clause: calls and returns between `line` and `endLine` run in the handler. */
  endLine: number;
  /** Caught type names; `BaseException` for a bare `except:`. */
  types: string[];
  /** True when the handler's body re-raises (a `raise` statement anywhere inside it). */
  reraises: boolean;
}

/** A `try` statement. */
export interface TryFact {
  line: number;
  endLine: number;
  handlers: ExceptHandlerFact[];
  hasFinally: boolean;
}

/** A change to state reached through an attribute or a name, e.g. `self._items[key] = value`, `_CACHE.pop(key)`. */
export interface AttributeMutationFact {
  line: number;
  /** The attribute path or name that is changed, e.g. `self._items`, `self.count`, `_CACHE`; plain names are never 'assign'. */
  target: string;
  operation: 'assign' | 'augmented-assign' | 'subscript-assign' | 'delete' | 'method-call';
  /** For 'method-call': the mutating method called (`append`, `update`, ...). */
  method: string | null;
  /** Context managers (`with X:`) that enclose the change, as source text. */
  heldContexts: string[];
  /** For 'assign': the value assigned; null otherwise. */
  value: ValueFact | null;
}

/** Facts about a function body, gathered without running it. */
export interface BodyFacts {
  returns: ReturnFact[];
  raises: RaiseFact[];
  tries: TryFact[];
  calls: CallFact[];
  attributeMutations: AttributeMutationFact[];
  /** Source text of every `with` item in the body (`self._lock`, `open(path)`). */
  withItems: string[];
  /** True when the body is only a docstring and/or `pass` / `...`. */
  isPlaceholder: boolean;
  /** Whether a `yield` appears (a generator, not a response-returning method). */
  yields: boolean;
  /** Whether control can reach the end of the body without `return` or `raise` (an implicit `return None`). */
  canFallThrough: boolean;
  /** Bindings of local names (`x = ...`, `x["k"] = ...`, `with ... as x`); unpacking targets are not recorded. */
  localAssignments: LocalAssignmentFact[];
  /** Names declared `global` in the body. */
  globalNames: string[];
}
