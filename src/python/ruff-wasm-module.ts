import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { compileWasm } from './wasm-tiers.js';

const require = createRequire(import.meta.url);

/** Ruff's package (its wasm-bindgen glue), as its types describe it. */
export type RuffPackage = typeof import('@astral-sh/ruff-wasm-nodejs');

/** A compiled `WebAssembly.Module` (the TypeScript libraries in use do not declare the type). */
export type CompiledWasm = object;

const webAssembly = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledWasm> } }).WebAssembly;
const GLUE_FILE = require.resolve('@astral-sh/ruff-wasm-nodejs');
// The glue's only contact with the outside: it reads and compiles its wasm, synchronously, on load.
const READ_LINE = "const wasmBytes = require('fs').readFileSync(wasmPath);";
const COMPILE_LINE = 'const wasmModule = new WebAssembly.Module(wasmBytes);';
const COMPILED = Symbol.for('backsmith.ruff-wasm-module');
const holder = globalThis as { [COMPILED]?: Promise<CompiledWasm> };

/**
 * Ruff's wasm, compiled once per process off this thread (V8 decodes an asynchronous compile on its
 * own threads), for the baseline compiler only (see wasm-tiers.ts). The thread that lints gets it
 * by message: reading and decoding 10 MB then overlaps that thread's own start instead of following it.
 */
export function compiledRuffWasm(): Promise<CompiledWasm> {
  // Read synchronously (~10 ms for 10 MB): an asynchronous read comes back in 512 KB pieces, each
  // only when this thread's event loop next turns, and while the CLI is still loading its modules
  // that took 130-280 ms, all of it on Ruff's path to its first lint.
  holder[COMPILED] ??= (async () => {
    const bytes = readFileSync(path.join(path.dirname(GLUE_FILE), 'ruff_wasm_bg.wasm'));
    return compileWasm('baseline', () => webAssembly.compile(bytes));
  })();
  return holder[COMPILED];
}

/**
 * Loads Ruff's package, instantiating `compiled` (from `compiledRuffWasm`) instead of reading and
 * compiling the wasm again; with no module, or glue that no longer loads its wasm as expected, it
 * is required as it is. Runs synchronously: the caller holds the tier flags (see wasm-tiers.ts).
 */
export function loadRuffPackage(compiled: CompiledWasm | null): RuffPackage {
  const glue = compiled ? readFileSync(GLUE_FILE, 'utf8') : '';
  if (!compiled || !glue.includes(READ_LINE) || !glue.includes(COMPILE_LINE)) return require('@astral-sh/ruff-wasm-nodejs') as RuffPackage;
  const source = glue.replace(READ_LINE, 'const wasmBytes = null;').replace(COMPILE_LINE, 'const wasmModule = compiledWasm;');
  const run = vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname', 'compiledWasm'], { filename: GLUE_FILE }) as (...values: unknown[]) => void;
  const module = { exports: {} };
  run(module.exports, require, module, GLUE_FILE, path.dirname(GLUE_FILE), compiled);
  return module.exports as RuffPackage;
}
