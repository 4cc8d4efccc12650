import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { BacksmithError } from '../errors.js';
import { findCommand } from '../python/resolve-python-command.js';

function executableFile(file: string): 'ok' | 'missing' | 'not-executable' {
  try {
    if (!statSync(file).isFile()) return 'not-executable';
  } catch {
    return 'missing';
  }
  try {
    accessSync(file, constants.X_OK);
    return 'ok';
  } catch {
    return 'not-executable';
  }
}

/**
 * Checks an interpreter named on the command line (`--python`) before anything runs: a path must
 * be an executable file, a bare name must be on PATH. Without this check a mistyped interpreter
 * only showed as "syntax judged by tree-sitter" and a failed sandbox, after the whole run; an
 * interpreter the user did not name (the default `python3`) keeps that fallback.
 */
export function checkPythonOption(python: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  if (python === undefined) return;
  if (python.trim() === '') throw new BacksmithError('--python is empty: give an interpreter such as /usr/bin/python3.');
  if (python.includes('/')) {
    const state = executableFile(path.resolve(python));
    if (state === 'missing') throw new BacksmithError(`--python ${python}: no such file. Give an interpreter such as /usr/bin/python3.`);
    if (state === 'not-executable') throw new BacksmithError(`--python ${python} is not an executable file. Give an interpreter such as /usr/bin/python3.`);
    return;
  }
  if (findCommand(python, { env, cwd: process.cwd() }) === null) throw new BacksmithError(`--python ${python} is not on PATH. Give its full path, such as /usr/bin/python3.`);
}
