import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './python/package-paths.js';

/** backsmith's version, read from its package.json. */
export const BACKSMITH_VERSION: string = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
