/**
 * A design pasted from an HTML page or a wiki carries characters the readers do not expect: HTML
 * entities (`-&gt;`, `list&lt;int&gt;`, `&mdash;`), non-breaking spaces inside signatures, and
 * struck-out text (`~~old_method(self)~~`) that the design keeps for history and says not to build.
 * This rewrites them line for line (no line is added or removed): entities decoded, every kind of
 * space made a plain space, struck text outside code blocks left out. Linear in the text's length.
 */
import { decodeCharacterReferences } from '../markdown/character-references.js';

/** No-break, narrow no-break, figure, thin and other Unicode spaces; zero-width ones go. */
const ODD_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SPACE = /\s/;

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
  if (!/[&~\u00a0\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]/.test(text)) return text;
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
    lines[index] = line;
  }
  return lines.join('\n');
}
