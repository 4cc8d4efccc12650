/**
 * Sphinx domain directives in a design (`.. py:class:: Ledger(opening: Decimal)`, `.. py:method::`,
 * `.. py:exception::`, `.. py:attribute::` with a `:type:` option): the classes, signatures and
 * record fields they declare, for the signature harvester. A class directive's parameters are its
 * constructor's; a class with attributes and no methods of its own is a record.
 */
import type { Harvest, HarvestedModel } from './harvest-signatures.js';
import { baseStatedIn } from './exception-lines.js';
import { EXTERNAL_WORDING, type SectionOwner } from './section-owner.js';
import { readSignatureSnippet } from './signature-snippet.js';

const RST_DIRECTIVE = /^(\s*)\.\.\s+py:(class|exception|method|function|staticmethod|classmethod|attribute|property)::\s*(.*)$/;
const TYPE_OPTION = /^\s*:type:\s*(\S.*)$/;

/** Reads the directives line by line, keeping the class they are nested in. */
export class SphinxDirectives {
  private open: { name: string; indent: number; model: HarvestedModel; methods: number } | null = null;

  constructor(private readonly harvest: Harvest) {}

  /** Reads line `index`; true when it was a directive. `owner` and `context` are the section's, for signatures outside a class. */
  read(lines: string[], index: number, owner: SectionOwner, context: string[]): boolean {
    const line = lines[index]!;
    const directive = line.includes('py:') ? RST_DIRECTIVE.exec(line) : null;
    if (!directive) return false;
    const [, indent, kind, rest] = directive as unknown as [string, string, string, string];
    if (this.open && indent.length <= this.open.indent) this.close();
    const harvest = this.harvest;
    if (kind === 'class' || kind === 'exception') {
      const name = /^([A-Z][A-Za-z0-9_]*)/.exec(rest)?.[1];
      if (!name) return true;
      // "Base error, derives from Exception." in the directive's text gives the base.
      const base = /^[A-Z]\w*\(\s*([A-Z][\w.]*)\s*\)/.exec(rest)?.[1] ?? baseStatedIn(lines.slice(index + 1, index + 4).join(' '));
      harvest.classes.push({ name, bases: base ? [base] : [], line: index + 1, exception: kind === 'exception' });
      harvest.namedClasses.add(name);
      if (kind !== 'class') return true;
      const text = lines.slice(index + 1, index + 4).join(' ');
      this.open = { name, indent: indent.length, model: { name, kindText: text, fields: [], line: index + 1, weak: false }, methods: 0 };
      // `.. py:class:: Ledger(opening_balance: Decimal = Decimal("0"))`: the constructor's parameters.
      const constructor = /^[A-Z]\w*\s*\(/.test(rest) && !/^[A-Z]\w*\(\s*[A-Z][\w.]*\s*\)\s*$/.test(rest) ? readSignatureSnippet(`__init__${rest.slice(name.length)}`) : null;
      if (constructor) this.push(constructor, index, { kind: 'class', name }, context, lines);
      return true;
    }
    if (kind === 'attribute' || kind === 'property') {
      const name = /^([A-Za-z_]\w*)/.exec(rest)?.[1];
      const annotation = /^\w+\s*:\s*(\S.*)$/.exec(rest)?.[1] ?? TYPE_OPTION.exec(lines[index + 1] ?? '')?.[1] ?? TYPE_OPTION.exec(lines[index + 2] ?? '')?.[1] ?? null;
      if (name && this.open) this.open.model.fields.push({ name, annotation: annotation?.trim() ?? null });
      return true;
    }
    const snippet = readSignatureSnippet(rest);
    if (!snippet) return true;
    if (this.open && kind !== 'function') this.open.methods++;
    this.push(snippet, index, kind !== 'function' && this.open ? { kind: 'class', name: this.open.name } : owner, context, lines);
    return true;
  }

  /** Ends the open class: a record when it has fields and no methods. */
  close(): void {
    if (this.open && this.open.model.fields.length > 0 && this.open.methods === 0) this.harvest.models.push(this.open.model);
    this.open = null;
  }

  private push(snippet: NonNullable<ReturnType<typeof readSignatureSnippet>>, index: number, owner: SectionOwner, context: string[], lines: string[]): void {
    this.harvest.signatures.push({ snippet, line: index + 1, owner, external: EXTERNAL_WORDING.test(lines.slice(index, index + 3).join(' ')), context, fromCode: false });
  }
}
