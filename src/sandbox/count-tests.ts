import path from 'node:path';
import type { PythonClass, PythonModule } from '../python/python-model.js';
import { readPythonModule } from '../python/read-module.js';
import type { SandboxFile } from './sandbox-types.js';

/** The tests the host finds in the test files, by style, as `file::Class::method` or `file::function`. */
export interface CountedTests {
  /** Methods `test*` of `unittest.TestCase` subclasses (inherited ones from bases in the same file included). */
  unittest: string[];
  /** pytest-style `test*` functions and `test*` methods of `Test*` classes (pytest collects `unittest` ones too). */
  pytestOnly: string[];
}

const lastPart = (name: string) => name.split('.').pop() ?? name;
const isFixture = (decorator: string) => /^@?\s*(?:pytest\.)?fixture\b/.test(decorator.trim());

/** `cls` and its bases defined in the same file (iterative, cycle-guarded), and the names of bases defined elsewhere. */
function lineage(cls: PythonClass, classes: Map<string, PythonClass>): { local: PythonClass[]; external: string[] } {
  const local: PythonClass[] = [];
  const external: string[] = [];
  const seen = new Set<string>();
  const pending = [cls];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (seen.has(current.name)) continue;
    seen.add(current.name);
    local.push(current);
    for (const base of current.bases) {
      const defined = classes.get(base);
      if (defined) pending.push(defined);
      else external.push(base);
    }
  }
  return { local, external };
}

/** Names of `test*` methods of `cls` and its bases defined in the same file. */
function testMethods(cls: PythonClass, classes: Map<string, PythonClass>): string[] {
  const names = new Set(lineage(cls, classes).local.flatMap((current) => current.methods.map((method) => method.name).filter((name) => name.startsWith('test'))));
  return [...names].sort();
}

/** Whether `cls` derives from a `TestCase` (by name: `unittest.TestCase`, `IsolatedAsyncioTestCase`, a framework's `TestCase`). */
function isTestCase(cls: PythonClass, classes: Map<string, PythonClass>): boolean {
  return lineage(cls, classes).external.some((base) => lastPart(base).endsWith('TestCase'));
}

/** Counts the tests of one parsed test file. */
export function countModuleTests(fileName: string, module: PythonModule): CountedTests {
  const classes = new Map(module.classes.map((cls) => [cls.name, cls]));
  const counted: CountedTests = { unittest: [], pytestOnly: [] };
  for (const cls of module.classes) {
    const collectable = !cls.attributes.some((attribute) => attribute.name === '__test__' && attribute.value === 'False');
    if (isTestCase(cls, classes)) {
      if (collectable) counted.unittest.push(...testMethods(cls, classes).map((method) => `${fileName}::${cls.name}::${method}`));
    } else if (cls.name.startsWith('Test') && collectable && !cls.methods.some((method) => method.name === '__init__')) {
      counted.pytestOnly.push(...testMethods(cls, classes).map((method) => `${fileName}::${cls.name}::${method}`));
    }
  }
  for (const fn of module.functions) {
    if (fn.name.startsWith('test') && !fn.decorators.some(isFixture)) counted.pytestOnly.push(`${fileName}::${fn.name}`);
  }
  return counted;
}

/** Counts, from the test files' syntax trees and before anything runs, the tests they define. */
export async function countTests(files: SandboxFile[]): Promise<CountedTests> {
  const counted: CountedTests = { unittest: [], pytestOnly: [] };
  for (const file of files) {
    const one = countModuleTests(file.name, await readPythonModule(file.content));
    counted.unittest.push(...one.unittest);
    counted.pytestOnly.push(...one.pytestOnly);
  }
  return counted;
}

/**
 * The host's key for a reported test: pytest's `file.py::Class::test[param]` and unittest's
 * `module.Class.test` both become `file.py::Class::test` (parameters dropped: a parametrised
 * test counts once), or null when the id names no known test file.
 */
export function testKey(id: string, fileNames: string[]): string | null {
  if (id.includes('::')) {
    const [file, ...rest] = id.split('::');
    const base = path.basename(file ?? '');
    if (!fileNames.includes(base) || rest.length === 0) return null;
    return [base, ...rest.map((part) => part.replace(/\[.*$/s, ''))].join('::');
  }
  for (const fileName of fileNames) {
    const stem = `${fileName.replace(/\.py$/, '')}.`;
    if (id.startsWith(stem)) return `${fileName}::${id.slice(stem.length).split('.').join('::')}`;
  }
  return null;
}
