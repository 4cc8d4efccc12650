/** How a design states the file to produce, strongest first. */
export type StatedForm = 'title' | 'label' | 'code-comment' | 'prose' | 'mention';

/** A `.py` file name the design states, where and how. */
export interface StatedModuleFile {
  /** The file's stem as written (`accounts`, `Racing`). */
  stem: string;
  form: StatedForm;
  /** 1-based line of the statement. */
  line: number;
  /** How often the design mentions the file in all. */
  mentions: number;
}

const FORM_RANK: Record<StatedForm, number> = { title: 0, label: 1, 'code-comment': 2, prose: 3, mention: 4 };
/** Never the deliverable: tests, packaging, entry points. */
const NEVER = /^(test_\w*|\w*_test|tests?|conftest|setup|__init__|__main__|manage|wsgi|asgi)$/i;
/** Files of a multi-file layout or the app around the module: the deliverable only when a title or label says so. */
const COMPANION = /^(app|main|run|server|cli|gui|ui|\w*_app|\w*_ui|\w*gradio\w*|\w*streamlit\w*|models?|exceptions?|errors?|services?|utils?|helpers?|constants?|config|settings|schemas?|types)$/i;
const FILE = /(?<![\w.\\/-])((?:[\w.-]+[\\/])*)([A-Za-z_]\w*)\.py(?![\w])/g;
const HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/;
const COMMENT_NAME = /^#\s*(?:file(?:name)?\s*:?\s*)?(?:[\w.-]+[\\/])*[A-Za-z_]\w*\.py\s*$/i;
/** A heading that is only a file name: `## \`accounts.py\``. */
const ONLY_NAME = /^[`*_\s]*(?:[\w.-]+[\\/])*[A-Za-z_]\w*\.py[`*_\s]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([\w+-]*)/;
/** "Module: x.py", "**Module Name:** `x.py`", "- File name = x.py", "Módulo: x.py". */
const LABEL = /^(?:[-*+]\s+|\d+[.)]\s+)?[*_]{0,2}\s*(?:the\s+)?(?:python\s+)?(?:module|file|filename|deliverable|output(?:\s+file)?|target(?:\s+file)?|m[oó]dulo|archivo|fichero|fichier|modul|datei)(?:\s+(?:name|nombre|nom))?\s*[*_]{0,2}\s*[:=]\s*[*_]{0,2}\s*`?(?:[\w.-]+[\\/])*[A-Za-z_]\w*\.py\b/i;
/** A module or file word right next to the name: "the `x.py` module", "a single file named x.py", "delivered as x.py". */
const NEAR_BEFORE = /\b(?:module|file|deliver(?:ed|able)?|m[oó]dulo|archivo|fichero|fichier|modul|datei)\b[^.\n]{0,24}$/i;
const NEAR_AFTER = /^[`*_'"]*\s*(?:python\s+)?(?:module|file|m[oó]dulo|archivo|fichier|modul|datei)\b/i;

interface Candidate {
  stem: string;
  form: StatedForm;
  line: number;
  /** Named by a code block's first comment or a heading that is only the name: one file of a layout? */
  perBlock: boolean;
}

function formOf(text: string, match: RegExpMatchArray, isTitle: boolean, isHeading: boolean, codeComment: boolean): StatedForm {
  if (isTitle) return 'title';
  if (codeComment) return 'code-comment';
  const bare = isHeading ? text : text.trim();
  if (LABEL.test(bare)) return 'label';
  const start = match.index ?? 0;
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(start + match[0].length, start + match[0].length + 24);
  return NEAR_BEFORE.test(before) || NEAR_AFTER.test(after) ? 'prose' : 'mention';
}

function allowed(stem: string, form: StatedForm): boolean {
  if (NEVER.test(stem)) return false;
  return form === 'title' || form === 'label' || !COMPANION.test(stem);
}

/** Every `.py` name of the document, with the form of its statement. */
function candidatesIn(source: string): Candidate[] {
  const candidates: Candidate[] = [];
  let seenContent = false;
  let seenHeading = false;
  let fenceInfo: string | null = null;
  let afterFence = false;
  const lines = source.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!.replace(/\r$/, '');
    if (text.trim() === '') continue;
    const fence = FENCE.exec(text);
    if (fence) {
      fenceInfo = fence[2]!.toLowerCase();
      afterFence = true;
      continue;
    }
    const firstInBlock = afterFence;
    afterFence = false;
    const heading = HEADING.exec(text);
    // The first line of a ```markdown wrapper is the document's title, not a code comment.
    const wrapped = fenceInfo === 'markdown' || fenceInfo === 'md' || !seenContent;
    seenContent = true;
    const codeComment = !!heading && firstInBlock && !wrapped && COMMENT_NAME.test(text.trim());
    const isTitle = !!heading && !codeComment && !seenHeading;
    if (heading && !codeComment) seenHeading = true;
    const body = heading && !codeComment ? heading[1]! : text;
    const onlyName = !!heading && !codeComment && ONLY_NAME.test(body.trim());
    for (const match of body.matchAll(FILE)) {
      const stem = match[2]!;
      const form = onlyName && !isTitle ? 'label' : formOf(body, match, isTitle, !!heading, codeComment);
      if (allowed(stem, form)) candidates.push({ stem, form, line: index + 1, perBlock: codeComment || (onlyName && !isTitle) });
    }
  }
  return candidates;
}

/**
 * The `.py` file the design says to produce, or null: its title (`# accounts.py`), a label
 * (`Module: accounts.py`), the first comment of a code block (one file only: several are a
 * multi-file layout), a sentence (`The accounts.py module`), or, last, the most mentioned name.
 */
export function statedModuleFile(source: string): StatedModuleFile | null {
  const candidates = candidatesIn(source);
  if (candidates.length === 0) return null;
  const counts = new Map<string, number>();
  for (const candidate of candidates) counts.set(candidate.stem, (counts.get(candidate.stem) ?? 0) + 1);
  // `### models.py` … `### catalog.py`, or one `# file.py` comment per code block: a multi-file layout.
  const perBlockStems = new Set(candidates.filter((candidate) => candidate.perBlock).map((candidate) => candidate.stem));
  const usable = candidates.filter((candidate) => !candidate.perBlock || perBlockStems.size === 1);
  const best = usable.reduce<Candidate | null>((top, candidate) => {
    if (!top) return candidate;
    const rank = FORM_RANK[candidate.form] - FORM_RANK[top.form];
    if (rank !== 0) return rank < 0 ? candidate : top;
    // Equal forms: the more mentioned name, then the earlier statement.
    return (counts.get(candidate.stem) ?? 0) > (counts.get(top.stem) ?? 0) ? candidate : top;
  }, null);
  return best ? { stem: best.stem, form: best.form, line: best.line, mentions: counts.get(best.stem) ?? 0 } : null;
}
