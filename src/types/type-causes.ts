import type { PythonModule } from '../python/python-model.js';
import type { TypeFinding } from './type-finding.js';
import { SHADOWED_FIELD_OPENING } from './type-repair.js';

/** A field and a method of one class that share a name: one hides the other. */
export interface ShadowedField {
  className: string;
  name: string;
  fieldLine: number;
  methodLine: number;
  /** Lines of the class, which every finding the shadowing causes lies within. */
  classLine: number;
  classEndLine: number;
}

/** Fields (class-body names or `self.x = ...` assignments) that a method of the same class shares a name with. */
export function shadowedFields(module: PythonModule): ShadowedField[] {
  const found: ShadowedField[] = [];
  for (const pythonClass of module.classes) {
    const fields = new Map<string, number>();
    for (const attribute of pythonClass.attributes) if (!fields.has(attribute.name)) fields.set(attribute.name, attribute.line);
    for (const method of pythonClass.methods) {
      for (const mutation of method.body.attributeMutations) {
        if (mutation.operation !== 'assign' || !mutation.target.startsWith('self.')) continue;
        const name = mutation.target.slice('self.'.length);
        if (!name.includes('.') && !fields.has(name)) fields.set(name, mutation.line);
      }
    }
    const seen = new Set<string>();
    for (const method of pythonClass.methods) {
      const fieldLine = fields.get(method.name);
      if (fieldLine === undefined || seen.has(method.name)) continue;
      seen.add(method.name);
      found.push({ className: pythonClass.name, name: method.name, fieldLine, methodLine: method.line, classLine: pythonClass.line, classEndLine: pythonClass.endLine });
    }
  }
  return found;
}

function spanText(lines: readonly string[], finding: TypeFinding): string {
  const line = lines[finding.line - 1] ?? '';
  return finding.endLine === finding.line ? line.slice(finding.column - 1, finding.endColumn - 1) : line.slice(finding.column - 1);
}

/**
 * Whether pyright's finding is a consequence of the shadowing: on the field's or the method's line,
 * or on a use of the name (`self.positions[...]`, `portfolio.positions`) where pyright sees the method.
 */
function causedBy(shadow: ShadowedField, finding: TypeFinding, lines: readonly string[]): boolean {
  const inClass = finding.line >= shadow.classLine && finding.line <= shadow.classEndLine;
  if (inClass && (finding.line === shadow.fieldLine || finding.line === shadow.methodLine)) return true;
  const span = spanText(lines, finding);
  if (inClass && (span === `self.${shadow.name}` || span.startsWith(`self.${shadow.name}[`))) return true;
  return span.endsWith(`.${shadow.name}`) && finding.message.includes(`Self@${shadow.className})`);
}

/**
 * Regroups pyright's findings by cause: every finding a field shadowed by a method causes (the
 * redeclaration, indexing the method or passing it on as if it were the data) becomes one
 * `types/attribute-access` finding that names the cause and lists the lines, so that one mistake
 * is one finding and a repair fixes the cause, not each symptom.
 */
export function groupByCause(findings: readonly TypeFinding[], module: PythonModule): TypeFinding[] {
  const shadows = shadowedFields(module);
  if (shadows.length === 0) return [...findings];
  const lines = module.source.split('\n');
  const rest: TypeFinding[] = [];
  const grouped = new Map<ShadowedField, TypeFinding[]>();
  for (const finding of findings) {
    const shadow = shadows.find((candidate) => causedBy(candidate, finding, lines));
    if (shadow) grouped.set(shadow, [...(grouped.get(shadow) ?? []), finding]);
    else rest.push(finding);
  }
  for (const [shadow, symptoms] of grouped) {
    const at = [...new Set(symptoms.map((finding) => finding.line))];
    const first = symptoms.find((finding) => finding.rule !== 'reportRedeclaration') ?? symptoms[0]!;
    rest.push({
      checkId: 'types/attribute-access',
      rule: first.rule,
      message: `${SHADOWED_FIELD_OPENING}${shadow.name}\` (line ${shadow.fieldLine}) is shadowed by the method \`${shadow.name}()\` (line ${shadow.methodLine}) of \`${shadow.className}\`; pyright reports ${symptoms.length} error${symptoms.length === 1 ? '' : 's'} from it (line${at.length === 1 ? '' : 's'} ${at.join(', ')}), e.g. ${first.message.split(' — ')[0]}`,
      line: shadow.methodLine,
      column: 1,
      endLine: shadow.methodLine,
      endColumn: 1,
      severity: 'error',
      symbol: `${shadow.className}.${shadow.name}`,
      hint: `Give the data and the method different names (e.g. keep the data in \`_${shadow.name}\` and let \`${shadow.name}()\` return it), then update every use of the data.`,
    });
  }
  return rest.sort((a, b) => a.line - b.line || a.column - b.column);
}
