import type { SyntaxNode as Node } from '../python/syntax-node.js';
import type { KnownApi } from './known-api.js';
import type { BindingValue, TestFacts } from './read-test-facts.js';

/** What an expression of a test file surely denotes: the deliverable, one of its names, or an instance of one of its classes. */
export type Meaning = { kind: 'module' } | { kind: 'api'; name: string } | { kind: 'instance'; className: string };

/** How far a chain of names (`a = b`, `b = C()`) is followed. */
const MAX_RESOLVE_DEPTH = 8;

function same(a: Meaning, b: Meaning): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'api') return a.name === (b as { name: string }).name;
  if (a.kind === 'instance') return a.className === (b as { className: string }).className;
  return true;
}

/** One meaning when every candidate agrees, else null: a name bound to different things is left alone. */
function unify(meanings: Array<Meaning | null>): Meaning | null {
  const first = meanings[0];
  if (!first) return null;
  return meanings.every((meaning) => meaning !== null && same(meaning, first)) ? first : null;
}

/**
 * Resolves names and expressions of a test file to what they surely denote, following every
 * binding of a name in its scope: a name bound once to `ClinicScheduler(...)` is an instance,
 * a name bound in a loop or by unpacking is unknown (null), and so is anything dynamic.
 */
export class MeaningResolver {
  private readonly memo = new Map<string, Meaning | null>();
  private readonly selfMemo = new Map<string, Meaning | null>();

  constructor(private readonly facts: TestFacts, private readonly api: KnownApi) {}

  /** What a name means as read in `scope`, or null when unsure. */
  name(name: string, scope: number, depth = 0): Meaning | null {
    if (this.facts.dynamicScopes || this.facts.dynamicNames.has(name) || depth > MAX_RESOLVE_DEPTH) return null;
    const key = `${scope}:${name}`;
    if (this.memo.has(key)) return this.memo.get(key)!;
    this.memo.set(key, null);
    let result: Meaning | null = null;
    for (let current: number | null = scope; current !== null; current = this.facts.scopes[current]!.parent) {
      const entry = this.facts.scopes[current]!;
      // Methods do not see their class body's names.
      if (entry.kind === 'class' && current !== scope) continue;
      const bindings = entry.bindings.get(name);
      if (!bindings) continue;
      result = unify(bindings.map((binding) => this.binding(binding, depth + 1)));
      break;
    }
    this.memo.set(key, result);
    return result;
  }

  /** What an expression means, or null when unsure. */
  expression(node: Node, scope: number, depth = 0): Meaning | null {
    if (depth > MAX_RESOLVE_DEPTH) return null;
    switch (node.type) {
      case 'identifier':
        return this.name(node.text, scope, depth);
      case 'parenthesized_expression': {
        const inner = node.namedChildren[0];
        return inner ? this.expression(inner, scope, depth + 1) : null;
      }
      case 'attribute': {
        const object = node.childForFieldName('object');
        const attribute = node.childForFieldName('attribute')?.text;
        if (!object || !attribute) return null;
        if (object.type === 'identifier' && (object.text === 'self' || object.text === 'cls')) return this.selfAttribute(attribute, depth + 1);
        const owner = this.expression(object, scope, depth + 1);
        return owner?.kind === 'module' ? { kind: 'api', name: attribute } : null;
      }
      case 'call': {
        const callee = node.childForFieldName('function');
        const target = callee ? this.expression(callee, scope, depth + 1) : null;
        return target?.kind === 'api' && this.api.classes.has(target.name) ? { kind: 'instance', className: target.name } : null;
      }
      default:
        return null;
    }
  }

  /** What `self.name` means: every write to it in the file (and class attributes of that name) must agree. */
  private selfAttribute(name: string, depth: number): Meaning | null {
    if (this.facts.dynamicAttributes) return null;
    if (this.selfMemo.has(name)) return this.selfMemo.get(name)!;
    // Guards a write that reads its own attribute (`self.x = self.x.copy()`).
    this.selfMemo.set(name, null);
    const result = this.selfAttributeUncached(name, depth);
    this.selfMemo.set(name, result);
    return result;
  }

  private selfAttributeUncached(name: string, depth: number): Meaning | null {
    const writes = this.facts.selfAttributes.get(name) ?? [];
    const classLevel = this.facts.scopes.flatMap((scope) => (scope.kind === 'class' ? scope.bindings.get(name) ?? [] : []));
    const meanings = [
      ...writes.map((write) => (write.node ? this.expression(write.node, write.scope, depth + 1) : null)),
      ...classLevel.map((binding) => this.binding(binding, depth + 1)),
    ];
    return unify(meanings);
  }

  private binding(binding: BindingValue, depth: number): Meaning | null {
    switch (binding.kind) {
      case 'api':
        return { kind: 'api', name: binding.name };
      case 'module':
        return { kind: 'module' };
      case 'value':
        return this.expression(binding.node, binding.scope, depth);
      default:
        return null;
    }
  }
}
