import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BacksmithError } from '../errors.js';
import type { BacksmithConfig } from './config-schema.js';
import { defaultConfig } from './default-config.js';

/** Name of the configuration file looked for in the working directory. */
export const CONFIG_FILE_NAME = 'backsmith.config.json';

async function readJson(file: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BacksmithError(`Cannot read configuration ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BacksmithError(`Configuration ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

async function validate(raw: unknown, source: string): Promise<BacksmithConfig> {
  // zod loads only when there is a file to validate: without one, a cold `verify` spends no CPU on it.
  const { configSchema } = await import('./config-schema.js');
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  // One line, as every error: the problems side by side.
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message.replace(/\s*\n\s*/g, ' ')}`);
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
