/**
 * Unwraps a design written entirely inside one outer ```` ```markdown ```` (or bare ```` ``` ````) fence.
 * Inner ```` ```python ```` fences "close" such a wrapper early for a CommonMark reader, which then
 * sees half the design as one code block. The wrapper's fence lines are blanked (not removed), so
 * every line keeps its number.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*$/;
const MARKDOWN_LANGUAGES = new Set(['markdown', 'md', 'mdx', 'gfm', 'commonmark']);
const MARKDOWN_HEADING = /^ {0,3}#{1,6}[ \t]+\S/;
const PYTHON_START = /^\s*(def|class|import|from|@|async\s+def)\b/;

/** The document with its outer fence lines blanked, and whether there was one. */
export interface UnwrappedDesign {
  text: string;
  unwrapped: boolean;
}

interface FenceLine {
  index: number;
  marker: string;
  language: string;
}

function fenceAt(line: string, index: number): FenceLine | null {
  const match = FENCE.exec(line.replace(/\r$/, ''));
  return match ? { index, marker: match[1]!, language: match[2]!.toLowerCase() } : null;
}

/** Whether a bare-fenced body is a markdown document rather than a code sample. */
function looksLikeMarkdown(lines: string[], from: number): boolean {
  const firstContent = lines.slice(from, from + 50).find((line) => line.trim() !== '') ?? '';
  if (PYTHON_START.test(firstContent)) return false;
  let headings = 0;
  for (let index = from; index < lines.length && headings < 2; index++) if (MARKDOWN_HEADING.test(lines[index]!)) headings++;
  return headings >= 1 && MARKDOWN_HEADING.test(firstContent);
}

/** Blanks the outer fence of a wrapped design; other documents come back unchanged. */
export function unwrapOuterFence(text: string): UnwrappedDesign {
  const first = /\S/.exec(text.slice(0, 4096));
  if (!first || (first[0] !== '`' && first[0] !== '~')) return { text, unwrapped: false };
  const lines = text.split('\n');
  const openIndex = lines.findIndex((line) => line.trim() !== '');
  const open = openIndex < 0 ? null : fenceAt(lines[openIndex]!, openIndex);
  if (!open) return { text, unwrapped: false };
  const isMarkdown = MARKDOWN_LANGUAGES.has(open.language) || (open.language === '' && looksLikeMarkdown(lines, openIndex + 1));
  if (!isMarkdown) return { text, unwrapped: false };
  const fences: FenceLine[] = [];
  for (let index = openIndex + 1; index < lines.length; index++) {
    const fence = fenceAt(lines[index]!, index);
    if (fence && fence.marker[0] === open.marker[0]) fences.push(fence);
  }
  let close: FenceLine | undefined;
  if (open.marker.length > 3) {
    // A longer outer fence is closed only by a bare fence at least as long: CommonMark's own rule.
    close = fences.find((fence) => fence.language === '' && fence.marker.length >= open.marker.length);
  } else if (fences.length % 2 === 1) {
    // Inner fences come in pairs; the outer closer is the bare fence after which the rest pairs up.
    let inside = false;
    for (let position = 0; position < fences.length && !close; position++) {
      const fence = fences[position]!;
      if (inside) inside = fence.language !== '';
      else if (fence.language === '' && (fences.length - position - 1) % 2 === 0) close = fence;
      else inside = true;
    }
  }
  const blank = (index: number) => {
    lines[index] = lines[index]!.endsWith('\r') ? '\r' : '';
  };
  blank(openIndex);
  if (close) blank(close.index);
  return { text: lines.join('\n'), unwrapped: true };
}
