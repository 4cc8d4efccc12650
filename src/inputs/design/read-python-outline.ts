import type { SyntaxNode as Node } from '../../python/syntax-node.js';
import { readClassAttribute, readClassHeader, singleAssignment } from '../../python/read-module.js';
import { dottedName, lineOf, namedChildren } from '../../python/node-text.js';
import type { PythonClass, PythonFunction } from '../../python/python-model.js';
import { readDocstring, readParameters, unwrapDefinition } from '../../python/read-function.js';
import { withPythonTree } from '../../python/tree-sitter-parser.js';

/** A module-level `NAME = value` (or `NAME: type = value`). */
export interface OutlineConstant {
  name: string;
  annotation: string | null;
  value: string;
  line: number;
}

/** What the design reader needs of a function: its signature, docstring and the exceptions it raises. */
export type OutlineFunction = Pick<PythonFunction, 'name' | 'line' | 'decorators' | 'parameters' | 'returnAnnotation' | 'isAsync' | 'docstring' | 'className'> & {
  body: { raises: Array<{ exception: string | null }> };
};

/** A class with outline methods. */
export type OutlineClass = Omit<PythonClass, 'methods'> & { methods: OutlineFunction[] };

/** A top-level import: the module path, its relative level and line. */
export interface OutlineImport {
  module: string;
  level: number;
  line: number;
}

/**
 * What a design's code block defines: the definitions only. The full module model (strings,
 * scopes, layout, literals) is built for verification; a design needs a fraction of it, and reading
 * only that keeps `backsmith spec` fast.
 */
export interface PythonOutline {
  classes: OutlineClass[];
  functions: OutlineFunction[];
  constants: OutlineConstant[];
  imports: OutlineImport[];
  /** Lines where the parser found an error or had to assume a missing token. */
  parseErrorLines: number[];
}

/** Raised type names in a body, not counting nested functions and classes (they raise on their own). */
function collectRaises(node: Node, into: Array<{ exception: string | null }>): void {
  for (const child of namedChildren(node)) {
    if (child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'lambda') continue;
    if (child.type === 'raise_statement') {
      const raised = namedChildren(child)[0];
      const typeNode = raised?.type === 'call' ? raised.childForFieldName('function') : raised;
      into.push({ exception: typeNode ? dottedName(typeNode) : null });
    }
    collectRaises(child, into);
  }
}

function readOutlineFunction(node: Node, decorators: string[], className: string | null): OutlineFunction {
  const body = node.childForFieldName('body');
  const returnType = node.childForFieldName('return_type');
  const raises: Array<{ exception: string | null }> = [];
  if (body) collectRaises(body, raises);
  return {
    name: node.childForFieldName('name')?.text ?? '',
    line: lineOf(node),
    decorators,
    parameters: readParameters(node.childForFieldName('parameters')),
    returnAnnotation: returnType ? returnType.text : null,
    isAsync: node.child(0)?.type === 'async',
    docstring: readDocstring(body),
    className,
    body: { raises },
  };
}

/** Settings holders nested in models (Pydantic's `class Config`, Django's `class Meta`): no design classes. */
const SETTINGS_CLASSES = new Set(['Config', 'Meta']);

/** Reads a class; classes nested in its body (`Garage.Ticket`, one level) go to `nested`. */
function readClass(node: Node, decorators: string[], nested: OutlineClass[] | null): OutlineClass {
  const { body, ...header } = readClassHeader(node, decorators);
  const name = header.name;
  const cls: OutlineClass = { ...header, attributes: [], methods: [] };
  for (const statement of body ? namedChildren(body) : []) {
    const unwrapped = unwrapDefinition(statement);
    if (unwrapped?.definition.type === 'function_definition') cls.methods.push(readOutlineFunction(unwrapped.definition, unwrapped.decorators, name));
    else if (unwrapped?.definition.type === 'class_definition') {
      const inner = nested ? readClass(unwrapped.definition, unwrapped.decorators, null) : null;
      if (inner && !SETTINGS_CLASSES.has(inner.name)) nested!.push(inner);
    } else {
      const attribute = readClassAttribute(statement);
      if (attribute) cls.attributes.push(attribute);
    }
  }
  return cls;
}

function readImport(node: Node, into: OutlineImport[]): void {
  const line = lineOf(node);
  if (node.type === 'import_statement') {
    for (const child of namedChildren(node)) {
      const module = child.type === 'aliased_import' ? child.childForFieldName('name')?.text ?? '' : child.text;
      into.push({ module, level: 0, line });
    }
    return;
  }
  const moduleNode = node.childForFieldName('module_name');
  if (node.type === 'future_import_statement') into.push({ module: '__future__', level: 0, line });
  else if (moduleNode?.type === 'relative_import') {
    const prefix = namedChildren(moduleNode).find((child) => child.type === 'import_prefix');
    into.push({ module: namedChildren(moduleNode).find((child) => child.type === 'dotted_name')?.text ?? '', level: prefix ? prefix.text.length : 0, line });
  } else into.push({ module: moduleNode?.text ?? '', level: 0, line });
}

/** Readers only report the first errors; a block of garbage holds one per line. */
const MAX_ERROR_LINES = 100;

/** Lines of the tree's first errors in document order; iterative, since garbage nests as deep as it is long. */
function collectErrorLines(root: Node, into: number[]): void {
  const stack: Node[] = [root];
  while (stack.length > 0 && into.length < MAX_ERROR_LINES) {
    const node = stack.pop()!;
    if (!node.hasError && !node.isMissing) continue;
    if (node.isMissing || node.type === 'ERROR') {
      into.push(lineOf(node));
      if (node.isMissing) continue;
    }
    for (let index = node.childCount - 1; index >= 0; index--) {
      const child = node.child(index);
      if (child) stack.push(child);
    }
  }
}

/** Reads the top-level definitions of Python source (a design's code block); never throws on bad Python. */
export function readPythonOutline(source: string): Promise<PythonOutline> {
  return withPythonTree(source, (root) => {
    const outline: PythonOutline = { classes: [], functions: [], constants: [], imports: [], parseErrorLines: [] };
    for (const statement of namedChildren(root)) {
      const unwrapped = unwrapDefinition(statement);
      if (unwrapped?.definition.type === 'class_definition') {
        const nested: OutlineClass[] = [];
        outline.classes.push(readClass(unwrapped.definition, unwrapped.decorators, nested));
        for (const inner of nested) outline.classes.push(inner);
      }
      else if (unwrapped?.definition.type === 'function_definition') outline.functions.push(readOutlineFunction(unwrapped.definition, unwrapped.decorators, null));
      else if (statement.type === 'import_statement' || statement.type === 'import_from_statement' || statement.type === 'future_import_statement') readImport(statement, outline.imports);
      else {
        const assignment = singleAssignment(statement);
        const left = assignment?.childForFieldName('left');
        const right = assignment?.childForFieldName('right');
        if (assignment && left?.type === 'identifier' && right) {
          const type = assignment.childForFieldName('type');
          outline.constants.push({ name: left.text, annotation: type ? type.text : null, value: right.text, line: lineOf(statement) });
        }
      }
    }
    collectErrorLines(root, outline.parseErrorLines);
    return outline;
  }, { partial: true });
}
