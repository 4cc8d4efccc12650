import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import type { Tree } from 'web-tree-sitter';

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
 * Parses Python source and hands the tree to `use`, deleting the tree afterwards:
 * wasm memory is not garbage-collected, so a leaked tree leaks for the life of the process.
 */
export async function withPythonTree<T>(source: string, use: (tree: Tree) => T): Promise<T> {
  const parser = await loadPythonParser();
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}
