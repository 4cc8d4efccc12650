// Runs every bench/*.bench.js file in turn; each prints its own figures (medians).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const directory = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(directory).filter((name) => name.endsWith('.bench.js') && (!only || name.includes(only))).sort();
for (const file of files) {
  console.log(`\n== ${file.replace('.bench.js', '')} ==`);
  const bench = await import(pathToFileURL(path.join(directory, file)).href);
  await bench.default();
}
