/**
 * Corrections a design makes to itself in running text, usually in an "Errata" or "Changes" section
 * at the end: "`record_peak` is renamed `log_peak`", "`close_firing` should read `close_firing(self,
 * firing_no: int, broken: int = 0) -> Firing`", and, in a changelog, "**Removed** `Darkroom.book_whole_day`"
 * or "removed the `Overbooked` exception" (a method, function or class the older text still lists). They are applied once everything else is read, so
 * the corrected API is what the spec holds. Signatures are parsed by the Python parser.
 */
import type { DesignCollector } from './design-collector.js';
import { LineMode } from './harvest-signatures.js';
import { toDesignFunction } from './python-block.js';
import { readPythonOutline } from './read-python-outline.js';
import { readSignatureSnippet } from './signature-snippet.js';

/** A rename or a restated signature. */
export type Erratum = { kind: 'rename'; from: string; to: string; line: number } | { kind: 'signature'; name: string; text: string; line: number }
  | { kind: 'removal'; owner: string | null; name: string; line: number };

const MAX_LINE = 4000;
const RENAME = /`([A-Za-z_]\w*)`\s+(?:is|was|has been|gets)\s+renamed\s+(?:to\s+|as\s+)?`([A-Za-z_]\w*)`/g;
/** "**Removed** `Darkroom.book_whole_day`", "removed the `Overbooked` exception", "`x` was dropped": only in a changelog. */
// The words between the verb and the name hold no `;`, `,` or `.`: "`purge` removed; `expired` added" removes `purge` only.
const REMOVED = /\b(?:removed|dropped|deleted|retired)\b[^`\n;,.]{0,40}?`(?:([A-Z]\w*)\.)?([A-Za-z_]\w*)(?:\(\))?`|`(?:([A-Z]\w*)\.)?([A-Za-z_]\w*)(?:\(\))?`\s+(?:(?:is|was|has been)\s+)?(?:removed|dropped|deleted|retired)\b/gi;
const CHANGELOG_HEADING = /^ {0,3}#{1,6}\s.*\b(?:change ?log|changes|history|revisions?|errata|release notes)\b/i;
const HEADING = /^ {0,3}#{1,6}\s/;
const RESTATED = /`([a-z_]\w*)`\s+(?:should read|should be|now reads|is now|becomes)\s*:?\s+`([^`]+)`/g;

/** The corrections written in the document's prose lines (`modes` marks the lines code blocks cover). */
export function readErrata(lines: string[], modes: Uint8Array): Erratum[] {
  const errata: Erratum[] = [];
  let inChangelog = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (HEADING.test(line)) inChangelog = CHANGELOG_HEADING.test(line);
    if (modes[index] !== LineMode.Prose || line.length > MAX_LINE) continue;
    if (inChangelog && /removed|dropped|deleted|retired/i.test(line)) {
      for (const match of line.matchAll(REMOVED)) errata.push({ kind: 'removal', owner: match[1] ?? match[3] ?? null, name: (match[2] ?? match[4])!, line: index + 1 });
    }
    if (!/renamed|should|now|becomes/.test(line)) continue;
    for (const match of line.matchAll(RENAME)) if (match[1] !== match[2]) errata.push({ kind: 'rename', from: match[1]!, to: match[2]!, line: index + 1 });
    for (const match of line.matchAll(RESTATED)) errata.push({ kind: 'signature', name: match[1]!, text: match[2]!, line: index + 1 });
  }
  return errata;
}

/** Applies the corrections to what was collected, renames first; says in a warning what each changed. */
export async function applyErrata(collector: DesignCollector, errata: Erratum[]): Promise<void> {
  for (const erratum of errata) {
    if (erratum.kind !== 'rename') continue;
    const { from, to } = erratum;
    let changed = false;
    for (const cls of collector.classes.values()) {
      for (const method of cls.methods) if (method.name === from && !cls.methods.some((other) => other.name === to)) [method.name, changed] = [to, true];
    }
    const fn = collector.functions.get(from);
    if (fn && !collector.functions.has(to)) {
      collector.functions.delete(from);
      collector.functions.set(to, { ...fn, name: to });
      changed = true;
    }
    const cls = collector.classes.get(from);
    if (cls && !collector.classes.has(to)) {
      collector.classes.delete(from);
      collector.classes.set(to, { ...cls, name: to, methods: cls.methods.map((method) => ({ ...method, className: to })) });
      changed = true;
    }
    for (const declared of collector.declaredExceptions) {
      if (declared.name === from) [declared.name, changed] = [to, true];
      if (declared.base === from) declared.base = to;
    }
    for (const other of collector.classes.values()) other.bases = other.bases.map((base) => (base === from ? to : base));
    if (changed) collector.warn('conflict', `\`${from}\` is renamed \`${to}\` at line ${erratum.line}; the new name is used`, erratum.line);
  }
  for (const erratum of errata) {
    if (erratum.kind !== 'removal') continue;
    const { owner, name } = erratum;
    let removed = false;
    for (const cls of collector.classes.values()) {
      if (owner !== null && cls.name !== owner) continue;
      const kept = cls.methods.filter((method) => method.name !== name);
      if (kept.length !== cls.methods.length) [cls.methods, removed] = [kept, true];
    }
    if (owner === null && collector.functions.delete(name)) removed = true;
    if (owner === null && collector.classes.delete(name)) removed = true;
    const declared = collector.declaredExceptions.filter((exception) => owner !== null || exception.name !== name);
    if (declared.length !== collector.declaredExceptions.length) {
      collector.declaredExceptions.splice(0, collector.declaredExceptions.length, ...declared);
      removed = true;
    }
    if (removed) collector.warn('conflict', `\`${owner ? `${owner}.` : ''}${name}\` is removed by the changelog at line ${erratum.line}; left out`, erratum.line);
  }
  for (const erratum of errata) {
    if (erratum.kind !== 'signature') continue;
    const snippet = readSignatureSnippet(erratum.text);
    if (!snippet || snippet.name !== erratum.name) continue;
    const owner = [...collector.classes.values()].find((cls) => (snippet.owner === null || cls.name === snippet.owner) && cls.methods.some((method) => method.name === snippet.name));
    const outline = await readPythonOutline(`def ${snippet.name}(${snippet.parameters})${snippet.returns ? ` -> ${snippet.returns}` : ''}: ...\n`);
    const parsed = outline.parseErrorLines.length === 0 ? outline.functions[0] : undefined;
    if (!parsed) continue;
    const corrected = toDesignFunction(parsed, owner?.name ?? null, 0);
    const target = owner ? owner.methods.find((method) => method.name === snippet.name) : collector.functions.get(snippet.name);
    if (!target) continue;
    target.parameters = corrected.parameters;
    target.returnAnnotation = corrected.returnAnnotation ?? target.returnAnnotation;
    collector.warn('conflict', `\`${snippet.name}\` is restated at line ${erratum.line}; that signature is used`, erratum.line);
  }
}
