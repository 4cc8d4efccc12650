import type { Command } from 'commander';
import { EXIT_PASSED } from '../errors.js';
import { readDesignFile } from '../inputs/design/read-design-file.js';
import { readStoriesFile } from '../inputs/stories/read-stories-file.js';
import { escapeTerminal } from '../report/escape-terminal.js';
import { formatSpecReport } from '../report/format-spec.js';
import { buildSpecReport } from '../spec/build-spec-report.js';
import type { CliIo } from './cli-io.js';

interface SpecFlags {
  design: string;
  stories?: string;
  json?: boolean;
}

/** Registers `backsmith spec`: shows what backsmith understood of a design and stories, before any generation. */
export function registerSpecCommand(program: Command, io: CliIo): void {
  program
    .command('spec')
    .description('Show what backsmith understands of a technical design (and user stories): API, exceptions, models, messages, warnings')
    .requiredOption('--design <file>', 'technical design document (markdown)')
    .option('--stories <file>', 'user stories document (markdown)')
    .option('--json', 'print one JSON document instead of the listing')
    .action(async (flags: SpecFlags) => {
      const design = await readDesignFile(flags.design);
      const stories = flags.stories ? await readStoriesFile(flags.stories) : null;
      const report = buildSpecReport(design, stories);
      // The listing quotes the documents: terminal controls in them (ESC, BEL, CR) are shown, not obeyed.
      io.stdout(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatSpecReport(report).split('\n').map(escapeTerminal).join('\n'));
      io.setExitCode(EXIT_PASSED);
    });
}
