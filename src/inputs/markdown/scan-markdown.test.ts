import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Root, Table } from 'mdast';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plainText, readMarkdown, readTable, type MarkdownDocument } from './markdown-document.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.join(REPO, 'test-fixtures/designs');
const SHARED = path.resolve(REPO, '../shared/examples');

function markdownFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

/** What the readers use of a document: each block's kind, line, heading path and text. */
function outline(document: MarkdownDocument): string[] {
  return document.blocks.map((block) => {
    const node = block.node;
    const extra = node.type === 'code' ? `[${node.lang ?? ''}]` : node.type === 'heading' ? `#${node.depth}` : '';
    return `${block.line} ${node.type}${extra} <${block.headings.map((heading) => heading.text).join('/')}> ${plainText(node).replace(/\s+/g, ' ').trim()}`;
  });
}

/** The reference parser the scanner is checked against. */
function parseWithMicromark(source: string): Root {
  return fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

describe('scanMarkdown', () => {
  const files = [...markdownFiles(FIXTURES), ...markdownFiles(SHARED)];
  it.each(files.map((file) => [path.relative(REPO, file), file]))('reads %s as micromark does', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(outline(readMarkdown(source))).toEqual(outline(readMarkdown(source, parseWithMicromark)));
  });

  const samples: Array<[string, string]> = [
    ['nested lists and code in items', '- a\n  - b `x`\n    ```py\n    x = 1\n    ```\n- c\n\n1. one\n2. two\n'],
    ['tables with escaped pipes and inline code', '| Method | Parameters |\n|---|:---:|\n| `f` | `x: int \\| None`, `y` |\n| g | - |\n\nafter\n'],
    ['setext headings, quotes, breaks', 'Title\n=====\n\n> quoted **bold**\n> more\n\n---\n\nSub\n---\ntext _it_ and *em* [link](http://x)\n'],
    ['tilde fences, indented code, task items', '~~~\nraw\n~~~\n\n    indented\n\n- [ ] todo\n- [x] done\n'],
    ['a table right after a paragraph', 'Lead-in:\n| a | b |\n|---|---|\n| 1 | 2 |\n'],
  ];
  it.each(samples)('reads %s as micromark does', (_name, source) => {
    expect(outline(readMarkdown(source))).toEqual(outline(readMarkdown(source, parseWithMicromark)));
  });

  it('keeps exact positions of inline code, for design line numbers', () => {
    const document = readMarkdown('# T\n\n- `MAX = 3` and\n  `MIN = 1`\n');
    const list = document.blocks.find((block) => block.node.type === 'list')!.node;
    const codes: string[] = [];
    const walk = (node: { type: string; value?: string; position?: { start: { line: number; offset?: number } }; children?: unknown[] }) => {
      if (node.type === 'inlineCode') codes.push(`${node.value}@${node.position?.start.line}:${document.source.slice(node.position?.start.offset ?? 0).split('\n')[0]}`);
      for (const child of (node.children ?? []) as typeof node[]) walk(child);
    };
    walk(list as never);
    expect(codes).toEqual(['MAX = 3@3:`MAX = 3` and', 'MIN = 1@4:`MIN = 1`']);
  });
});

describe('HTML tables', () => {
  it('reads an HTML <table> as a table block with its lines, <code> cells as inline code and entities decoded', () => {
    const source = 'Intro\n\n<table>\n<tr><th>Name</th><th>Type</th></tr>\n<tr><td><code>a &lt; b</code></td><td>x &amp; y</td></tr>\n</table>\n';
    const block = readMarkdown(source).blocks.find((entry) => entry.node.type === 'table')!;
    expect(block.line).toBe(3);
    const { header, rows } = readTable(block.node as Table);
    expect(header).toEqual(['Name', 'Type']);
    expect(rows.map((row) => ({ cells: row.cells, line: row.line }))).toEqual([{ cells: ['a < b', 'x & y'], line: 5 }]);
    expect((rows[0]!.nodes[0] as { children: Array<{ type: string }> }).children.map((child) => child.type)).toEqual(['inlineCode']);
  });

  it('leaves other HTML and a table without rows alone: HTML blocks, as micromark reads them, are no design blocks', () => {
    expect(readMarkdown('<table></table>\n').blocks.map((block) => block.node.type)).toEqual([]);
    expect(readMarkdown('<div>hello</div>\n').blocks.map((block) => block.node.type)).toEqual([]);
    expect(readMarkdown('<div>hello</div>\n', parseWithMicromark).blocks.map((block) => block.node.type)).toEqual([]);
  });
  it('reads a byte order mark, single-tilde strikethrough, autolinks and an HTML list as micromark does', () => {
    const source = '\uFEFF# Title\n\nBy <lead@example.org> and <https://x.org/a>, ~gone~ ~~also~~ ~~~x\n\n<dl>\n<dt>A</dt>\n</dl>\ntext\n\npara\n<ul>\n<li>x</li>\n</ul>\n';
    expect(outline(readMarkdown(source))).toEqual(outline(readMarkdown(source, parseWithMicromark)));
  });
});
