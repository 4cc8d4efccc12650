import { defineCheck, type CheckReport } from '../../check.js';

/** A name spelled with characters Python folds (NFKC) into other ones: `ｏｓ._ｅｘｉｔ` is `os._exit`. */
function folded(name: string | null): string | null {
  if (name === null) return null;
  let ascii = true;
  for (let index = 0; index < name.length && ascii; index++) ascii = name.charCodeAt(index) < 128;
  if (ascii) return null;
  const normal = name.normalize('NFKC');
  return normal === name ? null : normal;
}

/**
 * `safety/lookalike-name`: Python reads identifiers in NFKC form, so a name written with
 * full-width or other compatibility characters is another name to the interpreter than it looks
 * to a reviewer, and than it is to backsmith's name-based checks (`ｏｓ.ｓｙｓｔｅｍ` runs `os.system`).
 */
export const lookalikeName = defineCheck({
  id: 'safety/lookalike-name',
  category: 'safety',
  severity: 'error',
  description: 'Python folds identifiers to their NFKC form: `ｏｓ._ｅｘｉｔ` runs os._exit and `ｅｘｅｃ` is exec. A name spelled with such look-alike characters hides what the code calls from review and from name-based checks.',
  fixHint: 'Spell every identifier (imports, calls, attributes, definitions) in plain ASCII letters, digits and underscores, as PEP 8 asks of the standard library.',
  run(context) {
    const { module } = context;
    const reports: CheckReport[] = [];
    const seen = new Set<string>();
    const report = (written: string | null, line: number, what: string) => {
      const normal = folded(written);
      if (normal === null || seen.has(`${line}\u0000${written}`)) return;
      seen.add(`${line}\u0000${written}`);
      reports.push({ message: `${what} \`${written}\` is spelled with look-alike characters: Python reads it as \`${normal}\``, line });
    };
    for (const entry of module.imports) {
      report(entry.module, entry.line, 'The imported module');
      for (const name of entry.names) report(name, entry.line, 'The imported name');
    }
    for (const reference of module.references ?? []) {
      report(reference.name, reference.line, reference.kind === 'call' ? 'The called name' : 'The name');
      if (reference.name === null) report(reference.attribute, reference.line, 'The attribute');
    }
    for (const fn of module.functions) report(fn.name, fn.line, 'The function name');
    for (const cls of module.classes) {
      report(cls.name, cls.line, 'The class name');
      for (const method of cls.methods) report(method.name, method.line, 'The method name');
    }
    return reports.sort((left, right) => left.line - right.line);
  },
});
