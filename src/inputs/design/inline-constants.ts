import { readPythonOutline } from './read-python-outline.js';
import type { DesignConstant } from './design-types.js';
import { isConstantName } from './python-block.js';

/** A short piece of code from the prose or a table (`MAX_MEMBERS = 12`), with its design line. */
export interface CodeSnippet {
  text: string;
  line: number;
}

/** Whether a code span might be a constant assignment; the parser decides for sure. */
export function mayBeAssignment(text: string): boolean {
  return /^[A-Z]/.test(text) && text.includes('=') && !text.includes('==');
}

/**
 * Reads constants from code spans in one parse: each snippet becomes one line of a synthetic
 * module, so a constant's line maps back to its snippet.
 */
export async function constantsFromSnippets(snippets: CodeSnippet[]): Promise<DesignConstant[]> {
  if (snippets.length === 0) return [];
  const module = await readPythonOutline(`${snippets.map((snippet) => snippet.text.replace(/\s*\n\s*/g, ' ')).join('\n')}\n`);
  const constants: DesignConstant[] = [];
  for (const constant of module.constants) {
    const snippet = snippets[constant.line - 1];
    if (!snippet || !isConstantName(constant.name)) continue;
    constants.push({ name: constant.name, value: constant.value, annotation: constant.annotation, origin: 'prose', line: snippet.line });
  }
  return constants;
}
