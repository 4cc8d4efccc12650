import type { Heading, Paragraph } from 'mdast';
import { plainText, readMarkdown, sourceOf, type MarkdownBlock, type MarkdownDocument } from '../markdown/markdown-document.js';
import { collapseWhitespace } from '../messages/message-template.js';
import { criterionId, readCriterion, splitGivenWhenThen } from './acceptance-criterion.js';
import { GHERKIN_DOCUMENT, GHERKIN_START, gherkinFeatures, readGherkinText } from './gherkin-text.js';
import { readStoryIndex, readStoryTable } from './story-table.js';
import { linesNode, rangeNode } from './document-offsets.js';
import { finishStories } from './finish-stories.js';
import { readYamlStories } from './yaml-stories.js';
import { StoryBuilder } from './story-builder.js';
import { cleanTitle, ID_LABEL, NOT_STORY_PREFIX, readRoleGoal, storyIdIn, storyItems, storyStart, type StoryStart } from './story-start.js';
import type { StoriesSpec, StoriesWarning, Story } from './story-types.js';

/** Options for reading user stories. */
export interface ReadStoriesOptions {
  sourceName?: string;
}

/** "Acceptance criteria", "Criterios de aceptación", "Critérios de aceitação", "Critères d'acceptation", "Scenarios". */
const CRITERIA_HEADING = /acceptance|criteria|scenarios?|crit[eé]rios?|crit[èe]res|criteri\b|aceptaci[oó]n|aceita[cç][aã]o|escenarios?|cen[aá]rios?|akzeptanzkriterien|abnahmekriterien|受け入れ基準|受入基準|验收标准|인수 기준|kabul kriterleri/i;

/** Whether a block holds Gherkin: a ```gherkin block, or a paragraph or unlabelled block that starts with `Feature:`/`Scenario:`. */
function gherkinOf(document: MarkdownDocument, block: MarkdownBlock): { text: string; firstLine: number } | null {
  const { node } = block;
  if (node.type === 'code' && (/^(gherkin|feature|cucumber)$/i.test(node.lang ?? '') || (!node.lang && GHERKIN_START.test(node.value)))) {
    const fenced = /^\s*(?:```|~~~)/.test(document.source.slice(node.position?.start.offset ?? 0, (node.position?.start.offset ?? 0) + 40));
    return { text: node.value, firstLine: block.line + (fenced ? 1 : 0) };
  }
  if (node.type === 'paragraph') {
    const text = sourceOf(document, node);
    if (GHERKIN_START.test(text)) return { text, firstLine: block.line };
  }
  return null;
}

/** Reads a user stories document (markdown) into stories. Never throws on odd input: it warns. */
export function readStories(text: string, options: ReadStoriesOptions = {}): StoriesSpec {
  const document = readMarkdown(text);
  const warnings: StoriesWarning[] = [];
  const stories: Story[] = [];
  let builder: StoryBuilder | null = null;
  let depth = 0;
  let criteriaDepth: number | null = null;
  /** Story sentences an index table gives by id, for stories written out below without one. */
  const indexSentences = new Map<string, string>();
  const finish = () => {
    const sentence = builder && builder.story.role === null ? indexSentences.get(builder.story.id) : undefined;
    const roleGoal = sentence ? readRoleGoal(sentence) : null;
    if (builder && roleGoal) Object.assign(builder.story, { role: roleGoal[1]!.trim(), goal: roleGoal[2]!.trim(), benefit: roleGoal[3]?.trim() ?? null });
    if (builder) stories.push(builder.story);
    builder = null;
  };
  /** The `Feature:` read last, whose title and description a story its scenarios start takes. */
  let feature: { title: string; description: string; line: number; tags: string } | null = null;
  /** Whether the current story was started by a Gherkin feature or scenario (a new feature then ends it). */
  let fromGherkin = false;
  /** The heading just read that started no story: a "Story ID:" line right under it makes it one. */
  let lastHeading: { title: string; depth: number; line: number } | null = null;
  const startStory = (start: StoryStart) => {
    finish();
    const id = start.id ?? `US-${String(stories.length + 1).padStart(3, '0')}`;
    if (!start.id) warnings.push({ kind: 'missing-id', message: `story "${cleanTitle(start.title, null)}" has no id; called ${id}`, line: start.line });
    builder = new StoryBuilder(document, start, id);
    depth = start.depth;
    criteriaDepth = null;
    return builder;
  };
  /** Reads Gherkin text: its feature (title, tags with the story id, description with the role) and scenarios. */
  const readGherkin = (gherkinText: string, firstLine: number, block: MarkdownBlock) => {
    const parsed = readGherkinText(gherkinText, firstLine);
    if (parsed.feature) {
      feature = parsed.feature;
      if (storyIdIn(feature.title) || storyIdIn(feature.tags) || !builder || fromGherkin) finish();
    }
    const opening = (builder as StoryBuilder | null);
    const firstScenario = parsed.scenarios[0]?.line ?? firstLine + gherkinText.split('\n').length;
    if (opening && firstScenario > firstLine) opening.addMessages(linesNode(document, firstLine, firstScenario - 1), null, null);
    for (const scenario of parsed.scenarios) {
      // A scenario that names a story (`Scenario: US-001 AC1 …`) belongs to it; the feature gives its title and role.
      const id = storyIdIn(scenario.title) ?? (feature ? storyIdIn(feature.title) ?? storyIdIn(feature.tags) : null);
      let current = builder as StoryBuilder | null;
      if (!current || (id && current.story.id !== id)) {
        current = startStory({ id, title: feature?.title || scenario.title, depth: 7, line: feature?.line ?? scenario.line });
        fromGherkin = true;
        if (feature?.description) current.readParagraph(block, { type: 'paragraph', children: [{ type: 'text', value: feature.description }] }, false);
      }
      current.readScenario(scenario);
    }
  };
  // A document that is all Gherkin (a `.feature` file pasted as the stories) is read feature by feature.
  if (GHERKIN_DOCUMENT.test(text)) {
    for (const part of gherkinFeatures(text)) readGherkin(part.text, part.firstLine, { node: { type: 'paragraph', children: [] }, headings: [], leadIn: '', line: part.firstLine });
    finish();
    return finishStories(stories, warnings, options);
  }
  for (const block of document.blocks) {
    const gherkin = gherkinOf(document, block);
    if (gherkin) {
      // A block holding several features (a `.feature` file in one fence) is read feature by feature.
      const features = gherkinFeatures(gherkin.text);
      if (features.length > 1) for (const part of features) readGherkin(part.text, gherkin.firstLine + part.firstLine - 1, block);
      else readGherkin(gherkin.text, gherkin.firstLine, block);
      continue;
    }
    const yamlStories = block.node.type === 'code' && /^ya?ml$/i.test(block.node.lang ?? '') ? readYamlStories(document, block.node) : null;
    for (const entry of yamlStories ?? []) {
      const story = startStory({ id: entry.id, title: entry.title, depth: 7, line: entry.line });
      if (entry.sentence) story.readParagraph(block, { type: 'paragraph', children: [{ type: 'text', value: entry.sentence }] }, false);
      for (const part of entry.criteria) {
        const id = (part.id && criterionId(part.id)) ?? story.nextCriterionId();
        story.addCriterion({ id, text: part.text, ...splitGivenWhenThen(part.text), line: part.line });
        for (const range of part.ranges) story.addMessages(rangeNode(range.start, range.end), id, null);
      }
    }
    if (yamlStories) {
      finish();
      continue;
    }
    const tableRows = block.node.type === 'table' && !builder ? readStoryTable(document, block.node) : null;
    const storyIndex = block.node.type === 'table' && !builder && !tableRows ? readStoryIndex(block.node) : null;
    if (storyIndex) {
      for (const [id, sentence] of storyIndex) indexSentences.set(id, sentence);
      continue;
    }
    if (tableRows) {
      for (const row of tableRows) {
        const story = startStory({ id: row.id, title: row.title.replace(/^to\s+/i, ''), depth: 7, line: row.line });
        if (row.sentence) story.readParagraph(block, { type: 'paragraph', children: [{ type: 'text', value: row.sentence }] }, false);
        else Object.assign(story.story, { role: row.role, goal: row.goal, benefit: row.benefit });
        for (const part of row.criteria) {
          const criterion = readCriterion(part.markdown, collapseWhitespace(part.markdown.replace(/[`*_]/g, '')), story.nextCriterionId(), part.line);
          story.addCriterion(criterion);
          story.addMessages(rangeNode(part.start, part.end), criterion.id, null);
        }
        for (const part of row.messages) story.addMessages(rangeNode(part.start, part.end), part.criterion ? story.story.criteria[part.criterion - 1]?.id ?? null : null, null);
      }
      finish();
      continue;
    }
    const items = block.node.type === 'list' ? storyItems(block.node) : null;
    if (items) {
      for (const { item, start } of items) {
        feature = null;
        fromGherkin = false;
        startStory(start).readStoryItem(block, item);
      }
      finish();
      continue;
    }
    const start = storyStart(document, block);
    if (start) {
      feature = null;
      fromGherkin = false;
      const started = startStory(start);
      if (block.node.type === 'paragraph') started.readTitleParagraph(block.node);
      continue;
    }
    const labelled = block.node.type === 'paragraph' && lastHeading ? ID_LABEL.exec(plainText(block.node)) : null;
    if (labelled && lastHeading && !NOT_STORY_PREFIX.test(labelled[1]!)) {
      feature = null;
      fromGherkin = false;
      startStory({ id: labelled[1]!, title: lastHeading.title, depth: lastHeading.depth, line: lastHeading.line }).readTitleParagraph(block.node as Paragraph);
      lastHeading = null;
      continue;
    }
    if (block.node.type === 'heading') lastHeading = { title: plainText(block.node).trim(), depth: block.node.depth, line: block.line };
    else if (block.node.type !== 'paragraph' || block.line > (lastHeading?.line ?? 0) + 2) lastHeading = null;
    const current = builder as StoryBuilder | null;
    if (!current) continue;
    const { node } = block;
    if (node.type === 'list' && current.consumed.has(node.position?.start.offset ?? -2)) continue;
    if (node.type === 'heading') {
      const heading = node as Heading;
      if (heading.depth <= depth && depth !== 7) {
        finish();
        continue;
      }
      criteriaDepth = CRITERIA_HEADING.test(plainText(heading)) ? heading.depth : criteriaDepth !== null && heading.depth <= criteriaDepth ? null : criteriaDepth;
      continue;
    }
    const inCriteria = criteriaDepth !== null || /acceptance criteria|scenarios?:|crit[eéè]r[a-z]* d[e'] ?(?:acepta|aceita|accepta)|criteri di accettazione|akzeptanzkriterien|受け入れ基準|验收标准/i.test(block.leadIn);
    if (node.type === 'paragraph') current.readParagraph(block, node, inCriteria);
    else if (node.type === 'list') current.readList(block, node, inCriteria);
    else if (node.type === 'table') current.readTable(block, node);
  }
  finish();
  return finishStories(stories, warnings, options);
}
