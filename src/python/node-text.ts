import type { SyntaxNode as Node } from './syntax-node.js';

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0',
};

/** Named children of a node, skipping comments. */
export function namedChildren(node: Node): readonly Node[] {
  const named = node.namedChildren;
  // Comments are rare: most nodes hand out their own (cached) list.
  return named.some((child) => child.type === 'comment') ? named.filter((child) => child.type !== 'comment') : named;
}

/** 1-based line of a node's start. */
export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

/** 1-based line of a node's end. */
export function endLineOf(node: Node): number {
  return node.endPosition.row + 1;
}

function decodeEscapes(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|.)/gs, (match, code: string) => {
    if (code[0] === 'x' || code[0] === 'u' || code[0] === 'U') return String.fromCodePoint(parseInt(code.slice(1), 16));
    if (code === '\n') return '';
    return SIMPLE_ESCAPES[code] ?? match;
  });
}

/** Whether a `string` node is an f-string (its prefix contains f or F). */
export function isFString(node: Node): boolean {
  const start = node.child(0);
  return !!start && /[fF]/.test(start.text.replace(/["']/g, ''));
}

/**
 * Decoded text of a `string` or `concatenated_string` node. Interpolations of f-strings are
 * kept as `{expression}` so that callers can treat them as placeholders.
 */
export function stringValue(node: Node): string {
  if (node.type === 'concatenated_string') return namedChildren(node).map(stringValue).join('');
  const start = node.child(0);
  const isRaw = !!start && /[rR]/.test(start.text);
  const formatted = isFString(node);
  let text = '';
  for (const child of namedChildren(node)) {
    if (child.type === 'string_content') {
      const content = isRaw ? child.text : decodeEscapes(child.text);
      // In an f-string `{{` and `}}` are escaped braces: at run time they are single braces.
      text += formatted ? content.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : content;
    }
    else if (child.type === 'interpolation') {
      const expression = child.childForFieldName('expression');
      // `!r` is kept: a repr quotes a str value, which message matching must know.
      const repr = child.namedChildren.some((part) => part.type === 'type_conversion' && part.text === '!r');
      text += `{${expression ? expression.text : ''}${repr ? '!r' : ''}}`;
    } else if (child.type === 'escape_sequence') text += decodeEscapes(child.text);
  }
  return text;
}

/** Longest text `dottedName` returns whole; real names are far shorter, and facts keep one per call. */
const MAX_DOTTED_LENGTH = 400;

/**
 * Dotted name text of a callee or base class (`self.store.get`), or the raw text otherwise. Text
 * longer than MAX_DOTTED_LENGTH (a chain of thousands of calls) is cut, ending in `…`, so that
 * the nested calls of a chain cost linear time, not quadratic.
 */
export function dottedName(node: Node): string {
  const { startIndex, endIndex } = node;
  if (endIndex - startIndex <= MAX_DOTTED_LENGTH) return node.text.replace(/\s+/g, '');
  return `${node.text.slice(0, MAX_DOTTED_LENGTH).replace(/\s+/g, '')}…`;
}
