/** A fenced code block in a Markdown reply. Lines are 1-based, as in the reply. */
export interface FencedBlock {
  /** The info string after the opening fence, e.g. `python`, `py title="x.py"`, or ''. */
  info: string;
  /** The first word of the info string, lower-cased ('' when unlabelled). */
  language: string;
  fence: string;
  /** Line of the opening fence. */
  startLine: number;
  /** Line of the closing fence, or the reply's last line when the block is never closed. */
  endLine: number;
  closed: boolean;
  /** The text between the fences, with the fence's indentation removed and a final newline. */
  content: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

function closes(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!match && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
}

function dedent(line: string, indent: number): string {
  let removed = 0;
  while (removed < indent && line[removed] === ' ') removed++;
  return line.slice(removed);
}

/** Finds CommonMark fenced code blocks (``` or ~~~, any length, indented up to three spaces). */
export function findFencedBlocks(lines: readonly string[]): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = OPENING.exec(lines[index]!);
    if (!opening) continue;
    const [, indent, fence, rest] = opening as unknown as [string, string, string, string];
    // A backtick fence's info string may not contain backticks (that is inline code).
    if (fence[0] === '`' && rest.includes('`')) continue;
    let end = index + 1;
    while (end < lines.length && !closes(lines[end]!, fence)) end++;
    const closed = end < lines.length;
    const body = lines.slice(index + 1, end).map((line) => dedent(line, indent.length));
    const info = rest.trim();
    blocks.push({
      info,
      language: (info.split(/[\s{:,]/)[0] ?? '').toLowerCase(),
      fence,
      startLine: index + 1,
      endLine: closed ? end + 1 : lines.length,
      closed,
      content: body.length > 0 ? `${body.join('\n')}\n` : '',
    });
    index = end;
  }
  return blocks;
}
