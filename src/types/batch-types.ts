import { sizesIfAllLarger } from '../inputs/large-files.js';
import { readTextFile } from '../inputs/read-text-file.js';
import { typeResults } from '../verify/checks/types/support/type-results.js';
import { MAX_MODULE_BYTES, typesTooLargeReason } from '../verify/verify-module.js';
import { startTypeChecker, type TypeChecker } from './type-checker.js';

/** How many modules ahead of the one being verified pyright is given, so it works alongside backsmith. */
const LOOK_AHEAD = 8;

/** Whether and how a batch of modules is type-checked. */
export interface BatchTypesOptions {
  /** true: always; false: never (`--no-types`); undefined: when the batch holds at most `maxFiles` modules. */
  types?: boolean;
  maxFiles: number;
  /** Modules longer than this (UTF-8 bytes) are not type-checked; undefined: any size (`--types`). */
  maxBytes?: number;
  /** Interpreter whose version pyright assumes (null: 3.11). */
  python: string | null;
  /** A checker the caller already runs (generate, the MCP server); it is not closed here. */
  typeChecker?: Pick<TypeChecker, 'check'>;
}

/** The type checking of one batch: what each module's verification gets, and how to end it. */
export interface BatchTypes {
  /** Options for module `index` of the batch: the checker, or why types are not checked. */
  forModule(index: number): { typeChecker: Pick<TypeChecker, 'check'>; typesMaxBytes?: number } | { typesSkipReason: string };
  close(): Promise<void>;
}

/**
 * Starts one pyright for the whole batch (one process, however many modules) at once, before any
 * module is parsed, and hands it the modules a few ahead of the one being verified; or says why
 * types are skipped (`--no-types`, or a batch larger than the default limit).
 */
export function startBatchTypes(files: readonly string[], options: BatchTypesOptions): BatchTypes {
  if (files.length === 0) return { forModule: () => ({ typesSkipReason: 'types not checked: no modules' }), close: async () => undefined };
  if (options.types === false || (options.types === undefined && files.length > options.maxFiles && !options.typeChecker)) {
    const typesSkipReason = options.types === false
      ? 'types not checked: --no-types given'
      : `types not checked: ${files.length} modules, more than the ${options.maxFiles} checked by default (pass --types to check them in one pyright run)`;
    return { forModule: () => ({ typesSkipReason }), close: async () => undefined };
  }
  const tooLarge = options.typeChecker || options.maxBytes === undefined ? null : sizesIfAllLarger(files, options.maxBytes);
  // pyright is not even started when no module is small enough for it (its start costs a second of CPU).
  if (tooLarge) return { forModule: (index) => ({ typesSkipReason: typesTooLargeReason(tooLarge[index]!, options.maxBytes!) }), close: async () => undefined };
  const owned = options.typeChecker ? null : startTypeChecker({ python: options.python });
  const checker = options.typeChecker ?? owned!;
  let submitted = 0;
  const submitUpTo = (end: number) => {
    for (; submitted < Math.min(end, files.length); submitted++) {
      const file = files[submitted]!;
      // Read as verifyModule reads it (same text, so its check finds this answer); an unreadable file is reported when its turn comes.
      void readTextFile(file, { maxBytes: MAX_MODULE_BYTES, label: 'Python module' }).then((source) => {
        // One too large to check is not started either: pyright would spend its CPU on it in the background.
        if (options.maxBytes === undefined || Buffer.byteLength(source) <= options.maxBytes) void typeResults(checker, source, file);
      }, () => undefined);
    }
  };
  return {
    forModule(index) {
      submitUpTo(index + LOOK_AHEAD);
      return { typeChecker: checker, ...(options.maxBytes !== undefined ? { typesMaxBytes: options.maxBytes } : {}) };
    },
    close: async () => owned?.close(),
  };
}
