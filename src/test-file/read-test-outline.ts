import { emptyBodyFacts } from '../python/body-facts.js';
import { endLineOf, lineOf, namedChildren } from '../python/node-text.js';
import type { PythonClass, PythonFunction, PythonImport, PythonModule } from '../python/python-model.js';
import { readDocstring, readParameters, unwrapDefinition } from '../python/read-function.js';
import { readClassAttribute, readClassHeader } from '../python/read-module.js';
import { prunedSubtrees, type SyntaxNode as Node } from '../python/syntax-node.js';

function outlineFunction(node: Node, decorators: string[], className: string | null): PythonFunction {
  const body = node.childForFieldName('body');
  const returnType = node.childForFieldName('return_type');
  return {
    name: node.childForFieldName('name')?.text ?? '', line: lineOf(node), endLine: endLineOf(node), isAsync: node.child(0)?.type === 'async',
    decorators, parameters: readParameters(node.childForFieldName('parameters')), returnAnnotation: returnType ? returnType.text : null,
    docstring: readDocstring(body), body: emptyBodyFacts(), className,
  };
}

function outlineClass(node: Node, decorators: string[]): PythonClass {
  const { body, ...header } = readClassHeader(node, decorators);
  const cls: PythonClass = { ...header, attributes: [], methods: [] };
  for (const statement of body ? namedChildren(body) : []) {
    const unwrapped = unwrapDefinition(statement);
    if (unwrapped?.definition.type === 'function_definition') cls.methods.push(outlineFunction(unwrapped.definition, unwrapped.decorators, cls.name));
    else {
      const attribute = readClassAttribute(statement);
      if (attribute) cls.attributes.push(attribute);
    }
  }
  return cls;
}

function aliasOf(node: Node): { name: string; alias: string | null } {
  if (node.type === 'aliased_import') return { name: node.childForFieldName('name')?.text ?? '', alias: node.childForFieldName('alias')?.text ?? null };
  return { name: node.text, alias: null };
}

function outlineImport(node: Node): PythonImport[] {
  const common = { line: lineOf(node), isNested: node.parent?.type !== 'module', handlers: [], isTypeCheckingOnly: false, isMainBlockOnly: false };
  if (node.type === 'import_statement') {
    return namedChildren(node).map((child) => {
      const { name, alias } = aliasOf(child);
      return { module: name, names: [], nameAliases: [], alias, isFrom: false, level: 0, ...common };
    });
  }
  const moduleNode = node.childForFieldName('module_name');
  let module = node.type === 'future_import_statement' ? '__future__' : moduleNode?.text ?? '';
  let level = 0;
  if (moduleNode?.type === 'relative_import') {
    level = namedChildren(moduleNode).find((child) => child.type === 'import_prefix')?.text.length ?? 0;
    module = namedChildren(moduleNode).find((child) => child.type === 'dotted_name')?.text ?? '';
  }
  const imported = namedChildren(node).filter((child) => child.id !== moduleNode?.id && child.type !== 'wildcard_import').map(aliasOf);
  const wildcard = namedChildren(node).some((child) => child.type === 'wildcard_import');
  return [{
    module, names: [...imported.map((entry) => entry.name), ...(wildcard ? ['*'] : [])], nameAliases: [...imported.map((entry) => entry.alias), ...(wildcard ? [null] : [])],
    alias: null, isFrom: true, level, ...common,
  }];
}

/**
 * The outline of a test file that parses cleanly, in the shape of the module model: imports,
 * top-level classes (methods, attributes, docstrings) and functions, comments. Function bodies,
 * strings and the other facts the module checks need are left empty: the test-file checks read
 * bodies through their own walk, and reading them twice would double the cost.
 */
export function readTestOutline(root: Node, source: string): PythonModule {
  const module: PythonModule = {
    source, lineCount: source.length === 0 ? 0 : source.split('\n').length, docstring: readDocstring(root), imports: [], constants: [], classes: [], functions: [],
    strings: [], parseErrors: [], firstStatementLine: null, statements: [], comments: [], numbers: [], placeholderStatements: [], moduleBody: emptyBodyFacts(),
    stringExpressions: { assembled: [], dictKeys: [] },
  };
  const statements = namedChildren(root);
  module.firstStatementLine = statements[0] ? lineOf(statements[0]) : null;
  for (const statement of statements) {
    const unwrapped = unwrapDefinition(statement);
    if (unwrapped?.definition.type === 'class_definition') module.classes.push(outlineClass(unwrapped.definition, unwrapped.decorators));
    else if (unwrapped?.definition.type === 'function_definition') module.functions.push(outlineFunction(unwrapped.definition, unwrapped.decorators, null));
  }
  for (const node of root.descendantsOfType(['import_statement', 'import_from_statement', 'future_import_statement'])) module.imports.push(...outlineImport(node));
  module.comments = root.descendantsOfType('comment').map((node) => ({ text: node.text, line: lineOf(node), column: node.startPosition.column + 1 }));
  const pruned = prunedSubtrees(root);
  if (pruned.count > 0) module.tooDeep = { count: pruned.count, places: pruned.nodes.map((node) => ({ line: lineOf(node), column: node.startPosition.column + 1, nodeType: node.type })) };
  return module;
}
