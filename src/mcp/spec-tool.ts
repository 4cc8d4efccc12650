import { z } from 'zod';
import { readDesignFile } from '../inputs/design/read-design-file.js';
import { readStoriesFile } from '../inputs/stories/read-stories-file.js';
import { buildSpecReport, type SpecReport } from '../spec/build-spec-report.js';
import { guarded, toolSuccess, type ToolContext } from './tool-context.js';
import { confinePath } from './workspace-roots.js';

const inputShape = {
  design: z.string().min(1).describe("The Engineering Lead's technical design (markdown file), relative to the workspace root."),
  stories: z.string().min(1).optional().describe("The Product Manager's user stories (markdown file)."),
};

function summarize(report: SpecReport): string {
  const { design } = report;
  const methods = design.classes.reduce((count, entry) => count + entry.methods.length, 0);
  const lines = [
    `Deliverable: ${design.deliverable ?? '(not stated)'}`,
    `API: ${design.classes.length} class(es), ${methods} method(s), ${design.functions.length} function(s), ${design.exceptions.length} exception(s), ${design.models.length} model(s)`,
  ];
  if (report.stories) lines.push(`Stories: ${report.stories.stories.length}, messages linked to the design: ${report.storyMessages.filter((link) => link.designMessage).length}/${report.storyMessages.length}`);
  for (const warning of report.warnings.slice(0, 10)) lines.push(`  warning (${warning.source} line ${warning.line}): ${warning.message}`);
  if (report.warnings.length > 10) lines.push(`  … ${report.warnings.length - 10} more warnings in the structured result`);
  return lines.join('\n');
}

/** Registers `read_spec`: what backsmith understood of a design and stories (`backsmith spec --json`). */
export function registerSpecTool(context: ToolContext): void {
  context.server.registerTool('read_spec', {
    title: 'Read a technical design and user stories',
    description:
      'Show what backsmith understands of a technical design (and user stories) before generating or verifying: the deliverable ' +
      'file name, classes and methods with signatures, exceptions with codes, models, constants, the messages each story quotes, ' +
      'and warnings (untyped methods, story messages missing from the design). The same document as `backsmith spec --json`.',
    inputSchema: inputShape,
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (input) => guarded(context, async () => {
    const workspace = await context.roots.current();
    const design = await readDesignFile(await confinePath(workspace, input.design, 'Design document'));
    const stories = input.stories ? await readStoriesFile(await confinePath(workspace, input.stories, 'User stories document')) : null;
    const report = buildSpecReport(design, stories);
    return toolSuccess(context, summarize(report), report);
  }));
}
