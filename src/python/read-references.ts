import type { SyntaxNode as Node } from './syntax-node.js';
import { dottedName, lineOf } from './node-text.js';
import type { ReferenceFact } from './python-model.js';
import { loopBindingOf } from './loop-binding.js';
import { plainStringValue } from './value-facts.js';

const ASSIGNING_PARENTS = new Set(['assignment', 'augmented_assignment']);
const MAX_ARGUMENT_TEXT = 120;
/** Shared by calls without arguments of a kind: facts are read, never changed. */
const NO_ARGUMENTS: Array<{ literal: string | null; text: string }> = Object.freeze([]) as unknown as Array<{ literal: string | null; text: string }>;
const NO_KEYWORDS: string[] = Object.freeze([]) as unknown as string[];
/** Calls whose second argument names an attribute: where a computed name comes from is recorded. */
const ATTRIBUTE_NAME_CALLS = new Set(['getattr', 'setattr', 'delattr', 'hasattr']);

function isPlainChain(node: Node): boolean {
  let current: Node | null = node;
  while (current?.type === 'attribute') current = current.childForFieldName('object');
  return current?.type === 'identifier';
}

/** Whether the node is written to: the left of `=`/`+=` (also inside a tuple target), or a `del` target. */
function isWriteTarget(node: Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent && (parent.type === 'pattern_list' || parent.type === 'tuple_pattern' || parent.type === 'list_pattern' || parent.type === 'expression_list')) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  if (parent.type === 'delete_statement') return true;
  return ASSIGNING_PARENTS.has(parent.type) && parent.childForFieldName('left')?.id === child.id;
}

function readCall(node: Node): ReferenceFact | null {
  const callee = node.childForFieldName('function');
  if (!callee || (callee.type !== 'identifier' && !(callee.type === 'attribute' && isPlainChain(callee)))) return null;
  const { children } = node.childForFieldName('arguments') ?? node;
  // Counted first: facts of every call are kept, and arrays filled by push keep spare room.
  let keywordCount = 0;
  let positionalCount = 0;
  for (let index = 0; index < children.length; index++) {
    const argument = children[index]!;
    if (!argument.isNamed || argument.type === 'comment') continue;
    if (argument.type === 'keyword_argument') keywordCount++;
    else positionalCount++;
  }
  const positional: NonNullable<ReferenceFact['arguments']> = positionalCount === 0 ? NO_ARGUMENTS : new Array(positionalCount);
  const namesAttribute = callee.type === 'identifier' && ATTRIBUTE_NAME_CALLS.has(callee.text);
  const keywords: string[] = keywordCount === 0 ? NO_KEYWORDS : new Array(keywordCount);
  positionalCount = 0;
  keywordCount = 0;
  for (let index = 0; index < children.length; index++) {
    const argument = children[index]!;
    if (!argument.isNamed || argument.type === 'comment') continue;
    if (argument.type === 'keyword_argument') keywords[keywordCount++] = argument.childForFieldName('name')?.text ?? '';
    else {
      const literal = argument.type === 'string' || argument.type === 'concatenated_string' ? plainStringValue(argument) : null;
      const fact: NonNullable<ReferenceFact['arguments']>[number] = { literal, text: argument.text.slice(0, MAX_ARGUMENT_TEXT) };
      if (namesAttribute && positionalCount === 1 && literal === null) {
        // `setattr(obj, key, ...)` in `for key, value in changes.items()`, `getattr(self, f.name)` in `for f in fields(self)`.
        const root = argument.type === 'attribute' ? argument.childForFieldName('object') : argument;
        const loop = root?.type === 'identifier' ? loopBindingOf(node, root.text) : null;
        if (loop) fact.loop = loop;
      }
      positional[positionalCount++] = fact;
    }
  }
  return { kind: 'call', name: dottedName(callee), attribute: null, line: lineOf(node), assigned: false, arguments: positional, keywords };
}

/** Builtins recorded when used as a value (`g = getattr`), not called: aliases hide later calls. */
const VALUE_BUILTINS = new Set(['getattr', 'setattr', 'delattr', 'vars', 'exec', 'eval', 'compile']);

function isBareValue(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'call' && parent.childForFieldName('function')?.id === node.id) return false;
  if (parent.type === 'attribute' || parent.type === 'keyword_argument' && parent.childForFieldName('name')?.id === node.id) return false;
  if (['function_definition', 'class_definition', 'import_from_statement', 'aliased_import', 'dotted_name'].includes(parent.type)) return false;
  return !(parent.type === 'assignment' && parent.childForFieldName('left')?.id === node.id);
}

/**
 * Every attribute access, call of a plain name or dotted chain, and use of a dunder name, anywhere
 * in the module (nested functions and class bodies included), in source order: the facts a check
 * needs to see what the module reaches for, whatever scope it hides in.
 */
export function readReferences(root: Node): ReferenceFact[] {
  const references: ReferenceFact[] = [];
  // One list per type, merged here by preorder number: asking for the three types at once sorts them together.
  const attributes = root.descendantsOfType('attribute');
  const identifiers = root.descendantsOfType('identifier');
  const calls = root.descendantsOfType('call');
  let nextAttribute = 0;
  let nextIdentifier = 0;
  let nextCall = 0;
  for (;;) {
    const attributeNode = attributes[nextAttribute];
    const identifierNode = identifiers[nextIdentifier];
    const callNode = calls[nextCall];
    let node: Node;
    if (attributeNode && (!identifierNode || attributeNode.id < identifierNode.id) && (!callNode || attributeNode.id < callNode.id)) node = attributes[nextAttribute++]!;
    else if (identifierNode && (!callNode || identifierNode.id < callNode.id)) node = identifiers[nextIdentifier++]!;
    else if (callNode) node = calls[nextCall++]!;
    else break;
    if (node.type === 'call') {
      const call = readCall(node);
      if (call) references.push(call);
      continue;
    }
    if (node.type === 'identifier') {
      const text = node.text;
      const dunder = text.startsWith('__') && text.endsWith('__') && node.parent?.type !== 'attribute';
      if (dunder || (VALUE_BUILTINS.has(text) && isBareValue(node))) {
        references.push({ kind: 'name', name: text, attribute: null, line: lineOf(node), assigned: isWriteTarget(node) });
      }
      continue;
    }
    const attribute = node.childForFieldName('attribute')?.text ?? '';
    // A plain chain is recorded once, whole (`sys.modules.values`), not once per prefix.
    const plain = isPlainChain(node);
    const parent = node.parent;
    if (plain && parent?.type === 'attribute' && parent.childForFieldName('object')?.id === node.id) continue;
    references.push({ kind: 'attribute', name: plain ? dottedName(node) : null, attribute, line: lineOf(node), assigned: isWriteTarget(node) });
  }
  return references;
}
