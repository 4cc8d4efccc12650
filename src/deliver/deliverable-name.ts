import { BacksmithError } from '../errors.js';

/** Where the brief puts backend modules, relative to the project (its spelling, kept on purpose). */
export const DEFAULT_OUT_DIR = 'src/copilot_genereated/engineering';

const PYTHON_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What names the deliverable: flags win over the design. */
export interface DeliverableNameSources {
  feature?: string | null;
  module?: string | null;
  /** What the design says: its feature and module names, or a whole file name. */
  design?: { featureName: string | null; moduleName: string | null; deliverable: string | null } | null;
}

/** The deliverable's file name and how it was decided. */
export interface DeliverableName {
  fileName: string;
  source: 'flags' | 'design' | 'flags and design';
}

function checkPart(value: string, what: string): string {
  const trimmed = value.trim();
  if (!PYTHON_NAME.test(trimmed)) {
    throw new BacksmithError(`The ${what} name "${value}" cannot be part of a Python module name; use letters, digits and underscores (e.g. library_lending).`);
  }
  return trimmed;
}

/**
 * `[feature]_[module].py`, from `--feature`/`--module` when given, else from the design. Throws a
 * BacksmithError saying which flags to pass when neither says.
 */
export function deliverableName(sources: DeliverableNameSources): DeliverableName {
  const design = sources.design ?? null;
  if (!sources.feature && !sources.module && design?.deliverable) {
    const stem = design.deliverable.replace(/\.py$/, '');
    return { fileName: `${checkPart(stem, 'deliverable')}.py`, source: 'design' };
  }
  const feature = sources.feature ?? design?.featureName ?? null;
  const module = sources.module ?? design?.moduleName ?? null;
  if (!feature || !module) {
    const missing = [feature ? null : '--feature', module ? null : '--module'].filter(Boolean).join(' and ');
    throw new BacksmithError(
      `Cannot tell the deliverable's file name: the design does not name its ${feature ? 'module' : 'feature'}. ` +
        `Pass ${missing} (the module is saved as [feature]_[module].py, e.g. --feature library_lending --module service).`,
    );
  }
  const fromFlags = !!sources.feature || !!sources.module;
  const fromDesign = !sources.feature || !sources.module;
  return {
    fileName: `${checkPart(feature, 'feature')}_${checkPart(module, 'module')}.py`,
    source: fromFlags && fromDesign ? 'flags and design' : fromFlags ? 'flags' : 'design',
  };
}
