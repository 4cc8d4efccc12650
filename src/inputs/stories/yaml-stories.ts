/**
 * Stories exported as YAML (a planning tool's export pasted in a ```yaml fence): a list of stories,
 * top-level or under `stories:`, each with an id, a title, the role sentence (`as_a`/`i_want`/`so_that`
 * or one `story` text) and a list of criteria (`id` with `given`/`when`/`then`, or a plain text).
 * Offsets of each criterion's texts in the document are kept, so its quoted messages are read as
 * anywhere else.
 */
import type { Code } from 'mdast';
import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { MarkdownDocument } from '../markdown/markdown-document.js';
import { lineAt } from './document-offsets.js';
import { storyIdIn } from './story-start.js';

/** A criterion of a YAML story: its id if given, its text, and where its texts are in the document. */
export interface YamlCriterion {
  id: string | null;
  text: string;
  line: number;
  ranges: Array<{ start: number; end: number }>;
}

/** A story read from YAML. */
export interface YamlStory {
  id: string;
  title: string;
  /** "As a …, I want …, so that …", put together from its parts, or null. */
  sentence: string | null;
  line: number;
  criteria: YamlCriterion[];
}

const text = (map: YAMLMap, keys: string[]): string | null => {
  for (const key of keys) {
    const value = map.get(key, true) as Node | undefined;
    if (isScalar(value) && value.value !== null && value.value !== undefined) return String(value.value);
  }
  return null;
};

/** The stories a YAML code block holds, or null when it holds none (any other YAML). */
export function readYamlStories(document: MarkdownDocument, code: Code): YamlStory[] | null {
  const fenceStart = code.position?.start.offset ?? 0;
  // The code's value starts on the line after the opening fence.
  const valueStart = document.source.indexOf('\n', fenceStart) + 1;
  if (valueStart <= 0) return null;
  let parsed;
  try {
    parsed = parseDocument(code.value, { uniqueKeys: false });
  } catch {
    return null;
  }
  if (parsed.errors.length > 0) return null;
  const root = parsed.contents;
  const list = isSeq(root) ? root : isMap(root) ? root.get('stories', true) ?? root.get('user_stories', true) : null;
  if (!isSeq(list)) return null;
  const stories: YamlStory[] = [];
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const id = storyIdIn(text(item, ['id', 'key', 'story_id']) ?? '');
    if (!id) continue;
    const at = (node: Node) => lineAt(document, valueStart + (node.range?.[0] ?? 0));
    const [role, goal, benefit] = [text(item, ['as_a', 'as', 'role']), text(item, ['i_want', 'want', 'goal']), text(item, ['so_that', 'benefit'])];
    const sentence = text(item, ['story', 'user_story', 'description']) ?? (role && goal ? `As a ${role}, I want ${goal.replace(/^to\s+/i, 'to ')}${benefit ? `, so that ${benefit}` : ''}.` : null);
    const criteriaNode = item.get('acceptance_criteria', true) ?? item.get('acceptance', true) ?? item.get('criteria', true) ?? item.get('scenarios', true);
    const criteria: YamlCriterion[] = [];
    for (const entry of isSeq(criteriaNode) ? criteriaNode.items : []) {
      const parts: Array<[string, Node]> = [];
      if (isScalar(entry)) parts.push(['', entry as Node]);
      else if (isMap(entry)) {
        for (const key of ['given', 'when', 'then', 'text', 'criterion', 'description']) {
          const value = entry.get(key, true) as Node | undefined;
          if (isScalar(value) && value.value !== null) parts.push([key === 'given' || key === 'when' || key === 'then' ? key : '', value]);
        }
      }
      if (parts.length === 0) continue;
      const criterionText = parts.map(([key, node]) => `${key ? `${key[0]!.toUpperCase()}${key.slice(1)} ` : ''}${String((node as { value: unknown }).value)}`).join(', ');
      // A quoted scalar's own quotes are YAML's, not the message's: the range leaves them out.
      const ranges = parts.map(([, node]) => {
        const [start, end] = node.range ?? [0, 0];
        const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
        return { start: valueStart + start + (quoted ? 1 : 0), end: valueStart + end - (quoted ? 1 : 0) };
      });
      criteria.push({ id: isMap(entry) ? text(entry, ['id']) : null, text: criterionText, line: at(entry as Node), ranges });
    }
    stories.push({ id, title: text(item, ['title', 'name', 'summary']) ?? id, sentence, line: at(item), criteria });
  }
  return stories.length > 0 ? stories : null;
}
