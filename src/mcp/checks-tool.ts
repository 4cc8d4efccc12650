import { z } from 'zod';
import { BacksmithError } from '../errors.js';
import { CHECK_CATEGORIES } from '../verify/finding.js';
import { ALL_CHECKS } from '../verify/registry.js';
import { guarded, toolSuccess, type ToolContext } from './tool-context.js';

const inputShape = {
  category: z.string().min(1).optional().describe('Only checks of this category (format, quality, contract, design, stories, safety…).'),
};

/** Registers `list_checks`: every check with its id, severity, description and fix hint (`backsmith checks --json`). */
export function registerChecksTool(context: ToolContext): void {
  context.server.registerTool('list_checks', {
    title: 'List backsmith checks',
    description: 'List the checks verify_module runs: id, category, default severity, what each looks for, its fix hint, and what it needs (design, stories, a run, tests).',
    inputSchema: inputShape,
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (input) => guarded(context, async () => {
    const category = input.category?.replace(/\/$/, '');
    if (category !== undefined && !(CHECK_CATEGORIES as readonly string[]).includes(category)) {
      throw new BacksmithError(`Unknown check category "${input.category}"; the categories are ${CHECK_CATEGORIES.join(', ')}.`);
    }
    const checks = ALL_CHECKS.filter((check) => !category || check.category === category).map(({ id, category, severity, description, fixHint, requires }) => ({
      id, category, severity, description, fixHint, requires: requires ?? [],
    }));
    const text = checks.map((check) => `${check.id} (${check.severity}): ${check.description}`).join('\n');
    return toolSuccess(context, `${text}\n${checks.length} checks.`, { checks });
  }));
}
