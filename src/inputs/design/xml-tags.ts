/**
 * A design an LLM wrote with XML-like tags instead of markdown (`<class name="X">`, `<method
 * signature="…">text</method>`, `<exception name="X" base="Y"/>`, `<module file="x.py">`), rewritten
 * line for line as the markdown the rest of the reader knows: a class heading, signature bullets, an
 * exceptions section. Only lines that open such a tag change; the tags must be the document's, not
 * an example's (lines inside fences are left alone).
 */
const MAX_LINE = 4000;
// Quoted values may hold `->`: a `>` inside quotes does not close the tag.
const TAG_LINE = /^\s*<(class|method|function|exception|exceptions|functions|module)\b((?:"[^"]*"|'[^']*'|[^>"'])*?)\/?>(.*)$/i;
const CLOSING_LINE = /^\s*<\/[A-Za-z][\w-]*>\s*$|^\s*<(?:design|api|spec)\b[^>]*>\s*$/i;
const attribute = (attributes: string, name: string): string | null => {
  // A signature holds quotes of its own (`sep: str = ","`): the value runs to the last quote of the tag.
  const match = new RegExp(`\\b${name}\\s*=\\s*"(.*)"`).exec(attributes) ?? new RegExp(`\\b${name}\\s*=\\s*'([^']*)'`).exec(attributes);
  return match ? match[1]!.replace(/"\s+\w+\s*=\s*".*$/, '') : null;
};

/** Whether the document is written in such tags (two tag lines with a name, signature or file at least). */
export function hasXmlTags(lines: string[], fenced: Uint8Array): boolean {
  let count = 0;
  for (let index = 0; index < lines.length && count < 2; index++) {
    if (!fenced[index] && lines[index]!.length <= MAX_LINE && /^\s*<(?:class|method|function|exception|module)\b[^>]*\b(?:name|signature|file)\s*=/i.test(lines[index]!)) count++;
  }
  return count >= 2;
}

/** Rewrites the tag lines in place (same number of lines). */
export function rewriteXmlTags(lines: string[], fenced: Uint8Array): void {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (fenced[index] || line.length > MAX_LINE) continue;
    if (CLOSING_LINE.test(line)) {
      lines[index] = '';
      continue;
    }
    const tag = TAG_LINE.exec(line);
    if (!tag) continue;
    const kind = tag[1]!.toLowerCase();
    const text = tag[3]!.replace(/<\/[A-Za-z][\w-]*>\s*$/, '').trim();
    const attributes = tag[2]!;
    if (kind === 'module') lines[index] = `Module: \`${attribute(attributes, 'file') ?? attribute(attributes, 'name') ?? ''}\`${text ? ` — ${text}` : ''}`;
    else if (kind === 'class') lines[index] = `## Class \`${attribute(attributes, 'name') ?? ''}\``;
    else if (kind === 'exceptions') lines[index] = '## Exceptions';
    else if (kind === 'functions') lines[index] = '## Functions';
    else if (kind === 'exception') {
      const base = attribute(attributes, 'base');
      lines[index] = `- \`${attribute(attributes, 'name') ?? ''}${base ? `(${base})` : ''}\`${text ? ` — ${text}` : ''}`;
    } else {
      const signature = attribute(attributes, 'signature');
      lines[index] = signature ? `- \`${signature}\`${text ? ` — ${text}` : ''}` : line;
    }
  }
}
