/** Where a story starts: a heading or bold paragraph naming its id, a bold-id bullet, and the role sentence that goes with it. */
import type { List, ListItem } from 'mdast';
import { plainText, type MarkdownBlock, type MarkdownDocument } from '../markdown/markdown-document.js';
import { collapseWhitespace } from '../messages/message-template.js';

/** `US-001`, `STORY-12`, `US12`: a story id; criteria (`AC-1`) and standards (`ISBN-10`) are not. */
const STORY_ID = /\b([A-Z][A-Z0-9]{0,7}-\d{1,4}|US_?\d{1,4})\b/;
/** Prefixes of ids that name no story (criteria, standards). */
export const NOT_STORY_PREFIX = /^(AC|ISBN|ISO|UTF|SHA|PEP|RFC|HTTP|TLS|MD|ES|GPT)\b/;
const ROLE_GOAL_BENEFIT = /\bAs an? ([^,]+?),?\s+I(?: want| need| would like|'d like| wish| can)(?: to)?\s+(.+?)(?:,?\s+so (?:that|I can)\s+(.+?))?\s*(?:\.(?:\s|$)|$)/i;
/** The same in Spanish, Portuguese, French and Italian: "Como socio, quiero reservar …, para jugar." */
const ROLE_GOAL_FOREIGN = /^\W*(?:Como|En tant que?|Enquanto|Come|Als)\s+(?:(?:una?|um|uma|l[ea]|l'|un[ea]?|eine?r?)\s+)?([^,]+?),?\s+(?:quiero|quero|je veux|je souhaite|voglio|gostaria de|deseo|necesito|preciso|möchte ich|will ich|ich möchte|ich will)\s+(.+?)(?:,?\s+(?:para(?: que)?|afin d[e']|afin que|pour|per|de modo que|damit|um)\s+(.+?))?\s*(?:\.(?:\s|$)|$)/i;
/** Japanese: "会員として、テントを予約したい。なぜなら夏祭りで使うからだ。" (after a label such as "ストーリー："). */
const ROLE_GOAL_JAPANESE = /^(?:[^：:。]{1,16}[：:]\s*)?(.{1,80}?)として[、,]\s*(.{1,200}?たい)[。.]?\s*(?:(?:なぜなら|それは)(.{1,200}?)[。.]|$)?/;
/** "**Story ID:** CHORE-3" under a heading without an id: the heading is the story's title. */
export const ID_LABEL = /^\W*(?:story\s*)?id\W*:\W*([A-Z][A-Z0-9]{0,7}-\d{1,5})\b/i;

/** Role, goal and benefit of a "As a …, I want …, so that …" sentence (or its Spanish, Portuguese, French, Italian forms). */
export function readRoleGoal(text: string): RegExpExecArray | null {
  return ROLE_GOAL_BENEFIT.exec(text) ?? ROLE_GOAL_FOREIGN.exec(text) ?? ROLE_GOAL_JAPANESE.exec(text);
}

/** The story id a text names, or null. */
export function storyIdIn(text: string): string | null {
  const match = STORY_ID.exec(text);
  return match && !NOT_STORY_PREFIX.test(match[1]!) ? match[1]! : null;
}

/** A story's id (null when it has none), title, heading depth and line. */
export interface StoryStart {
  id: string | null;
  title: string;
  depth: number;
  line: number;
}

/** The story a heading or a bold-titled paragraph starts, or null. */
export function storyStart(document: MarkdownDocument, block: MarkdownBlock): StoryStart | null {
  const { node } = block;
  if (node.type === 'heading') {
    const text = plainText(node).trim();
    const id = storyIdIn(text);
    if (!id && !/^(user )?story\b/i.test(text)) return null;
    return { id, title: text, depth: node.depth, line: block.line };
  }
  if (node.type === 'paragraph' && node.children[0]?.type === 'strong') {
    const text = plainText(node.children[0]).trim();
    const id = storyIdIn(text);
    if (id) return { id, title: text, depth: 7, line: block.line };
  }
  return null;
}

/** Stories written as bullets whose first words are a bold id and title; null when the list's first item is not one. */
export function storyItems(list: List): Array<{ item: ListItem; start: StoryStart }> | null {
  const stories: Array<{ item: ListItem; start: StoryStart }> = [];
  for (const item of list.children) {
    const first = item.children[0];
    const strong = first?.type === 'paragraph' ? first.children[0] : undefined;
    const title = strong?.type === 'strong' ? plainText(strong).trim() : '';
    // An index of stories (`- **US-001** Add a member`) is not the stories: a story bullet holds its own role sentence.
    // One paragraph may hold it all when its role sentence and criteria are lines under the bold title.
    const oneParagraph = item.children.length === 1 && first?.type === 'paragraph' && (first.position?.end.line ?? 0) > (first.position?.start.line ?? 0);
    const id = title === '' || (item.children.length < 2 && !oneParagraph) || !readRoleGoal(collapseWhitespace(plainText(item))) ? null : storyIdIn(title);
    if (!id) {
      if (stories.length === 0) return null;
      continue;
    }
    stories.push({ item, start: { id, title, depth: 7, line: item.position?.start.line ?? 0 } });
  }
  return stories.length > 0 ? stories : null;
}

/** A story title without its id and separators. */
export function cleanTitle(title: string, id: string | null): string {
  // `[VOL-210] Sign up` and `(US-3) Pay` leave empty brackets behind once the id is taken out.
  // `Story 1.1 (WB-11) — Title`: a story number before the id goes too.
  const rest = (id ? title.replace(id, '') : title).replace(/^\s*(user )?story\s*#?\d*(?:\.\d+)*/i, '').replace(/[[(]\s*[\])]/g, '');
  // Emoji before the id (`🧺 US-401 — Title`) and a full-width colon (`JP-1：Title`) are separators too.
  return rest.replace(/^[\s:.\-–—|·•：\p{Extended_Pictographic}\uFE0F\u200D]+|[\s:.\-–—|·•*：]+$/gu, '').trim() || title.trim();
}
