import { BacksmithError } from '../../errors.js';

/** The YAML front matter of a Markdown file and the body after it. */
export interface FrontMatterSplit {
  yaml: string;
  body: string;
  /** 1-based line of the first YAML line, to turn YAML error positions into file lines. */
  yamlStartLine: number;
}

const FENCE = /^---[ \t]*$/;

/**
 * Splits `---` delimited front matter from the body. Throws `BacksmithError` when the file does not
 * start with front matter or the closing `---` is missing.
 */
export function splitFrontMatter(text: string, source: string): FrontMatterSplit {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    throw new BacksmithError(
      `Agent file ${source} has no front matter: it must start with a line '---', then YAML with at least ` +
        `'description: ...', then a closing '---', then the instructions.`,
    );
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing < 0) {
    throw new BacksmithError(`Agent file ${source}: the front matter opened on line 1 is never closed; add a line '---' after the YAML.`);
  }
  return {
    yaml: lines.slice(1, closing).join('\n'),
    body: lines.slice(closing + 1).join('\n'),
    yamlStartLine: 2,
  };
}
