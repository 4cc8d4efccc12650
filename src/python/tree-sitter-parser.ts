import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { compileRequestsWritten } from './compile-server.js';
import { withLiveNodes } from './live-node.js';
import { setRawCursorExports } from './raw-cursor.js';
import { pieceOffsets } from './compile-pieces.js';
import { mirrorInPieces, mirrorTree } from './mirror-walk.js';
import type { SyntaxNode } from './syntax-node.js';
import { compileWasm } from './wasm-tiers.js';

const require = createRequire(import.meta.url);
let parserPromise: Promise<Parser> | null = null;

/** The part of the WebAssembly global used here (the TypeScript libraries in use do not declare it). */
interface WebAssemblyApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: object; module: object }>;
}
const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
let runtimeFailed: (error: unknown) => void = () => undefined;

/**
 * The runtime's module object: web-tree-sitter builds it on the options object handed to
 * `Parser.init`, so the wasm exports the mirror calls directly are found on it (see raw-cursor.ts).
 */
const runtimeModule: Record<string, unknown> = {
  // The runtime's wasm is compiled here rather than by the runtime, so that only the compile
  // itself holds the tier flags (see wasm-tiers.ts), not the rest of the runtime's start.
  instantiateWasm(imports: object, receive: (instance: object, module: object) => void): Record<string, never> {
    const file = path.join(path.dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm');
    // Read synchronously, as the grammar below: an asynchronous read answers only when the event
    // loop next turns, and at start-up that waits on the CLI's module loading.
    void Promise.resolve()
      .then(() => readFileSync(file))
      .then((bytes) => compileWasm('tiered', () => webAssembly.instantiate(bytes, imports)))
      .then(({ instance, module }) => receive(instance, module), (error: unknown) => runtimeFailed(error));
    return {};
  },
};

/**
 * Loads the tree-sitter runtime (dynamic tiering: it pays on large modules) and the Python grammar
 * (baseline only) once per process; see wasm-tiers.ts.
 */
export function loadPythonParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    const failed = new Promise<never>((_resolve, reject) => (runtimeFailed = reject));
    await Promise.race([Parser.init(runtimeModule as Parameters<typeof Parser.init>[0]), failed]);
    setRawCursorExports(runtimeModule);
    const grammar = readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const language = await compileWasm('baseline', () => Language.load(grammar));
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
  /** Parse a large module in one piece (tests compare it with the pieces a mirror is otherwise built from, see mirror-walk.ts). */
  whole?: boolean;
}

function parseOrThrow(parser: Parser, source: string): Tree {
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/**
 * Parses Python source and hands the root of its syntax tree to `use`: a plain-JS mirror, built
 * in one walk, which never crosses the wasm boundary again (or live nodes, see `partial`). The
 * wasm tree is always deleted: wasm memory is not garbage-collected, so a leaked tree leaks for
 * the life of the process.
 */
export async function withPythonTree<T>(source: string, use: (root: SyntaxNode) => T, options: PythonTreeOptions = {}): Promise<T> {
  const parser = await loadPythonParser();
  // The parse and the reading are one synchronous stretch: the interpreter gets its source first.
  await compileRequestsWritten();
  const cuts = options.partial || options.whole ? null : pieceOffsets(source);
  const inPieces = cuts ? mirrorInPieces((text) => parseOrThrow(parser, text), source, cuts) : null;
  if (inPieces) return use(inPieces);
  const tree = parseOrThrow(parser, source);
  let root: SyntaxNode;
  try {
    if (options.partial) return withLiveNodes(tree, use);
    root = mirrorTree(tree, source);
  } finally {
    tree.delete();
  }
  return use(root);
}
