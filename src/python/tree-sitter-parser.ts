import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import { mirrorTree, type SyntaxNode } from './syntax-node.js';

const require = createRequire(import.meta.url);
let parserPromise: Promise<Parser> | null = null;

/** Loads the tree-sitter runtime and the Python grammar once per process. */
export function loadPythonParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

/**
 * Parses Python source and hands the root of its plain-JS mirror to `use`. The wasm tree is
 * deleted as soon as it is mirrored: wasm memory is not garbage-collected, so a leaked tree leaks
 * for the life of the process; and reading the mirror never crosses the wasm boundary.
 */
export async function withPythonTree<T>(source: string, use: (root: SyntaxNode) => T): Promise<T> {
  const parser = await loadPythonParser();
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  let root: SyntaxNode;
  try {
    root = mirrorTree(tree, source);
  } finally {
    tree.delete();
  }
  return use(root);
}
