import { statedModuleFile, type StatedForm } from './stated-module-file.js';

/** Where the deliverable's name came from, strongest first; `title-words` is a guess. */
export type DeliverableOrigin = StatedForm | 'file-name' | 'labels' | 'title-words';

/** The deliverable's name, `[feature]_[module].py` or the file the design states, and how it was found. */
export interface DesignNaming {
  featureName: string | null;
  moduleName: string | null;
  deliverable: string | null;
  /** How the name was found, for people (with the design line when there is one). */
  deliverableSource: string | null;
  /** How the name was found, for programs; null when there is no name. */
  deliverableOrigin: DeliverableOrigin | null;
}

const FORM_WORDS: Record<StatedForm, string> = {
  title: 'the design\'s title',
  label: 'a label',
  'code-comment': 'the first comment of a code block',
  prose: 'the text',
  mention: 'the most mentioned file name',
};

function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The feature named by a label ("Feature `expense_splitter`", "**Feature:** `library_lending`"). */
function labelled(source: string, label: string): string | null {
  const match = new RegExp(`\\b${label}(?: name)?\\b[*\\s]*(?:[:=][*\\s]*)?\`([a-z][a-z0-9_]*)\``, 'i').exec(source);
  return match ? match[1]! : null;
}

function baseName(sourceName: string): string {
  return sourceName.split(/[\\/]/).pop() ?? sourceName;
}

/** `accounts.py_design.md` names its module file. */
function fileFromFileName(sourceName: string): string | null {
  const match = /^([A-Za-z_]\w*)\.py[_.-][\w.-]*\.(md|markdown|txt)$/i.exec(baseName(sourceName));
  return match ? match[1]! : null;
}

function featureFromFileName(sourceName: string): string | null {
  const match = /^([a-z][a-z0-9_]*?)_(technical_design|tech_design|design|technical_spec|spec)\.(md|markdown|txt)$/i.exec(baseName(sourceName));
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

/** Splits a stated stem into feature and module: by the labels when they fit, else at the last `_`. */
function splitStem(stem: string, labelFeature: string | null, labelModule: string | null): { featureName: string | null; moduleName: string } {
  if (labelFeature && stem.startsWith(`${labelFeature}_`)) return { featureName: labelFeature, moduleName: stem.slice(labelFeature.length + 1) };
  if (labelModule && stem.endsWith(`_${labelModule}`)) return { featureName: stem.slice(0, -labelModule.length - 1), moduleName: labelModule };
  const cut = stem.lastIndexOf('_');
  // A bare `accounts.py` has no feature part: the stated name is kept whole.
  return cut > 0 ? { featureName: stem.slice(0, cut), moduleName: stem.slice(cut + 1) } : { featureName: labelFeature, moduleName: stem };
}

/**
 * Names the deliverable. A `.py` name the design states wins, as written (`accounts.py` stays
 * `accounts.py`; the brief's `[feature]_[module].py` applies only when the design states none):
 * its title, a label, a code block's first comment, a sentence, then the design file's own name
 * (`accounts.py_design.md`), then the most mentioned `.py` name. Else `[feature]_[module].py` from
 * "Feature"/"Module" labels or `[feature]_technical_design.md` and the primary class; a feature
 * made up from the title's words is the last resort (`deliverableOrigin: 'title-words'`, a warning).
 */
export function designNaming(source: string, sourceName: string, title: string | null, primaryClass: string | null): DesignNaming {
  const labelFeature = labelled(source, 'feature');
  const labelModule = labelled(source, 'module');
  const stated = statedModuleFile(source);
  const fromFileName = fileFromFileName(sourceName);
  if (stated && stated.form !== 'mention') {
    const where = `stated in ${FORM_WORDS[stated.form]} at line ${stated.line}`;
    return { ...splitStem(stated.stem, labelFeature, labelModule), deliverable: `${stated.stem}.py`, deliverableSource: where, deliverableOrigin: stated.form };
  }
  if (fromFileName) {
    return { ...splitStem(fromFileName, labelFeature, labelModule), deliverable: `${fromFileName}.py`, deliverableSource: `stated in the design file's name, ${baseName(sourceName)}`, deliverableOrigin: 'file-name' };
  }
  const fileFeature = featureFromFileName(sourceName);
  const knownFeature = labelFeature ?? fileFeature;
  // A mentioned file counts unless it contradicts a feature the design names.
  if (stated && (!knownFeature || stated.stem.startsWith(`${knownFeature}_`))) {
    const where = `${FORM_WORDS.mention} of the design, ${stated.mentions}× from line ${stated.line}`;
    return { ...splitStem(stated.stem, knownFeature, labelModule), deliverable: `${stated.stem}.py`, deliverableSource: where, deliverableOrigin: 'mention' };
  }
  const featureName = knownFeature ?? featureFromTitle(title);
  const moduleName = labelModule ?? moduleFromClass(primaryClass);
  if (!featureName || !moduleName) return { featureName, moduleName, deliverable: null, deliverableSource: null, deliverableOrigin: null };
  const guessed = !knownFeature;
  const how = [
    labelFeature ? 'the feature label' : fileFeature ? 'the design file\'s name' : `words of the title "${title}"`,
    labelModule ? 'the module label' : `the primary class ${primaryClass}`,
  ];
  return {
    featureName,
    moduleName,
    deliverable: `${featureName}_${moduleName}.py`,
    deliverableSource: `${guessed ? 'made up from' : 'from'} ${how.join(' and ')}`,
    deliverableOrigin: guessed ? 'title-words' : labelFeature || labelModule ? 'labels' : 'file-name',
  };
}
