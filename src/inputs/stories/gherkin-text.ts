/**
 * Gherkin written in stories: in a ```gherkin block, or as plain indented text in the markdown
 * (`Feature: …`, `Scenario: US-001 AC1 …`, then Given/When/Then lines). Only the structure is
 * read here; the quoted messages are read by the stories reader, scenario by scenario.
 */

/** One `Scenario:` with its steps and the lines it spans. */
export interface GherkinScenario {
  title: string;
  steps: string[];
  line: number;
  endLine: number;
  /** An outline's `Examples:` table: its header and rows (each with its line), or null. */
  examples?: { header: string[]; rows: Array<{ cells: string[]; line: number }> } | null;
}

/** Cells of a Gherkin table row (`| a | b |`), `\|` kept as a pipe. */
function tableCells(raw: string): string[] {
  return raw.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** A Gherkin text: its feature (title and the description under it) and its scenarios. */
export interface GherkinText {
  feature: { title: string; description: string; line: number; tags: string } | null;
  scenarios: GherkinScenario[];
}

/** The keyword a Gherkin text starts with. */
export const GHERKIN_START = /^\s*(?:Feature|Scenario(?: Outline| Template)?|Example|Background|Rule):/;
const SECTION = /^\s*(Feature|Scenario(?: Outline| Template)?|Example|Background|Rule|Examples|Scenarios):\s*(.*)$/i;
const STEP = /^\s*(?:Given|When|Then|And|But|\*)\s/i;
const TAGS = /^\s*@[\w.-]+(?:\s+@[\w.-]+)*\s*$/;
/** A whole document in Gherkin: tags, a `# language:` line and blank lines, then `Feature:` (a markdown `# Title` is no Gherkin comment here). */
export const GHERKIN_DOCUMENT = /^\uFEFF?(?:[ \t]*(?:#\s*language:[^\n]*|@[^\n]*)?\r?\n){0,50}[ \t]*Feature:/;

/** The features of a Gherkin document, each with its tag lines, and the line (1-based) each starts on. */
export function gherkinFeatures(text: string): Array<{ text: string; firstLine: number }> {
  const lines = text.split('\n');
  const starts: number[] = [];
  lines.forEach((line, index) => {
    if (!/^\s*Feature:/.test(line)) return;
    let start = index;
    while (start > 0 && (TAGS.test(lines[start - 1]!) || /^\s*#/.test(lines[start - 1]!))) start--;
    starts.push(start);
  });
  return starts.map((start, index) => ({ text: lines.slice(start, starts[index + 1] ?? lines.length).join('\n'), firstLine: start + 1 }));
}

/** Reads the feature and scenarios of a Gherkin text whose first line is `firstLine` of the document. */
export function readGherkinText(text: string, firstLine: number): GherkinText {
  const result: GherkinText = { feature: null, scenarios: [] };
  let current: GherkinScenario | null = null;
  let inDescription = false;
  /** `@BAKE-1 @smoke` lines before the next feature or scenario. */
  let tags = '';
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = firstLine + index;
    if (TAGS.test(raw)) {
      tags = `${tags} ${raw.trim()}`.trim();
      return;
    }
    const section = SECTION.exec(raw);
    if (section && /^(?:examples|scenarios)$/i.test(section[1]!) && current) current.examples = { header: [], rows: [] };
    if (current?.examples && !section && raw.trim().startsWith('|')) {
      if (current.examples.header.length === 0) current.examples.header = tableCells(raw);
      else current.examples.rows.push({ cells: tableCells(raw), line });
      return;
    }
    // An outline's `Examples:` table belongs to its scenario.
    if (section && !/^(?:examples|scenarios)$/i.test(section[1]!)) {
      if (current) current.endLine = line - 1;
      current = null;
      inDescription = false;
      const keyword = section[1]!.toLowerCase();
      const ownTags = tags;
      tags = '';
      if (keyword === 'feature') {
        result.feature = { title: section[2]!.trim(), description: '', line, tags: ownTags };
        inDescription = true;
      } else if (keyword.startsWith('scenario') || keyword === 'example') {
        current = { title: section[2]!.trim(), steps: [], line, endLine: firstLine + lines.length - 1 };
        result.scenarios.push(current);
      }
      return;
    }
    if (current && STEP.test(raw)) current.steps.push(raw.trim());
    else if (inDescription && result.feature && raw.trim() !== '') result.feature.description += `${result.feature.description ? ' ' : ''}${raw.trim()}`;
  });
  return result;
}
