import type { List, ListItem, Nodes, Paragraph, Table } from 'mdast';
import { readMessageTable } from '../design/message-table.js';
import { plainText, readTable, sourceOf, type MarkdownBlock, type MarkdownDocument } from '../markdown/markdown-document.js';
import { collapseWhitespace, toMessageTemplate } from '../messages/message-template.js';
import { criterionId, hasGivenWhenThen, readCriterion, splitGivenWhenThen } from './acceptance-criterion.js';
import type { GherkinScenario } from './gherkin-text.js';
import { isMessageText, messageKind, quotedTexts } from './quoted-messages.js';
import { lineAt, linesNode, rangeNode } from './document-offsets.js';
import { cleanTitle, readRoleGoal, type StoryStart } from './story-start.js';
import type { AcceptanceCriterion, Story, StoryMessage } from './story-types.js';

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

/** One story being read: its criteria and messages, from paragraphs, lists, tables and Gherkin scenarios. */
export class StoryBuilder {
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
    // `| # | Criterion | Message |` numbers its rows: row 1 is AC1.
    const idIn = (cell: string) => criterionId(cell) ?? (/^#$/.test(header[0]?.trim() ?? '') && /^\s*\d{1,2}\s*$/.test(cell) ? `AC${cell.trim()}` : null);
    if (idColumn === 0 && header.length >= 2 && rows.length > 0 && rows.every((row) => idIn(row.cells[0] ?? '') !== null)) {
      for (const row of rows) {
        const id = idIn(row.cells[0]!)!;
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
    const rest = title.replace(/^(?:AC[-\s]?\d+(?:\.\d+)*[a-z]?|Scenario\s*\d+|Criterion\s*\d+)\s*[:.)\-–—]?\s*/i, '');
    const steps = scenario.steps.join(' ');
    this.addCriterion({ id, text: rest ? `${rest}: ${steps}` : steps, ...splitGivenWhenThen(steps), line: scenario.line });
    this.addMessages(linesNode(this.document, scenario.line, scenario.endLine), id, null);
    this.addExampleMessages(scenario, id);
  }

  /** `Then I see "<message>"` in an outline: each Examples row's `message` cell is a message of the criterion. */
  private addExampleMessages(scenario: GherkinScenario, id: string): void {
    const examples = scenario.examples;
    if (!examples || examples.rows.length === 0) return;
    for (const step of scenario.steps) {
      const whole = /"<([^<>"]{1,60})>"/.exec(step);
      const column = whole ? examples.header.indexOf(whole[1]!.trim()) : -1;
      if (column < 0) continue;
      for (const row of examples.rows) {
        const cell = row.cells[column] ?? '';
        if (!isMessageText(cell, step.slice(0, whole!.index))) continue;
        this.push({ ...toMessageTemplate(cell), kind: messageKind(step.slice(0, whole!.index), null), storyId: this.story.id, criterionId: id, line: row.line });
      }
    }
  }
}
