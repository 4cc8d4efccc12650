import { compareParameters, compareReturn, formatSignature } from '../../conformance/compare-signature.js';
import type { PythonNormalizer } from '../../python/normalize-annotation.js';
import type {
  DesignClass, DesignConstant, DesignDependency, DesignField, DesignFunction, DesignMessage,
  DesignModelKind, DesignOrigin, DesignResponseFormat, DesignStats, DesignWarning,
} from './design-types.js';
import type { CodeMapping, DeclaredException } from './exception-sources.js';

/** A method whose class the design leaves to context (an unqualified table row, a `def f(self)` outside a class). */
export interface PendingMethod {
  fn: DesignFunction;
  /** Texts around it that may name its class, nearest first: innermost heading, lead-in, outer headings. */
  context: string[];
  /** A one-word heading above it (`## Reporting`) that may name its class, used only when the design names no other class. */
  heading?: string;
}

/** Model fields read for a class, and how the class is declared. */
export interface CollectedFields {
  kind: DesignModelKind | null;
  fields: DesignField[];
  origin: DesignOrigin;
  line: number;
  /** Read from an attribute list: the class is a model only if it has no operations of its own. */
  weak?: boolean;
}

const ORIGIN_NAMES: Record<DesignOrigin, string> = { code: 'the code block', table: 'the table', prose: 'the text' };
/** Code blocks are exact Python; tables and prose are read by convention. */
const ORIGIN_RANK: Record<DesignOrigin, number> = { code: 0, table: 1, prose: 2 };

/** Gathers design items block by block, merging repeats and warning where sources disagree. */
export class DesignCollector {
  readonly classes = new Map<string, DesignClass>();
  readonly functions = new Map<string, DesignFunction>();
  readonly pendingMethods: PendingMethod[] = [];
  readonly constants = new Map<string, DesignConstant>();
  readonly fields = new Map<string, CollectedFields>();
  readonly declaredExceptions: DeclaredException[] = [];
  readonly codeMappings: CodeMapping[] = [];
  readonly messages: DesignMessage[] = [];
  readonly dependencies: DesignDependency[] = [];
  readonly layoutFiles = new Set<string>();
  readonly warnings: DesignWarning[] = [];
  readonly stats: DesignStats = { pythonBlocks: 0, ignoredBlocks: 0, apiTables: 0, messageTables: 0, signatureSnippets: 0, attributedSnippets: 0, unwrappedOuterFence: false };
  responseFormat: DesignResponseFormat | null = null;
  standardLibraryOnly = false;
  /** Class named explicitly as primary ("the primary class is `X`"). */
  explicitPrimary: string | null = null;
  /** Backticked CamelCase names in running text, with how often: the owner of last resort for methods no section places. */
  readonly proseNames = new Map<string, number>();

  constructor(readonly normalizer: PythonNormalizer) {}

  /** Keys of the warnings given, so that a repeat is found in constant time (a design can hold thousands). */
  private readonly warned = new Set<string>();

  warn(kind: DesignWarning['kind'], message: string, line: number): void {
    const key = `${line}\u0000${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push({ kind, message, line });
  }

  /** Keeps one of two definitions of the same function; warns, saying which wins, when they differ. */
  private merge(existing: DesignFunction, incoming: DesignFunction): DesignFunction {
    // A side that leaves a type out does not disagree; it is just less precise.
    const unannotated = new Set([...incoming.parameters, ...existing.parameters].filter((parameter) => parameter.annotation === null).map((parameter) => parameter.name));
    const differences = [
      ...compareParameters(existing, incoming, this.normalizer)
        .filter((difference) => !(difference.aspect === 'annotation' && unannotated.has(difference.parameter)))
        .map((difference) => difference.message),
      existing.returnAnnotation !== null && incoming.returnAnnotation !== null
        ? compareReturn(existing, incoming, this.normalizer, existing.name)?.message : undefined,
    ].filter((message): message is string => !!message);
    // Between two sources of the same rank (an overview list, then the detailed section) the more precise one wins.
    const precision = (fn: DesignFunction) => fn.parameters.filter((parameter) => parameter.annotation !== null).length + (fn.returnAnnotation !== null ? 1 : 0);
    const incomingWins = ORIGIN_RANK[incoming.origin] < ORIGIN_RANK[existing.origin]
      || (ORIGIN_RANK[incoming.origin] === ORIGIN_RANK[existing.origin] && precision(incoming) > precision(existing));
    const [winner, loser] = incomingWins ? [incoming, existing] : [existing, incoming];
    if (differences.length > 0) {
      const label = existing.className ? `${existing.className}.${existing.name}` : existing.name;
      const where = (fn: DesignFunction) => `${ORIGIN_NAMES[fn.origin]} at line ${fn.line}`;
      this.warn('conflict',
        `\`${label}\` is given twice and the two disagree: ${where(existing)} says \`${formatSignature(existing)}\`, ${where(incoming)} says \`${formatSignature(incoming)}\`; ${where(winner)} wins.`,
        incoming.line);
    }
    return {
      ...winner,
      // A side that leaves the return out does not disagree: the other side's return stands.
      returnAnnotation: winner.returnAnnotation ?? loser.returnAnnotation,
      raises: [...new Set([...winner.raises, ...loser.raises])],
      description: winner.description ?? loser.description,
      ...(winner.external || loser.external ? { external: true } : {}),
    };
  }

  /** Adds or merges a class (its methods merged one by one). */
  addClass(incoming: DesignClass): void {
    const existing = this.classes.get(incoming.name);
    if (!existing) {
      this.classes.set(incoming.name, { ...incoming, methods: [] });
      for (const method of incoming.methods) this.addMethod(incoming.name, method);
      return;
    }
    if (existing.bases.length === 0) existing.bases = incoming.bases;
    else if (incoming.bases.length > 0 && incoming.bases.join(',') !== existing.bases.join(',')) {
      this.warn('conflict', `class \`${incoming.name}\` derives from (${existing.bases.join(', ')}) at line ${existing.line} but from (${incoming.bases.join(', ')}) at line ${incoming.line}; the first wins.`, incoming.line);
    }
    existing.decorators = [...new Set([...existing.decorators, ...incoming.decorators])];
    existing.description ??= incoming.description;
    if (existing.role === 'other') existing.role = incoming.role;
    if (ORIGIN_RANK[incoming.origin] < ORIGIN_RANK[existing.origin]) {
      existing.origin = incoming.origin;
      existing.line = incoming.line;
    }
    for (const method of incoming.methods) this.addMethod(incoming.name, method);
  }

  /** Adds a method to a class, creating the class when only a table names it. */
  addMethod(className: string, method: DesignFunction): void {
    let owner = this.classes.get(className);
    if (!owner) {
      owner = { name: className, bases: [], decorators: [], role: 'other', methods: [], description: null, origin: method.origin, line: method.line };
      this.classes.set(className, owner);
    }
    // `RepairQueue(mechanics: int)` among RepairQueue's operations (UML, a "constructor" table row) is its `__init__`.
    const fn = { ...method, className, name: method.name === className ? '__init__' : method.name };
    const index = owner.methods.findIndex((existing) => existing.name === fn.name);
    if (index < 0) owner.methods.push(fn);
    else owner.methods[index] = this.merge(owner.methods[index]!, fn);
  }

  /** Adds or merges a module-level function. */
  addFunction(fn: DesignFunction): void {
    const existing = this.functions.get(fn.name);
    this.functions.set(fn.name, existing ? this.merge(existing, fn) : fn);
  }

  /** Adds a constant; a second, different value is a conflict (the first wins). */
  addConstant(constant: DesignConstant): void {
    const existing = this.constants.get(constant.name);
    if (!existing) {
      this.constants.set(constant.name, constant);
      return;
    }
    const same = this.normalizer.expression(existing.value) === this.normalizer.expression(constant.value);
    if (!same && existing.value !== null && constant.value !== null) {
      this.warn('conflict', `constant \`${constant.name}\` is \`${existing.value}\` at line ${existing.line} but \`${constant.value}\` at line ${constant.line}; the first wins.`, constant.line);
    }
  }

  /** Adds model fields for a class (the first declaration of a field wins). */
  addFields(className: string, incoming: CollectedFields): void {
    const existing = this.fields.get(className);
    if (!existing) {
      this.fields.set(className, { ...incoming, fields: [...incoming.fields] });
      return;
    }
    existing.kind ??= incoming.kind;
    for (const field of incoming.fields) {
      const known = existing.fields.find((candidate) => candidate.name === field.name);
      if (!known) existing.fields.push(field);
      else if (field.annotation && known.annotation && this.normalizer.annotation(field.annotation) !== this.normalizer.annotation(known.annotation)) {
        this.warn('conflict', `field \`${className}.${field.name}\` is \`${known.annotation}\` at line ${known.line} but \`${field.annotation}\` at line ${field.line}; the first wins.`, field.line);
      }
    }
  }

  /** Adds a dependency unless the same name is already declared. */
  addDependency(dependency: DesignDependency): void {
    const key = dependency.name.toLowerCase().replace(/_/g, '-');
    if (!this.dependencies.some((known) => known.name.toLowerCase().replace(/_/g, '-') === key)) this.dependencies.push(dependency);
  }

  /** Adds a message table row; an identical row repeated (a duplicated section) is kept once. */
  addMessage(message: DesignMessage): void {
    if (!this.messages.some((known) => known.template === message.template && known.code === message.code && known.method === message.method)) this.messages.push(message);
  }
}
