import { MessageIndex } from '../conformance/match-message.js';
import type { DesignMessage, DesignSpec } from '../inputs/design/design-types.js';
import { responseContract } from '../inputs/design/response-contract.js';
import type { StoriesSpec, StoryMessage } from '../inputs/stories/story-types.js';

/** A story message and the design message-table row that carries it, if any. */
export interface StoryMessageLink {
  message: StoryMessage;
  /** The design row whose template the story's text fills, or null. */
  designMessage: Pick<DesignMessage, 'code' | 'method' | 'kind' | 'template' | 'line'> | null;
}

/** One warning of the spec report, from either document or from comparing them. */
export interface SpecWarning {
  source: 'design' | 'stories' | 'both';
  kind: string;
  message: string;
  line: number;
}

/** What `backsmith spec` shows: the design, the stories and how their messages line up. */
export interface SpecReport {
  design: DesignSpec;
  stories: StoriesSpec | null;
  storyMessages: StoryMessageLink[];
  warnings: SpecWarning[];
}

/** Links story messages to the design's message tables and gathers every warning, in line order. */
export function buildSpecReport(design: DesignSpec, stories: StoriesSpec | null): SpecReport {
  const warnings: SpecWarning[] = design.warnings.map((warning) => ({ source: 'design', ...warning }));
  if (design.stats.messageTables > 0 && design.messages.length === 0) {
    warnings.push({ source: 'design', kind: 'no-messages', message: `${design.stats.messageTables} message table(s) but no message could be read from them (stories/no-messages)`, line: 0 });
  }
  const moved = responseContract(design.responseFormat).movedIntoData;
  if (moved.length > 0 && design.responseFormat) {
    warnings.push({ source: 'design', kind: 'response-shape', message: `the response sample puts ${moved.map((key) => `\`${key}\``).join(', ')} next to \`success\`; the contract keeps exactly success, message and data at the top, so the prompt and the checks put ${moved.length > 1 ? 'them' : 'it'} inside \`data\``, line: design.responseFormat.line });
  }
  const storyMessages: StoryMessageLink[] = [];
  if (stories) {
    warnings.push(...stories.warnings.map((warning) => ({ source: 'stories' as const, ...warning })));
    const index = new MessageIndex(design.messages.map((message, position) => ({ text: message.template, line: position, style: 'braces' as const })));
    for (const story of stories.stories) {
      for (const message of story.messages) {
        const match = design.messages.length > 0 ? index.match(message.template) : null;
        const row = match?.status === 'found' ? design.messages[match.candidate.line] ?? null : null;
        storyMessages.push({ message, designMessage: row ? { code: row.code, method: row.method, kind: row.kind, template: row.template, line: row.line } : null });
        if (design.messages.length > 0 && !row) {
          const near = match?.status === 'near' ? `; closest design row (line ${design.messages[match.candidate.line]?.line}): "${match.candidate.text}"` : '';
          warnings.push({ source: 'both', kind: 'message-not-in-design', message: `${story.id}${message.criterionId ? ` ${message.criterionId}` : ''} quotes "${message.text}", which is not in the design's message tables${near}`, line: message.line });
        }
      }
    }
  }
  const order = { design: 0, stories: 1, both: 2 };
  warnings.sort((a, b) => order[a.source] - order[b.source] || a.line - b.line);
  return { design, stories, storyMessages, warnings };
}
