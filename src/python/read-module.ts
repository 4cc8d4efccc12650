import { prunedSubtrees, type SyntaxNode as Node } from './syntax-node.js';
import { dottedName, endLineOf, isFString, lineOf, namedChildren, stringValue } from './node-text.js';
import type {
  ClassAttribute,
  EnclosingHandlers,
  ParseErrorFact,
  PythonClass,
  PythonConstant,
  PythonImport,
  PythonModule,
  PythonString,
} from './python-model.js';
import { readBodyFacts } from './body-facts.js';
import { readDocstring, readFunction, unwrapDefinition } from './read-function.js';
import { plainStringValue } from './value-facts.js';
import { withPythonTree } from './tree-sitter-parser.js';
import { readCommentsAndPlaceholders, readTopLevelStatements } from './read-layout.js';
import { readNumberLiterals } from './read-number-literals.js';
import { readReferences } from './read-references.js';
import { readStringExpressions } from './string-expressions.js';

function importedModule(node: Node): { module: string; alias: string | null } {
  if (node.type === 'aliased_import') {
    return { module: node.childForFieldName('name')?.text ?? '', alias: node.childForFieldName('alias')?.text ?? null };
  }
  return { module: node.text, alias: null };
}

/** Where an import sits: nesting, the handlers around it, and whether only type checkers run it. */
interface ImportPlace {
  isNested: boolean;
  handlers: EnclosingHandlers;
  isTypeCheckingOnly: boolean;
  isMainBlockOnly: boolean;
}

function readImports(node: Node, place: ImportPlace, into: PythonImport[]): void {
  const line = lineOf(node);
  const { isNested } = place;
  const extra = { handlers: place.handlers, isTypeCheckingOnly: place.isTypeCheckingOnly, isMainBlockOnly: place.isMainBlockOnly };
  if (node.type === 'import_statement') {
    for (const child of namedChildren(node)) {
      const { module, alias } = importedModule(child);
      into.push({ module, names: [], nameAliases: [], alias, isFrom: false, level: 0, line, isNested, ...extra });
    }
  } else if (node.type === 'import_from_statement' || node.type === 'future_import_statement') {
    const moduleNode = node.childForFieldName('module_name');
    let module = node.type === 'future_import_statement' ? '__future__' : moduleNode?.text ?? '';
    let level = 0;
    if (moduleNode?.type === 'relative_import') {
      const prefix = namedChildren(moduleNode).find((child) => child.type === 'import_prefix');
      level = prefix ? prefix.text.length : 0;
      module = namedChildren(moduleNode).find((child) => child.type === 'dotted_name')?.text ?? '';
    }
    const imported = namedChildren(node)
      .filter((child) => child.id !== moduleNode?.id && child.type !== 'wildcard_import')
      .map(importedModule);
    const names = imported.map((entry) => entry.module);
    const nameAliases = imported.map((entry) => entry.alias);
    if (namedChildren(node).some((child) => child.type === 'wildcard_import')) {
      names.push('*');
      nameAliases.push(null);
    }
    into.push({ module, names, nameAliases, alias: null, isFrom: true, level, line, isNested, ...extra });
  }
}

function exceptTypes(clause: Node): string[] {
  const value = clause.childForFieldName('value') ?? namedChildren(clause).find((child) => child.type !== 'block');
  if (!value) return ['BaseException'];
  const typeNode = value.type === 'as_pattern' ? namedChildren(value)[0] : value;
  if (!typeNode) return ['BaseException'];
  const parts = typeNode.type === 'tuple' || typeNode.type === 'parenthesized_expression' ? namedChildren(typeNode) : [typeNode];
  return parts.map(dottedName);
}

function isMainCondition(node: Node): boolean {
  const condition = node.childForFieldName('condition');
  if (condition?.type !== 'comparison_operator') return false;
  const operands = namedChildren(condition);
  return operands.length === 2 && operands.some((operand) => operand.text === '__name__') && operands.some((operand) => plainStringValue(operand) === '__main__');
}

function isTypeCheckingCondition(node: Node): boolean {
  const condition = node.childForFieldName('condition');
  return !!condition && /^(typing\.)?TYPE_CHECKING$/.test(dottedName(condition));
}

const STRING_TYPES = ['string', 'concatenated_string'];
const IMPORT_TYPES = ['import_statement', 'import_from_statement', 'future_import_statement'];

/**
 * Where an import sits, read from its ancestors: the `try` bodies around it (innermost first, with
 * what their `except` clauses catch) and the `if TYPE_CHECKING:` / `if __name__ == "__main__":` blocks.
 */
function importPlace(node: Node, root: Node): ImportPlace {
  const handlers: EnclosingHandlers = [];
  let isTypeCheckingOnly = false;
  let isMainBlockOnly = false;
  let child = node;
  for (let parent = node.parent; parent && parent.id !== root.id; child = parent, parent = parent.parent) {
    if (parent.type === 'try_statement') {
      if (child.type !== 'block') continue;
      const caught = namedChildren(parent).filter((part) => part.type === 'except_clause').flatMap(exceptTypes);
      if (caught.length > 0) handlers.push(caught);
    } else if (parent.type === 'if_statement' && parent.childForFieldName('consequence')?.id === child.id) {
      if (isMainCondition(parent)) isMainBlockOnly = true;
      else if (isTypeCheckingCondition(parent)) isTypeCheckingOnly = true;
    }
  }
  return { isNested: node.parent?.id !== root.id, handlers, isTypeCheckingOnly, isMainBlockOnly };
}

/** Every import statement of the module, with where it sits, in source order. */
function readAllImports(root: Node, into: PythonImport[]): void {
  for (const node of root.descendantsOfType(IMPORT_TYPES)) readImports(node, importPlace(node, root), into);
}

/** The assignment of an `x = ...` / `x: T = ...` statement, or null for any other statement. */
export function singleAssignment(statement: Node): Node | null {
  if (statement.type !== 'expression_statement') return null;
  const assignment = namedChildren(statement)[0];
  return assignment?.type === 'assignment' ? assignment : null;
}

function readConstant(statement: Node): PythonConstant | null {
  const assignment = singleAssignment(statement);
  const left = assignment?.childForFieldName('left');
  const right = assignment?.childForFieldName('right');
  if (!assignment || left?.type !== 'identifier' || !right) return null;
  const type = assignment.childForFieldName('type');
  return { name: left.text, annotation: type ? type.text : null, value: right.text, line: lineOf(statement), stringValue: plainStringValue(right) };
}

/** A name bound in a class body (`x: int = 1`), or null when the statement binds none. */
export function readClassAttribute(statement: Node): ClassAttribute | null {
  const assignment = singleAssignment(statement);
  const left = assignment?.childForFieldName('left');
  if (!assignment || left?.type !== 'identifier') return null;
  const type = assignment.childForFieldName('type');
  const right = assignment.childForFieldName('right');
  return { name: left.text, annotation: type ? type.text : null, value: right ? right.text : null, line: lineOf(statement) };
}

/** What a `class` statement says before its body: name, bases, keywords, position and docstring. */
export function readClassHeader(node: Node, decorators: string[]): Omit<PythonClass, 'attributes' | 'methods'> & { body: Node | null } {
  const body = node.childForFieldName('body');
  const superclasses = node.childForFieldName('superclasses');
  const bases: string[] = [];
  const keywords: string[] = [];
  for (const argument of superclasses ? namedChildren(superclasses) : []) {
    if (argument.type === 'keyword_argument') keywords.push(argument.text);
    else bases.push(dottedName(argument));
  }
  return {
    name: node.childForFieldName('name')?.text ?? '', line: lineOf(node), endLine: endLineOf(node),
    bases, keywords, decorators, docstring: readDocstring(body), body,
  };
}

function readClass(node: Node, decorators: string[]): PythonClass {
  const { body, ...header } = readClassHeader(node, decorators);
  const name = header.name;
  const cls: PythonClass = { ...header, attributes: [], methods: [] };
  for (const statement of body ? namedChildren(body) : []) {
    const unwrapped = unwrapDefinition(statement);
    if (unwrapped?.definition.type === 'function_definition') {
      cls.methods.push(readFunction(unwrapped.definition, unwrapped.decorators, name));
      continue;
    }
    const attribute = readClassAttribute(statement);
    if (attribute) cls.attributes.push(attribute);
  }
  return cls;
}

function isStatement(node: Node): boolean {
  const parentType = node.parent?.type;
  return parentType === 'module' || parentType === 'block';
}

/**
 * The module's string literals (a concatenation as one; strings inside another string's
 * interpolations belong to it), in source order. Returns the most literals one statement holds,
 * counting each in its innermost statement (a compound statement's nested statements count on their own).
 */
function collectStrings(root: Node, docstringNodes: Set<number>, into: PythonString[]): number {
  const perStatement = new Map<number, number>();
  let outsideStatements = 0;
  let most = 0;
  let enclosing: Node | null = null;
  for (const node of root.descendantsOfType(STRING_TYPES)) {
    // Source order is preorder: a string inside a taken one comes right after it, within its range.
    if (enclosing && node.startIndex >= enclosing.startIndex && node.endIndex <= enclosing.endIndex) continue;
    enclosing = node;
    into.push({
      text: stringValue(node),
      isFString: node.type === 'string' ? isFString(node) : namedChildren(node).some(isFString),
      isDocstring: docstringNodes.has(node.id),
      line: lineOf(node),
      column: node.startPosition.column + 1,
      endLine: endLineOf(node),
    });
    const count = node.type === 'string' ? 1 : node.namedChildCount;
    let statement: Node | null = node.parent;
    while (statement && !isStatement(statement)) statement = statement.parent;
    if (!statement) {
      outsideStatements += count;
      continue;
    }
    const total = (perStatement.get(statement.id) ?? 0) + count;
    perStatement.set(statement.id, total);
    most = Math.max(most, total);
  }
  return Math.max(most, outsideStatements);
}

function collectDocstringNodes(node: Node, into: Set<number>): void {
  const block = node.type === 'module' ? node : node.childForFieldName('body');
  const first = block ? namedChildren(block)[0] : undefined;
  const expression = first?.type === 'expression_statement' ? namedChildren(first)[0] : undefined;
  if (expression && (expression.type === 'string' || expression.type === 'concatenated_string')) into.add(expression.id);
  for (const child of block ? namedChildren(block) : []) {
    const unwrapped = unwrapDefinition(child);
    if (unwrapped) collectDocstringNodes(unwrapped.definition, into);
  }
}

function collectParseErrors(node: Node, into: ParseErrorFact[]): void {
  if (!node.hasError && !node.isMissing) return;
  if (node.isMissing || node.type === 'ERROR') {
    into.push({
      line: lineOf(node),
      column: node.startPosition.column + 1,
      kind: node.isMissing ? 'missing' : 'error',
      text: node.isMissing ? node.type : node.text.slice(0, 80),
    });
    if (node.isMissing) return;
  }
  for (let index = 0; index < node.childCount; index++) {
    const child = node.child(index);
    if (child) collectParseErrors(child, into);
  }
}

/** Builds the module model from a parsed tree. */
export function buildModuleModel(root: Node, source: string): PythonModule {
  const module: PythonModule = {
    source,
    lineCount: source.length === 0 ? 0 : source.split('\n').length,
    docstring: readDocstring(root),
    imports: [],
    constants: [],
    classes: [],
    functions: [],
    strings: [],
    parseErrors: [],
    firstStatementLine: null,
    statements: readTopLevelStatements(root),
    comments: [],
    numbers: readNumberLiterals(root),
    placeholderStatements: [],
    moduleBody: readBodyFacts(root),
    stringExpressions: { assembled: [], dictKeys: [] },
  };
  const statements = namedChildren(root);
  module.firstStatementLine = statements[0] ? lineOf(statements[0]) : null;
  readAllImports(root, module.imports);
  for (const statement of statements) {
    const unwrapped = unwrapDefinition(statement);
    if (unwrapped?.definition.type === 'class_definition') module.classes.push(readClass(unwrapped.definition, unwrapped.decorators));
    else if (unwrapped?.definition.type === 'function_definition') module.functions.push(readFunction(unwrapped.definition, unwrapped.decorators, null));
    else {
      const constant = readConstant(statement);
      if (constant) module.constants.push(constant);
    }
  }
  const docstringNodes = new Set<number>();
  collectDocstringNodes(root, docstringNodes);
  module.mostStringsInStatement = collectStrings(root, docstringNodes, module.strings);
  module.stringExpressions = readStringExpressions(root, module.constants);
  collectParseErrors(root, module.parseErrors);
  const layout = readCommentsAndPlaceholders(root);
  module.comments = layout.comments;
  module.placeholderStatements = layout.placeholders;
  module.references = readReferences(root);
  const pruned = prunedSubtrees(root);
  if (pruned.count > 0) {
    const places = pruned.nodes.map((node) => ({ line: lineOf(node), column: node.startPosition.column + 1, nodeType: node.type }));
    module.tooDeep = { count: pruned.count, places };
  }
  return module;
}

/** Parses Python source into the module model. Never throws on bad Python: see `parseErrors`. */
export function readPythonModule(source: string): Promise<PythonModule> {
  return withPythonTree(source, (root) => buildModuleModel(root, source));
}
