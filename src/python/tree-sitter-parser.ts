import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import { withLiveNodes } from './live-node.js';
import { setRawCursorExports } from './raw-cursor.js';
import { mirrorTree, type SyntaxNode } from './syntax-node.js';

const require = createRequire(import.meta.url);
let parserPromise: Promise<Parser> | null = null;

/**
 * The runtime's module object: web-tree-sitter builds it on the options object handed to
 * `Parser.init`, so the wasm exports the mirror calls directly are found on it (see raw-cursor.ts).
 */
const runtimeModule: Record<string, unknown> = {};

/** Loads the tree-sitter runtime and the Python grammar once per process. */
export function loadPythonParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init(runtimeModule as Parameters<typeof Parser.init>[0]);
    setRawCursorExports(runtimeModule);
    const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

/** How a reader will read the tree. */
export interface PythonTreeOptions {
  /**
   * The reader looks at a small part of the tree (top-level statements, signatures): hand it nodes
   * that read the wasm tree on demand, valid only until `use` returns, instead of a full mirror.
   */
  partial?: boolean;
}

/**
 * Parses Python source and hands the root of its syntax tree to `use`: a plain-JS mirror, built
 * in one walk, which never crosses the wasm boundary again (or live nodes, see `partial`). The
 * wasm tree is always deleted: wasm memory is not garbage-collected, so a leaked tree leaks for
 * the life of the process.
 */
export async function withPythonTree<T>(source: string, use: (root: SyntaxNode) => T, options: PythonTreeOptions = {}): Promise<T> {
  const parser = await loadPythonParser();
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  let root: SyntaxNode;
  try {
    if (options.partial) return withLiveNodes(tree, use);
    root = mirrorTree(tree, source);
  } finally {
    tree.delete();
  }
  return use(root);
}
