import path from 'node:path';
import type { DesignSpec } from '../inputs/design/design-types.js';
import type { StoriesSpec } from '../inputs/stories/story-types.js';
import type { PythonModule } from '../python/python-model.js';
import { checkSyntax, type SyntaxVerdict } from '../python/python-syntax.js';
import { buildModuleModel } from '../python/read-module.js';
import { withPythonTree } from '../python/tree-sitter-parser.js';
import { extractModule } from '../sanitize/extract-module.js';
import { knownApi, type KnownApi } from './known-api.js';
import { readTestFacts, type TestFacts } from './read-test-facts.js';
import { readTestOutline } from './read-test-outline.js';
import { MeaningResolver } from './resolve-meaning.js';

/** What was removed around the code of a test file given wrapped in fences or prose. */
export interface TestFileWrapping {
  /** `removed code fence (```python), 3 lines of prose`. */
  summary: string;
  /** First removed line of the file. */
  line: number;
}

/** Everything the test-file checks read about one test file. */
export interface TestFileContext {
  /** Path as given, for messages and reports. */
  path: string;
  /** Base name, as the test runner names its tests (`test_x.py::Class::test`). */
  fileName: string;
  /** The file's text as given. */
  source: string;
  /** The Python code alone (fences and prose removed), ending with a newline. */
  code: string;
  /** Set when fences or prose were removed around the code. */
  wrapping: TestFileWrapping | null;
  /** Why the file holds no valid Python (and a likely cause), or null when its code is valid. */
  invalid: { line: number; column: number; message: string; note?: string } | null;
  syntax: SyntaxVerdict | null;
  /** Facts of the analysed code; its lines are the file's lines whenever the removed parts could be blanked in place. */
  module: PythonModule;
  facts: TestFacts;
  resolver: MeaningResolver;
  /** Import name of the deliverable (`clinic_booking_scheduler`). */
  moduleName: string;
  api: KnownApi;
  design?: DesignSpec;
  stories?: StoriesSpec;
  /** The module under test, when known. */
  targetModule?: PythonModule;
}

/** What to build a test-file context from. */
export interface TestFileContextInput {
  path: string;
  source: string;
  moduleName: string;
  design?: DesignSpec;
  stories?: StoriesSpec;
  /** The module under test, parsed, when known. */
  targetModule?: PythonModule;
  /** Interpreter for CPython's verdict on the code; null or absent: tree-sitter decides. */
  python?: string | null;
}

const meaningful = (text: string) => text.split('\n').filter((line) => line.trim() !== '').join('\n');

/** The code of a wrapped file with the removed lines blanked in place, when that gives exactly the extracted code. */
function blankedInPlace(source: string, code: string, removed: Array<{ startLine: number; endLine: number }>): string | null {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  for (const part of removed) for (let line = part.startLine; line <= part.endLine; line++) lines[line - 1] = '';
  const blanked = `${lines.join('\n').replace(/\s+$/, '')}\n`;
  return meaningful(blanked) === meaningful(code) ? blanked : null;
}

async function parse(code: string, moduleName: string): Promise<{ module: PythonModule; facts: TestFacts }> {
  // A clean file needs only its outline; a broken one the full model (its parse errors guide the sanitizer).
  return withPythonTree(code, (root) => ({ module: root.hasError ? buildModuleModel(root, code) : readTestOutline(root, code), facts: readTestFacts(root, moduleName) }));
}

/** The code to analyse: the file itself, or the code a sanitizer finds inside fences and prose. */
async function codeOf(source: string, first: { module: PythonModule }): Promise<{ code: string; analysed: string | null; wrapping: TestFileWrapping | null; failure: string | null }> {
  if (first.module.parseErrors.length === 0 || first.module.tooDeep) return { code: source, analysed: null, wrapping: null, failure: null };
  const extracted = await extractModule(source).catch((error: Error) => ({ ok: false as const, error: { reason: error.message } }));
  if (!extracted.ok) return { code: source, analysed: null, wrapping: null, failure: extracted.error.reason };
  const { code, stripped, summary } = extracted.value;
  if (stripped.length === 0) return { code: source, analysed: null, wrapping: null, failure: null };
  return { code, analysed: blankedInPlace(source, code, stripped) ?? code, wrapping: { summary, line: stripped[0]!.startLine }, failure: null };
}

function literalLineBreaks(source: string): boolean {
  const lines = source.split('\n').filter((line) => line.trim() !== '');
  return lines.some((line) => (line.match(/\\n/g) ?? []).length >= 3 && /\\n\s*(def|class|import|from)\b/.test(line));
}

/** Reads a test file: strips fences and prose, decides whether it is Python, walks it, and prepares what its checks read. */
export async function buildTestFileContext(input: TestFileContextInput): Promise<TestFileContext> {
  const first = await parse(input.source, input.moduleName);
  const { code, analysed, wrapping, failure } = await codeOf(input.source, first);
  const { module, facts } = analysed === null ? first : await parse(analysed, input.moduleName);
  const fileName = path.basename(input.path);
  let invalid: TestFileContext['invalid'] = null;
  let syntax: SyntaxVerdict | null = null;
  if (failure && !wrapping) {
    const error = first.module.parseErrors[0];
    invalid = { line: error?.line ?? 0, column: error?.column ?? 0, message: failure.replace(/\bthe reply\b/g, 'the file').replace(/\bthe reply's\b/g, "the file's") };
  } else {
    syntax = await checkSyntax(analysed ?? input.source, module, fileName, input.python ?? null);
    if (!syntax.ok) invalid = { line: syntax.error?.line ?? 0, column: syntax.error?.column ?? 0, message: syntax.error?.message ?? 'invalid syntax' };
  }
  if (invalid && literalLineBreaks(input.source)) invalid.note = 'the file holds literal \\n escapes where line breaks belong';
  // What lies below the reader's depth bound was not read: the checks cannot vouch for it.
  if (!invalid && module.tooDeep) {
    const first = module.tooDeep.places[0];
    invalid = { line: first?.line ?? 0, column: first?.column ?? 0, message: `nested deeper than backsmith reads, in ${module.tooDeep.count} place(s)` };
  }
  const api = knownApi(input.design, input.targetModule);
  return {
    path: input.path, fileName, source: input.source, code: code.endsWith('\n') ? code : `${code}\n`, wrapping, invalid, syntax,
    module, facts, resolver: new MeaningResolver(facts, api), moduleName: input.moduleName, api,
    ...(input.design ? { design: input.design } : {}),
    ...(input.stories ? { stories: input.stories } : {}),
    ...(input.targetModule ? { targetModule: input.targetModule } : {}),
  };
}
