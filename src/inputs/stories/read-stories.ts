import type { Heading, List, ListItem, Nodes, Paragraph, Table } from 'mdast';
import { readMessageTable } from '../design/message-table.js';
import { plainText, readMarkdown, readTable, sourceOf, type MarkdownBlock, type MarkdownDocument } from '../markdown/markdown-document.js';
import { collapseWhitespace, toMessageTemplate } from '../messages/message-template.js';
import { criterionId, hasGivenWhenThen, readCriterion, splitGivenWhenThen } from './acceptance-criterion.js';
import { GHERKIN_DOCUMENT, GHERKIN_START, gherkinFeatures, readGherkinText, type GherkinScenario } from './gherkin-text.js';
import { isMessageText, messageKind, quotedTexts } from './quoted-messages.js';
import { readStoryIndex, readStoryTable } from './story-table.js';
import { lineAt, linesNode, rangeNode } from './document-offsets.js';
import { finishStories } from './finish-stories.js';
import { readYamlStories } from './yaml-stories.js';
import { cleanTitle, ID_LABEL, NOT_STORY_PREFIX, readRoleGoal, storyIdIn, storyItems, storyStart, type StoryStart } from './story-start.js';
import type { AcceptanceCriterion, StoriesSpec, StoriesWarning, Story, StoryMessage } from './story-types.js';

/** Options for reading user stories. */
export interface ReadStoriesOptions {
  sourceName?: string;
}

/** "Acceptance criteria", "Criterios de aceptación", "Critérios de aceitação", "Critères d'acceptation", "Scenarios". */
const CRITERIA_HEADING = /acceptance|criteria|scenarios?|crit[eé]rios?|crit[èe]res|criteri\b|aceptaci[oó]n|aceita[cç][aã]o|escenarios?|cen[aá]rios?|akzeptanzkriterien|abnahmekriterien|受け入れ基準|受入基準|验收标准|인수 기준|kabul kriterleri/i;

/** A Gherkin step as a bullet: "Given …", "And …". */
const STEP = /^\s*(?:given|when|then|and|but|dad[oa]s?|cuando|entonces|quando|então|étant donnée?s?|quand|alors)\b/iu;
/** A short "Acceptance criteria:" label standing alone as a bullet or paragraph. */
const CRITERIA_LABEL = /^\W*(?:acceptance criteria|acceptance|criteria|scenarios|crit[eé]rios? de aceita[cç][aã]o|criterios de aceptaci[oó]n|crit[eè]res d'acceptation|criteri di accettazione|akzeptanzkriterien|受け入れ基準|验收标准)\W*$/i;

/** "*Acceptance:*", "Acceptance criteria:" inside a paragraph. */
const INLINE_ACCEPTANCE = /\b(?:acceptance(?: criteria)?|criteria)\b\s*[*_]{0,2}\s*:\s*[*_]{0,2}/i;
/** A paragraph that is a whole Given … Then … criterion (no "Scenario" keyword), wherever it stands in a story. */
const GIVEN_THEN_PARAGRAPH = /^(?:given|dad[oa]s?|étant donnée?s?)\b[^]*\b(?:then|entonces|então|alors|allora)\b/iu;
/** "a. ", "b) " opening a line: lettered criteria. */
const LETTERED = /(?<=^|\n)[ \t]*[a-h][.)][ \t]+/g;
/** "(1)", "(2)": the numbered criteria of a sentence. */
const INLINE_NUMBER = /\(\d{1,2}\)\s*/g;

class StoryBuilder {
  readonly story: Story;
  /** Offsets of nested lists already read with their parent item (the document lists them as blocks too). */
  readonly consumed = new Set<number>();
  private readonly seenTemplates = new Set<string>();

  constructor(private readonly document: MarkdownDocument, start: StoryStart, id: string) {
    this.story = { id, title: cleanTitle(start.title, start.id), role: null, goal: null, benefit: null, criteria: [], messages: [], line: start.line };
  }

  /** Adds the messages quoted in a node; `criterion` may depend on the line (Gherkin blocks). */
  addMessages(node: Nodes, criterion: string | null | ((line: number) => string | null), listLeadIn: string | null): void {
    const markdown = sourceOf(this.document, node);
    const base = node.position?.start.offset ?? 0;
    for (const quoted of quotedTexts(markdown)) {
      if (!isMessageText(quoted.text, quoted.lead)) continue;
      const lead = quoted.lead.replace(/^\s*([-*+]|\d+[.)])\s*/, '');
      const line = lineAt(this.document, base + quoted.offset);
      this.push({
        ...toMessageTemplate(quoted.text),
        kind: messageKind(quoted.lead, lead.replace(/\*\*[^*]*\*\*/g, '').trim() === '' ? listLeadIn : null),
        storyId: this.story.id,
        criterionId: typeof criterion === 'function' ? criterion(line) : criterion,
        line,
      });
    }
  }

  push(message: StoryMessage): void {
    if (this.seenTemplates.has(message.template)) return;
    this.seenTemplates.add(message.template);
    this.story.messages.push(message);
  }

  addCriterion(criterion: AcceptanceCriterion): void {
    this.story.criteria.push(criterion);
  }

  nextCriterionId(): string {
    return `AC${this.story.criteria.length + 1}`;
  }

  readParagraph(block: MarkdownBlock, node: Paragraph, inCriteriaSection: boolean): void {
    const text = collapseWhitespace(plainText(node));
    const roleGoal = this.story.role === null ? readRoleGoal(text) : null;
    if (roleGoal) {
      this.story.role = roleGoal[1]!.trim();
      this.story.goal = roleGoal[2]!.trim();
      this.story.benefit = roleGoal[3]?.trim() ?? null;
      this.readInlineCriteria(node);
      return;
    }
    const markdown = sourceOf(this.document, node);
    const id = criterionId(markdown);
    if (id || (inCriteriaSection && hasGivenWhenThen(text)) || GIVEN_THEN_PARAGRAPH.test(text)) {
      const criterion = readCriterion(markdown, text, this.nextCriterionId(), block.line);
      this.addCriterion(criterion);
      this.addMessages(node, criterion.id, null);
    } else this.addMessages(node, null, null);
  }

  /** A paragraph that opens with the story's bold title may go on with its role and criteria. */
  readTitleParagraph(node: Paragraph): void {
    const roleGoal = readRoleGoal(collapseWhitespace(plainText(node)));
    if (!roleGoal) return;
    this.story.role = roleGoal[1]!.trim();
    this.story.goal = roleGoal[2]!.trim();
    this.story.benefit = roleGoal[3]?.trim() ?? null;
    this.readInlineCriteria(node);
    this.readLetteredCriteria(node);
  }

  /** "a. When I …, the screen shows "…"": lettered criteria written as lines of the story's paragraph. */
  private readLetteredCriteria(node: Paragraph): void {
    const markdown = sourceOf(this.document, node);
    const base = node.position?.start.offset;
    const starts = [...markdown.matchAll(LETTERED)].map((match) => match.index!);
    if (base === undefined || starts.length === 0 || INLINE_ACCEPTANCE.test(markdown)) return;
    starts.forEach((start, index) => {
      const end = starts[index + 1] ?? markdown.length;
      const text = collapseWhitespace(markdown.slice(start, end).replace(LETTERED, '').replace(/[*_`]/g, ''));
      const criterion = { id: this.nextCriterionId(), text, ...splitGivenWhenThen(text), line: lineAt(this.document, base + start) };
      this.addCriterion(criterion);
      this.addMessages(rangeNode(base + start, base + end), criterion.id, null);
    });
  }

  /** The rest of a role paragraph: "*Acceptance:* (1) a known member sees `Welcome back, {name}!`; (2) …". */
  private readInlineCriteria(node: Paragraph): void {
    const markdown = sourceOf(this.document, node);
    const base = node.position?.start.offset;
    const label = INLINE_ACCEPTANCE.exec(markdown);
    if (base === undefined || !label) return;
    const from = label.index + label[0].length;
    const numbers = [...markdown.slice(from).matchAll(INLINE_NUMBER)].map((match) => from + match.index!);
    const starts = numbers.length > 0 ? numbers : [from];
    this.addMessages(rangeNode(base, base + from), null, null);
    starts.forEach((start, index) => {
      const end = starts[index + 1] ?? markdown.length;
      const part = markdown.slice(start, end).replace(INLINE_NUMBER, '');
      const text = collapseWhitespace(part.replace(/[*_`]/g, '')).replace(/[;,.\s]+$/, '');
      if (text === '') return;
      const criterion = { id: this.nextCriterionId(), text, ...splitGivenWhenThen(text), line: lineAt(this.document, base + start) };
      this.addCriterion(criterion);
      this.addMessages(rangeNode(base + start, base + end), criterion.id, null);
    });
  }

  readList(block: MarkdownBlock, node: List, inCriteriaSection: boolean): void {
    for (const item of node.children) {
      // A titled criterion whose Given/When/Then steps are nested bullets is one criterion: its step list is not read again.
      for (const nested of item.children) {
        if (nested.type === 'list' && nested.children.length > 0 && nested.children.every((step) => STEP.test(plainText(step)))) this.consumed.add(nested.position?.start.offset ?? -1);
      }
      const markdown = sourceOf(this.document, item);
      const text = collapseWhitespace(plainText(item));
      const line = item.position?.start.line ?? block.line;
      if (this.story.role === null && readRoleGoal(text) !== null) {
        this.readParagraph(block, { type: 'paragraph', children: [{ type: 'text', value: text }] }, false);
        continue;
      }
      if (criterionId(markdown) || inCriteriaSection || hasGivenWhenThen(text)) {
        const criterion = readCriterion(markdown, text, this.nextCriterionId(), line);
        this.addCriterion(criterion);
        this.addMessages(item, criterion.id, block.leadIn);
      } else this.addMessages(item, null, block.leadIn);
    }
  }

  /**
   * The rest of a story written as one bullet (`- **SHED-7 Lend a tool**`): its sub-bullets hold the role and an
   * "Acceptance criteria:" bullet whose own sub-bullets are the criteria, each with its messages nested under it.
   */
  readStoryItem(block: MarkdownBlock, item: ListItem): void {
    const [first, ...rest] = item.children;
    if (first?.type === 'paragraph') this.readTitleParagraph(first);
    for (const child of rest) {
      if (child.type === 'paragraph') this.readParagraph(block, child, false);
      else if (child.type === 'list') {
        for (const sub of child.children) {
          const label = sub.children[0]?.type === 'paragraph' ? collapseWhitespace(plainText(sub.children[0])) : '';
          const nested = sub.children.find((part): part is List => part.type === 'list');
          if (nested && CRITERIA_LABEL.test(label)) this.readList(block, nested, true);
          else this.readList(block, { type: 'list', children: [sub] }, false);
        }
      }
    }
  }

  readTable(block: MarkdownBlock, node: Table): void {
    const { header, rows } = readTable(node);
    const column = (name: string) => header.findIndex((cell) => cell.trim().toLowerCase() === name);
    const [given, when, then] = [column('given'), column('when'), column('then')];
    if (then >= 0 && (given >= 0 || when >= 0)) {
      for (const row of rows) {
        const idCell = header.findIndex((cell) => /^(id|ac|criterion|scenario|#)$/i.test(cell.trim()));
        const id = (idCell >= 0 ? row.cells[idCell] : null) || this.nextCriterionId();
        const parts = [given >= 0 ? `Given ${row.cells[given]}` : '', when >= 0 ? `when ${row.cells[when]}` : '', `then ${row.cells[then]}`];
        const text = parts.filter(Boolean).join(', ');
        this.addCriterion({ id, text, ...splitGivenWhenThen(text), line: row.line });
        // Only the Then cell holds what the user is shown; a backticked file name in When is input.
        const thenCell = row.nodes[then];
        if (thenCell) this.addMessages(thenCell, id, null);
      }
      return;
    }
    // `| AC | Situation → expected result |`: an id column, the rest of the row is the criterion and its messages.
    const idColumn = header.findIndex((cell) => /^(id|ac|criterion|criteria|scenario|#)$/i.test(cell.trim()));
    if (idColumn === 0 && header.length >= 2 && rows.length > 0 && rows.every((row) => criterionId(row.cells[0] ?? '') !== null)) {
      for (const row of rows) {
        const id = criterionId(row.cells[0]!)!;
        const text = collapseWhitespace(row.cells.slice(1).join(' — '));
        this.addCriterion({ id, text, ...splitGivenWhenThen(text), line: row.line });
        for (const cell of row.nodes.slice(1)) this.addMessages(cell, id, null);
      }
      return;
    }
    const tableMessages = readMessageTable(node, block.headings.map((heading) => heading.text).join(' / '));
    // `| Id | Message text | Used in |`: the column that names the criterion each message belongs to.
    const usedIn = header.findIndex((cell) => /^(used (?:in|by)|criteri(?:on|a)|ac|for criterion)$/i.test(cell.trim()));
    for (const message of tableMessages) {
      const criterion = usedIn < 0 ? null : criterionId(rows.find((row) => row.line === message.line)?.cells[usedIn] ?? '');
      this.push({ text: message.text, template: message.template, placeholders: message.placeholders, kind: message.kind, storyId: this.story.id, criterionId: criterion, line: message.line });
    }
    if (tableMessages.length === 0) this.addMessages(node, null, null);
  }

  /** Reads one Gherkin `Scenario:` as a criterion (`AC1` when its title says so, else `Scenario n`) with the messages it quotes. */
  readScenario(scenario: GherkinScenario): void {
    const title = scenario.title.replace(this.story.id, '').trim();
    const id = criterionId(title) ?? `Scenario ${this.story.criteria.filter((criterion) => criterion.id.startsWith('Scenario')).length + 1}`;
    const rest = title.replace(/^(?:AC[-\s]?\d+[a-z]?|Scenario\s*\d+|Criterion\s*\d+)\s*[:.)\-–—]?\s*/i, '');
    const steps = scenario.steps.join(' ');
    this.addCriterion({ id, text: rest ? `${rest}: ${steps}` : steps, ...splitGivenWhenThen(steps), line: scenario.line });
    this.addMessages(linesNode(this.document, scenario.line, scenario.endLine), id, null);
  }
}

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
      readGherkin(gherkin.text, gherkin.firstLine, block);
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
