/** The deliverable's name, `[feature]_[module].py`, and how it was found. */
export interface DesignNaming {
  featureName: string | null;
  moduleName: string | null;
  deliverable: string | null;
  deliverableSource: string | null;
}

/** Names of multi-file layouts and app files: never the backend deliverable itself. */
const NOT_DELIVERABLE = /^(test_.*|.*_test|conftest|setup|__init__|__main__|app|main|.*_app|.*_ui|.*gradio.*|models?|exceptions?|errors?|services?|utils?|helpers?|constants?|config|schemas?|types)$/;

function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The feature named by a label ("Feature `expense_splitter`", "**Feature:** `library_lending`"). */
function labelled(source: string, label: string): string | null {
  const match = new RegExp(`\\b${label}(?: name)?\\b\\**\\s*[:=]?\\s*\\**\\s*\`([a-z][a-z0-9_]*)\``, 'i').exec(source);
  return match ? match[1]! : null;
}

/** `.py` file names mentioned anywhere, most mentioned first (then first mentioned). */
function pythonFileMentions(source: string): string[] {
  const counts = new Map<string, number>();
  for (const match of source.matchAll(/(?<![\w/.-])([a-z][a-z0-9_]*)\.py\b/g)) {
    const stem = match[1]!;
    if (!stem.includes('_') || NOT_DELIVERABLE.test(stem)) continue;
    counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([stem]) => stem);
}

function featureFromFileName(sourceName: string): string | null {
  const base = sourceName.split(/[\\/]/).pop() ?? sourceName;
  const match = /^([a-z][a-z0-9_]*?)_(technical_design|tech_design|design|technical_spec|spec)\.(md|markdown|txt)$/i.exec(base);
  return match ? match[1]!.toLowerCase() : null;
}

function featureFromTitle(title: string | null): string | null {
  if (!title) return null;
  const cleaned = title.replace(/\b(technical|design|document|spec(ification)?|engineering|backend|module)\b/gi, ' ').replace(/[-–—:|]/g, ' ');
  const name = snakeCase(cleaned);
  return name.length > 0 ? name : null;
}

/** `ExpenseLedger` → `ledger`, `LibraryLendingService` → `service`. */
function moduleFromClass(className: string | null): string | null {
  if (!className) return null;
  const words = snakeCase(className).split('_');
  return words[words.length - 1] || null;
}

/**
 * Works out `[feature]_[module].py`: an explicit `.py` name wins, then "Feature `x`" / "Module `y`"
 * labels, then the document's file name (`[feature]_technical_design.md`), then its title; the
 * module falls back to the primary class's last word.
 */
export function designNaming(source: string, sourceName: string, title: string | null, primaryClass: string | null): DesignNaming {
  const labelFeature = labelled(source, 'feature');
  const labelModule = labelled(source, 'module');
  const fileFeature = featureFromFileName(sourceName);
  const knownFeature = labelFeature ?? fileFeature;
  const mentions = pythonFileMentions(source);
  const explicit = mentions.find((stem) => knownFeature && stem.startsWith(`${knownFeature}_`)) ?? (knownFeature ? null : mentions[0]) ?? null;
  if (explicit) {
    let featureName = knownFeature;
    let moduleName = featureName ? explicit.slice(featureName.length + 1) : null;
    if (!featureName && labelModule && explicit.endsWith(`_${labelModule}`)) {
      moduleName = labelModule;
      featureName = explicit.slice(0, -labelModule.length - 1);
    }
    if (!featureName || !moduleName) {
      const cut = explicit.lastIndexOf('_');
      featureName = explicit.slice(0, cut);
      moduleName = explicit.slice(cut + 1);
    }
    return { featureName, moduleName, deliverable: `${explicit}.py`, deliverableSource: `the design names ${explicit}.py` };
  }
  const featureName = knownFeature ?? featureFromTitle(title);
  const moduleName = labelModule ?? moduleFromClass(primaryClass);
  if (!featureName || !moduleName) return { featureName, moduleName, deliverable: null, deliverableSource: null };
  const how = [
    labelFeature ? 'the feature label' : fileFeature ? 'the file name' : 'the title',
    labelModule ? 'the module label' : `the primary class ${primaryClass}`,
  ];
  return { featureName, moduleName, deliverable: `${featureName}_${moduleName}.py`, deliverableSource: `from ${how.join(' and ')}` };
}
