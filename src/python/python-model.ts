/** Typed facts about one Python module, read by the tree-sitter parser. Lines are 1-based. */

import type { BodyFacts, EnclosingHandlers } from './body-facts-model.js';
import type { LoopBinding } from './loop-binding.js';

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

/** Body facts live in their own file; re-exported so readers import one model. */
export type { EnclosingHandlers, DictEntryFact, CallArgumentFact, ValueFact, ReturnFact, LocalAssignmentFact, RaiseFact, CallFact, ExceptHandlerFact, TryFact, AttributeMutationFact, BodyFacts } from './body-facts-model.js';

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
  /** Functions defined by statements of its body (a decorator's `wrapper`), up to three levels deep; absent when none. */
  nested?: PythonFunction[];
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
  /** Most string literals in one statement (each part of an implicit concatenation counts); absent in hand-built models. */
  mostStringsInStatement?: number;
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
  /**
   * For a call: its positional arguments, with the value of plain string literals (null when computed).
   * For the computed name of `getattr`/`setattr`/`delattr`/`hasattr` (`key`, `f.name`): the loop that binds it, if one does.
   */
  arguments?: Array<{ literal: string | null; text: string; loop?: LoopBinding }>;
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
  /** True inside a lambda (`RULES = [(lambda r: r.people <= 50, ...)]` is logic at module level); absent otherwise. */
  inLambda?: boolean;
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
