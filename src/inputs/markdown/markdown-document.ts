import type { Code, Heading, List, Nodes, Paragraph, Root, Table } from 'mdast';
import { scanMarkdown } from './scan-markdown.js';
import { readHtmlTable } from './html-table.js';

/** A heading as it encloses later blocks. */
export interface SectionHeading {
  depth: number;
  text: string;
  line: number;
}

/** A block of the document with the headings above it, in document order. */
export interface MarkdownBlock {
  node: Code | Table | Paragraph | Heading | List;
  /** Enclosing headings, outermost first (the block's own heading excluded). */
  headings: SectionHeading[];
  /** Plain text of the nearest paragraph or heading before this block (lead-in sentences). */
  leadIn: string;
  line: number;
}

/** Markdown parsed with GitHub tables, positions kept. */
export interface MarkdownDocument {
  source: string;
  root: Root;
  blocks: MarkdownBlock[];
}

/** Plain text of a markdown node: text and inline code concatenated, markup dropped. */
export function plainText(node: Nodes): string {
  // Inline HTML keeps its text: `<amount>` in a story is a placeholder, not a tag.
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) {
    const separator = node.type === 'tableRow' ? ' | ' : node.type === 'list' || node.type === 'listItem' ? '\n' : '';
    return (node.children as Nodes[]).map(plainText).join(separator);
  }
  return '';
}

/** 1-based line where a node starts (0 when the parser gave no position). */
export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

/** The raw markdown source of a node, as written. */
export function sourceOf(document: MarkdownDocument, node: Nodes): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? plainText(node) : document.source.slice(start, end);
}

/** An HTML `<table>` (a paragraph to the scanner, an html node to micromark) read as a GitHub table, or null. */
function htmlTableOf(node: Nodes, source: string): Table | null {
  if ((node.type !== 'paragraph' && node.type !== 'html') || node.position?.start.offset === undefined || node.position.end.offset === undefined) return null;
  const { start, end } = node.position;
  if (!/^<table\b/i.test(source.slice(start.offset!, start.offset! + 6))) return null;
  return readHtmlTable(source.slice(start.offset, end.offset), start.offset!, start.line);
}

function collectBlocks(nodes: Nodes[], headings: SectionHeading[], state: { leadIn: string; source: string }, into: MarkdownBlock[]): void {
  for (const original of nodes) {
    const node = htmlTableOf(original, state.source) ?? original;
    if (node.type === 'heading') {
      const heading = { depth: node.depth, text: plainText(node).trim(), line: startLine(node) };
      while (headings.length > 0 && headings[headings.length - 1]!.depth >= heading.depth) headings.pop();
      into.push({ node, headings: [...headings], leadIn: state.leadIn, line: heading.line });
      headings.push(heading);
      state.leadIn = heading.text;
    } else if (node.type === 'code' || node.type === 'table') {
      into.push({ node, headings: [...headings], leadIn: state.leadIn, line: startLine(node) });
    } else if (node.type === 'paragraph') {
      into.push({ node, headings: [...headings], leadIn: state.leadIn, line: startLine(node) });
      state.leadIn = plainText(node).trim();
    } else if (node.type === 'list') {
      into.push({ node, headings: [...headings], leadIn: state.leadIn, line: startLine(node) });
      // Code blocks and tables nested in list items still belong to the design.
      for (const item of node.children) {
        collectBlocks(item.children.filter((child) => child.type !== 'paragraph' && child.type !== 'list') as Nodes[], headings, state, into);
        for (const child of item.children) if (child.type === 'list') collectBlocks([child], headings, state, into);
      }
    } else if (node.type === 'blockquote') {
      collectBlocks(node.children as Nodes[], headings, state, into);
    }
  }
}

/**
 * Builds the mdast tree: backsmith's fast scanner by default. Tests pass micromark (full
 * CommonMark + GFM, several times slower) to check that both give the same tree.
 */
export type MarkdownParser = (source: string) => Root;

/** Parses markdown into mdast with positions and lists its blocks with their sections. */
export function readMarkdown(source: string, parser: MarkdownParser = scanMarkdown): MarkdownDocument {
  const root = parser(source);
  const blocks: MarkdownBlock[] = [];
  collectBlocks(root.children as Nodes[], [], { leadIn: '', source }, blocks);
  return { source, root, blocks };
}

/** Cells of a table as plain text, and as nodes, header row first. */
export interface TableRows {
  header: string[];
  rows: Array<{ cells: string[]; nodes: Nodes[]; line: number }>;
}

/** Reads a GitHub table into header names and plain-text rows. */
export function readTable(table: Table): TableRows {
  const [headerRow, ...bodyRows] = table.children;
  const header = headerRow ? headerRow.children.map((cell) => plainText(cell).trim()) : [];
  return {
    header,
    rows: bodyRows.map((row) => ({
      cells: row.children.map((cell) => plainText(cell).trim()),
      nodes: row.children,
      line: startLine(row),
    })),
  };
}
