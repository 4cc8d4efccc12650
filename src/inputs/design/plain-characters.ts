/**
 * A design pasted from an HTML page or a wiki carries characters the readers do not expect: HTML
 * entities (`-&gt;`, `list&lt;int&gt;`, `&mdash;`), non-breaking spaces inside signatures, and
 * struck-out text (`~~old_method(self)~~`) that the design keeps for history and says not to build.
 * This rewrites them line for line (no line is added or removed): entities decoded, every kind of
 * space made a plain space, struck text outside code blocks left out, emoji that open a heading or a
 * bullet (`### 🔹 \`Till.scan(…)\``) dropped, and a signature whose code span wraps onto the next
 * line joined back onto its first line (the next line left blank). Linear in the text's length.
 */
import { decodeCharacterReferences } from '../markdown/character-references.js';

/** No-break, narrow no-break, figure, thin and other Unicode spaces; zero-width ones go. */
const ODD_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SPACE = /\s/;
/** Emoji right after a heading's or a bullet's marker (or at the start of a line). */
const LEADING_EMOJI = /^(\s*(?:#{1,6}\s+|[-*+]\s+|\d{1,3}[.)]\s+|>\s*)?)(?:[\p{Extended_Pictographic}\uFE0F\u200D]+\s*)+/u;
/** A line that starts something else: a heading, a bullet, a quote, a table row, a fence. */
const STARTS_BLOCK = /^\s*(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|\||```|~~~)/;
const MAX_WRAPPED_LINES = 3;

/** Whether a line leaves a code span open that holds a signature's opening parenthesis. */
function opensWrappedSignature(line: string): boolean {
  const ticks = line.split('`').length - 1;
  return ticks % 2 === 1 && /`[^`]*\([^`)]*$/.test(line);
}

/** The line without its `~~struck~~` parts (pairs of `~~` not part of a longer run), in one pass. */
function withoutStruck(line: string): string {
  const marks: number[] = [];
  for (let index = line.indexOf('~~'); index >= 0; index = line.indexOf('~~', index + 2)) {
    let end = index + 2;
    while (line[end] === '~') end++;
    if (end - index === 2 && line[index - 1] !== '~') marks.push(index);
    index = end - 2;
  }
  let kept = '';
  let from = 0;
  for (let index = 0; index + 1 < marks.length; index++) {
    const open = marks[index]!;
    const close = marks[index + 1]!;
    if (SPACE.test(line[open + 2] ?? ' ') || SPACE.test(line[close - 1] ?? ' ')) continue;
    kept += line.slice(from, open);
    from = close + 2;
    index++;
  }
  return from === 0 ? line : kept + line.slice(from);
}

/** The text with entities decoded, odd spaces made plain and struck-out text (outside code blocks) left out. */
export function plainCharacters(text: string): string {
  if (!/[&~`\u00a0\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]|\p{Extended_Pictographic}/u.test(text)) return text;
  const lines = text.split('\n');
  let fence: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;
    const marker = FENCE.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === null ? marker : null;
      continue;
    }
    line = decodeCharacterReferences(line).replace(ODD_SPACE, ' ').replace(ZERO_WIDTH, '');
    if (fence === null && line.includes('~~')) line = withoutStruck(line);
    if (fence === null) line = line.replace(LEADING_EMOJI, '$1');
    // `- \`book(self, member: str,` wrapped, `  start: datetime) -> Booking\``: the span is joined on its first line.
    for (let next = index + 1; fence === null && next <= index + MAX_WRAPPED_LINES && next < lines.length && line.length < 2000 && opensWrappedSignature(line); next++) {
      const following = lines[next]!;
      if (following.trim() === '' || STARTS_BLOCK.test(following)) break;
      line = `${line.replace(/\s+$/, '')} ${following.trim()}`;
      lines[next] = '';
    }
    lines[index] = line;
  }
  return lines.join('\n');
}
