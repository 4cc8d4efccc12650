import { defineCheck, type CheckReport } from '../../check.js';
import { readSuppressionDirectives } from '../../suppressions/suppression-comments.js';

/**
 * `quality/suppression-comment`: suppression comments that waive nothing. An unknown id in
 * `# backsmith: ignore[...]` waives nothing anywhere; in a model's draft (`generate`) no comment
 * may waive a finding, so each one is reported and the findings it names stay.
 */
export const suppressionComment = defineCheck({
  id: 'quality/suppression-comment',
  category: 'quality',
  severity: 'warning',
  description: 'A `# backsmith: ignore[...]` comment must name known check ids, and generated code may not waive its own findings with `# backsmith:` or `# noqa` comments: the findings have to be fixed.',
  fixHint: 'Fix the finding the comment tries to hide and remove the comment; in your own modules, name a check id listed by `backsmith checks`.',
  async run(context) {
    const directives = readSuppressionDirectives(context.module);
    if (directives.length === 0) return [];
    // Loaded on use: the selectors read the registry, which lists this check.
    const { closestSelector, isKnownSelector } = await import('../../suppressions/check-selectors.js');
    const reports: CheckReport[] = [];
    for (const directive of directives) {
      // pyright's own comments: a draft's are errors (generate/draft-waivers.ts); a user's are listed as waivers.
      if (directive.kind === 'type-ignore') continue;
      if (context.draft) {
        const hides = directive.kind === 'noqa' ? "Ruff still drops the diagnostics it names, but the comment is not allowed" : 'it waives nothing in generated code';
        reports.push({ line: directive.line, message: `\`${directive.text}\` in generated code: ${hides}; fix the finding instead of hiding it` });
        continue;
      }
      if (directive.kind === 'noqa') continue;
      for (const id of directive.ids.filter((selector) => !isKnownSelector(selector))) {
        reports.push({ line: directive.line, message: `\`${directive.text}\` names the unknown check id "${id}"${closestSelector(id) ? ` (closest known: "${closestSelector(id)}")` : ''}, so it waives nothing` });
      }
      if (directive.ids.length === 0) reports.push({ line: directive.line, message: `\`${directive.text}\` names no check id, so it waives nothing` });
    }
    return reports;
  },
});
