import path from 'node:path';
import { readPythonModule } from '../python/read-module.js';
import { stdlibStatus } from '../python/stdlib-modules.js';

/** A test file as the preflight reads it. */
export interface TestSource {
  path: string;
  text: string;
}

/** Modules tests import that are never the module under test. */
const TEST_TOOLS = new Set(['pytest', 'hypothesis', 'mock', 'freezegun', 'conftest', '_pytest', 'pytest_mock']);

/** What the deliverable may be imported beside. */
export interface TestImportsInput {
  /** The deliverable's module name (its file name without `.py`). */
  moduleName: string;
  /** How that name was decided, for the message (`the design`, `--feature/--module (flags)`). */
  nameSource: string;
  tests: TestSource[];
  /** Third-party modules the design or the configuration declares (never the module under test). */
  dependencies: string[];
}

/**
 * Why the acceptance tests cannot import the deliverable, or null when they can (or say nothing
 * either way). Parsed with the tree-sitter model: when no test file imports the deliverable's module
 * but one imports another module that is neither the standard library, a test tool, a declared
 * dependency nor a sibling test file, that module is what the tests expect, and every round would
 * "repair" a ModuleNotFoundError the model cannot fix.
 */
export async function testImportsProblem(input: TestImportsInput): Promise<string | null> {
  const siblings = new Set(input.tests.map((test) => path.basename(test.path).replace(/\.py$/, '')));
  const declared = new Set(input.dependencies.map((name) => name.toLowerCase()));
  const expected: Array<{ module: string; file: string; line: number }> = [];
  for (const test of input.tests) {
    const module = await readPythonModule(test.text);
    for (const entry of module.imports) {
      if (entry.level > 0 || entry.isTypeCheckingOnly || !entry.module) continue;
      const top = entry.module.split('.')[0]!;
      if (top === input.moduleName) return null;
      if (siblings.has(top) || TEST_TOOLS.has(top) || declared.has(top.toLowerCase()) || stdlibStatus(top).versions.length > 0) continue;
      expected.push({ module: top, file: path.basename(test.path), line: entry.line });
    }
  }
  const first = expected[0];
  if (!first) return null;
  const others = [...new Set(expected.map((entry) => entry.module))].filter((name) => name !== first.module);
  return (
    `${first.file} line ${first.line} imports \`${first.module}\`${others.length > 0 ? ` (and ${others.map((name) => `\`${name}\``).join(', ')})` : ''}, ` +
    `but the deliverable is ${input.moduleName}.py (named by ${input.nameSource}) and no test imports it: every draft would fail with ModuleNotFoundError. ` +
    `Name the deliverable as the tests do (--feature/--module so the file is ${first.module}.py) or change the tests' import`
  );
}
