/** Typed facts about one Python module, read by the tree-sitter parser. Lines are 1-based. */

/** How a parameter may be passed, as Python's `inspect.Parameter.kind` names it. */
export type ParameterKind =
  | 'positional-only'
  | 'positional-or-keyword'
  | 'var-positional'
  | 'keyword-only'
  | 'var-keyword';

/** One parameter of a function or method. */
export interface PythonParameter {
  name: string;
  kind: ParameterKind;
  /** Annotation source text, or null when the parameter has none. */
  annotation: string | null;
  /** Default value source text, or null when there is no default. */
  defaultValue: string | null;
  line: number;
}

/** A docstring and where it starts. */
export interface PythonDocstring {
  /** The docstring's text with quotes removed and indentation kept as written. */
  text: string;
  line: number;
  endLine: number;
}

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

/** A function or method. */
export interface PythonFunction {
  name: string;
  line: number;
  endLine: number;
  isAsync: boolean;
  decorators: string[];
  parameters: PythonParameter[];
  returnAnnotation: string | null;
  docstring: PythonDocstring | null;
  body: BodyFacts;
  /** Name of the class that defines it, or null for a module-level function. */
  className: string | null;
}

/** A name bound in a class body (`x: int = 1`, `CODE = "E1"`). */
export interface ClassAttribute {
  name: string;
  annotation: string | null;
  value: string | null;
  line: number;
}

/** A class definition. */
export interface PythonClass {
  name: string;
  line: number;
  endLine: number;
  /** Positional base classes as source text (`Exception`, `abc.ABC`). */
  bases: string[];
  /** Keyword arguments of the class statement (`metaclass=ABCMeta`) as source text. */
  keywords: string[];
  decorators: string[];
  docstring: PythonDocstring | null;
  attributes: ClassAttribute[];
  methods: PythonFunction[];
}

/** An import statement, one entry per imported module or `from` statement. */
export interface PythonImport {
  /** Module path as written (`os.path`, `.models`); empty for `from . import x`. */
  module: string;
  /** Names imported by a `from` import; empty for a plain `import`. */
  names: string[];
  /** The `as` alias of each entry of `names` (same order), or null where there is none. */
  nameAliases: Array<string | null>;
  alias: string | null;
  isFrom: boolean;
  /** Number of leading dots of a relative import; 0 for absolute imports. */
  level: number;
  line: number;
  /** True when the import sits inside a function, class or `try`/`if` block. */
  isNested: boolean;
  /** Exception types caught around the import (e.g. `[["ImportError"]]` for an optional import). */
  handlers: EnclosingHandlers;
  /** True inside `if TYPE_CHECKING:` (never executed at runtime). */
  isTypeCheckingOnly: boolean;
  /** True inside `if __name__ == "__main__":` (runs only when the file is executed as a script). */
  isMainBlockOnly: boolean;
}

/** A module-level assignment to a single name. */
export interface PythonConstant {
  name: string;
  annotation: string | null;
  value: string;
  line: number;
  /** Decoded text when the value is a plain (non-f) string literal, else null. */
  stringValue: string | null;
}

/** A string literal anywhere in the module. */
export interface PythonString {
  /** The decoded text; for f-strings, interpolations are kept as `{expression}`. */
  text: string;
  isFString: boolean;
  /** True for the docstring positions (module, class, function). */
  isDocstring: boolean;
  line: number;
  column: number;
  /** Line where the literal ends (greater than `line` for multi-line strings). */
  endLine: number;
}

/** Strings the module builds from parts, and where string literals serve as dict keys. */
export interface StringExpressionFacts {
  /** `"Poll " + str(poll_id) + " not found."` as `Poll {} not found.`: literal parts kept, module string constants read, every other part a `{}` field. */
  assembled: PythonString[];
  /** Positions of string literals that are dict keys (`{"not_found": ...}`): names, not messages. */
  dictKeys: Array<{ line: number; column: number }>;
}

/** A place where tree-sitter could not parse the source. */
export interface ParseErrorFact {
  line: number;
  column: number;
  /** 'error' for unparseable text, 'missing' for a token the parser had to assume. */
  kind: 'error' | 'missing';
  text: string;
}

/** Everything backsmith knows about a module's source without running it. */
export interface PythonModule {
  source: string;
  lineCount: number;
  docstring: PythonDocstring | null;
  imports: PythonImport[];
  constants: PythonConstant[];
  classes: PythonClass[];
  functions: PythonFunction[];
  strings: PythonString[];
  parseErrors: ParseErrorFact[];
  /** Line of the first statement (docstring, import, ...), or null for an empty module. */
  firstStatementLine: number | null;
  /** Top-level statements in order, unparseable text (ERROR nodes) included. */
  statements: TopLevelStatement[];
  /** Every `#` comment, in source order. */
  comments: PythonComment[];
  /** Every numeric literal, with its role and enclosing function. */
  numbers: NumberLiteral[];
  /** Every `pass` and bare `...` statement, with its enclosing definition. */
  placeholderStatements: PlaceholderStatement[];
  /** Body facts of the module-level statements (outside classes and functions). */
  moduleBody: BodyFacts;
  /** Strings assembled with `+`, and the string literals used as dict keys. */
  stringExpressions: StringExpressionFacts;
  /**
   * Places nested deeper than the reader's bound (MAX_SYNTAX_DEPTH): what lies below them was not
   * read, so no other fact covers it. Absent or empty when the whole module was read.
   */
  tooDeep?: TooDeepFact;
  /** Attribute accesses, calls and dunder names in every scope (see `readReferences`); absent in hand-built models. */
  references?: ReferenceFact[];
}

/** An attribute access, a call of a name or dotted chain, or a dunder name, anywhere in the module. */
export interface ReferenceFact {
  kind: 'attribute' | 'call' | 'name';
  /** The dotted text (`sys.modules.values`, `os._exit`, `__builtins__`); null for an attribute of a computed object. */
  name: string | null;
  /** For an attribute: its last name (`f_back` in `frame.f_back`). */
  attribute: string | null;
  line: number;
  /** Written to: the target of `=`, `+=` or `del`. */
  assigned: boolean;
  /** For a call: its positional arguments, with the value of plain string literals (null when computed). */
  arguments?: Array<{ literal: string | null; text: string }>;
  /** For a call: the keywords it passes. */
  keywords?: string[];
}

/** Where the module nests deeper than the syntax reader's bound. */
export interface TooDeepFact {
  /** How many places were cut. */
  count: number;
  /** The first few, in source order. */
  places: Array<{ line: number; column: number; nodeType: string }>;
}

/** A `#` comment anywhere in the source (tree-sitter keeps them out of the other facts). */
export interface PythonComment {
  /** The comment as written, `#` included. */
  text: string;
  line: number;
  column: number;
}

/** A statement (or unparseable text) at the top level of the module. */
export interface TopLevelStatement {
  /** tree-sitter node type: `expression_statement`, `import_statement`, `class_definition`, `ERROR`, ... */
  type: string;
  line: number;
  /** 1-based column where the statement starts; valid top-level code always starts in column 1. */
  column: number;
  endLine: number;
  /**
   * True when the statement is, or contains, text tree-sitter could not parse, or text it accepts but
   * CPython rejects (an annotation on the line after its colon: `Explanation:` above a docstring).
   */
  hasError: boolean;
  /** For an `expression_statement`: the node type of its expression (`string`, `assignment`, `call`, `identifier`). */
  expression: string | null;
  /** The statement's first line, trimmed, at most 80 characters. */
  text: string;
}

/** Where a numeric literal is used, as the syntax around it tells. */
export type NumberRole =
  | 'comparison' | 'arithmetic' | 'call-argument' | 'subscript' | 'slice' | 'default'
  | 'assignment' | 'return' | 'collection' | 'annotation' | 'other';

/** A numeric literal in code (never inside strings or comments). */
export interface NumberLiteral {
  /** Source text, a leading sign folded in (`-1`, `0.5`, `1_000`). */
  text: string;
  /** The value; NaN for imaginary literals. */
  value: number;
  line: number;
  column: number;
  role: NumberRole;
  /** The operator next to it for 'comparison' and 'arithmetic' (`<`, `*`, `+=`, `in`); null otherwise. */
  operator: string | null;
  /** The called function for 'call-argument' (`round`, `time.sleep`); null otherwise. */
  callee: string | null;
  /** The keyword of a keyword argument (`indent`); null otherwise. */
  keyword: string | null;
  /** The assigned target for 'assignment' (`MAX_RETRIES`, `self.limit`); null otherwise. */
  target: string | null;
  /** Qualified name of the enclosing function (`Service.add`, `outer.inner`); null outside functions. */
  functionName: string | null;
}

/** A `pass` or bare `...` statement, with the definition around it. */
export interface PlaceholderStatement {
  kind: 'pass' | 'ellipsis';
  line: number;
  /** Qualified name of the enclosing function or class; null at module level. */
  owner: string | null;
  ownerKind: 'module' | 'class' | 'function';
  /** True when the statement sits directly in the owner's body (not in a nested `if`/`except` block). */
  inOwnerBody: boolean;
  /** True when the owner's body holds nothing but a docstring and/or `pass` / `...`. */
  ownerBodyIsPlaceholder: boolean;
}
