import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BacksmithError } from '../errors.js';
import { readTextFile } from '../inputs/read-text-file.js';
import type { BacksmithConfig } from './config-schema.js';
import { defaultConfig } from './default-config.js';

/** Name of the configuration file looked for in the working directory. */
export const CONFIG_FILE_NAME = 'backsmith.config.json';

/** Largest configuration file read: far beyond any real one, small enough to refuse a wrong file at once. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** `at position 14` of JSON.parse's message, as a line and column the user can go to. */
function jsonErrorWhere(message: string, text: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** The parsed file, or undefined when it does not exist; any other problem is a one-line BacksmithError. */
async function readJson(file: string): Promise<unknown | undefined> {
  const missing = await stat(file).then(() => false, (error: NodeJS.ErrnoException) => error.code === 'ENOENT');
  if (missing) return undefined;
  // Directories, unreadable, oversized, binary, UTF-16 or non-UTF-8 files get readTextFile's one-line messages; a BOM is dropped.
  const text = await readTextFile(file, { label: 'Configuration', maxBytes: MAX_CONFIG_BYTES });
  try {
    return JSON.parse(text);
  } catch (error) {
    // The parser's message quotes the text: control characters would garble the terminal.
    const reason = jsonErrorWhere((error as Error).message, text).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
    throw new BacksmithError(`Configuration ${file} is not valid JSON: ${reason}`);
  }
}

async function validate(raw: unknown, source: string): Promise<BacksmithConfig> {
  // zod loads only when there is a file to validate: without one, a cold `verify` spends no CPU on it.
  const [{ configSchema }, { closestKey }] = await Promise.all([import('./config-schema.js'), import('./closest-key.js')]);
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  // One line, as every error: the problems side by side.
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message.replace(/\s*\n\s*/g, ' ')}${issue.code === 'unrecognized_keys' ? issue.keys.map((key) => closestKey(key, configSchema, issue.path)).join('') : ''}`);
  throw new BacksmithError(`Invalid configuration in ${source}: ${problems.join('; ')}.`);
}

/**
 * Loads the configuration: an explicit file when given (it must exist), otherwise
 * `backsmith.config.json` or the `backsmith` key of `package.json` in `directory`, otherwise defaults.
 */
export async function loadConfig(explicitFile?: string, directory: string = process.cwd()): Promise<BacksmithConfig> {
  if (explicitFile) {
    const raw = await readJson(explicitFile);
    if (raw === undefined) throw new BacksmithError(`Configuration file not found: ${explicitFile}`);
    // `--config package.json` means its "backsmith" key, as when package.json is found on its own.
    if (path.basename(explicitFile) === 'package.json' && raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const section = (raw as Record<string, unknown>).backsmith;
      if (section === undefined) throw new BacksmithError(`Configuration ${explicitFile} has no "backsmith" key: add one, or give a backsmith.config.json.`);
      return validate(section, `${explicitFile}#backsmith`);
    }
    return validate(raw, explicitFile);
  }
  const configFile = path.join(directory, CONFIG_FILE_NAME);
  const raw = await readJson(configFile);
  if (raw !== undefined) return validate(raw, configFile);
  const packageJson = (await readJson(path.join(directory, 'package.json'))) as Record<string, unknown> | undefined;
  if (packageJson && typeof packageJson === 'object' && packageJson.backsmith !== undefined) {
    return validate(packageJson.backsmith, 'package.json#backsmith');
  }
  return defaultConfig();
}
