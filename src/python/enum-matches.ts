import { canonicalName, importBindings } from './import-bindings.js';
import { namedChildren } from './node-text.js';
import type { PythonClass, PythonModule } from './python-model.js';
import type { SyntaxNode as Node } from './syntax-node.js';

/** Enum bases whose members are exactly the names the class binds (a Flag also has their combinations). */
const ENUM_BASES = new Set(['enum.Enum', 'enum.IntEnum', 'enum.StrEnum', 'enum.ReprEnum']);
/** A `_sunder_` or `__dunder__` name, and a `__private` one: never members. */
const NOT_A_MEMBER_NAME = /^(_[^_].*_|__.*)$/;
/** Patterns deeper than this (`as` inside `as`) are not looked through. */
const MAX_PATTERN_PARTS = 256;

/**
 * The members of each Enum class of the module, by class name, as declared: every name its body
 * binds to a value, an alias (a name bound to another member, or to an equal literal value) mapped
 * to the member it names. A Flag is left out: its values also combine.
 */
export function enumMembers(module: PythonModule): Map<string, Map<string, string>> {
  const imports = importBindings(module);
  const byName = new Map(module.classes.map((cls) => [cls.name, cls] as const));
  const enums = new Map<string, Map<string, string>>();
  const isEnum = (cls: PythonClass): boolean => {
    const seen = new Set<string>();
    const pending = [cls];
    while (pending.length > 0) {
      const current = pending.pop()!;
      if (seen.has(current.name)) continue;
      seen.add(current.name);
      for (const base of current.bases) {
        if (ENUM_BASES.has(canonicalName(base, imports))) return true;
        const local = byName.get(base);
        // An enum with members cannot be subclassed: a local base is a member-less enum class.
        if (local && !hasMembers(local)) pending.push(local);
      }
    }
    return false;
  };
  for (const cls of module.classes) {
    if (!isEnum(cls)) continue;
    const members = new Map<string, string>();
    const byValue = new Map<string, string>();
    for (const attribute of cls.attributes) {
      const value = attribute.value?.trim();
      if (!value || NOT_A_MEMBER_NAME.test(attribute.name) || isDescriptor(value)) continue;
      const aliased = members.get(value) ?? (isCall(value) ? undefined : byValue.get(value));
      members.set(attribute.name, aliased ?? attribute.name);
      if (!aliased && !isCall(value)) byValue.set(value, attribute.name);
    }
    enums.set(cls.name, members);
  }
  return enums;
}

function hasMembers(cls: PythonClass): boolean {
  return cls.attributes.some((attribute) => attribute.value !== null && !NOT_A_MEMBER_NAME.test(attribute.name));
}

/** `auto()`, `nonmember(...)`: a value computed per member (never an alias of another). */
function isCall(value: string): boolean {
  return value.endsWith(')') && !value.startsWith('(');
}

/** Values the Enum keeps as plain attributes, not members. */
function isDescriptor(value: string): boolean {
  return value.startsWith('lambda') || /^(enum\.)?(nonmember|property)\(/.test(value);
}

/**
 * Whether a `match` statement's unguarded cases name every member of one Enum of the module
 * (`case Color.RED | Color.BLUE:`, `case Color.GREEN as green:`), so that, for a subject of that
 * Enum, no value falls through: what pyright and mypy accept as exhaustive.
 */
export function coversEnum(match: Node, enums: ReadonlyMap<string, ReadonlyMap<string, string>>): boolean {
  const body = match.childForFieldName('body');
  let enumName: string | null = null;
  const covered = new Set<string>();
  for (const clause of body ? namedChildren(body) : []) {
    if (clause.type !== 'case_clause' || clause.childForFieldName('guard')) continue;
    const pattern = namedChildren(clause).find((child) => child.type === 'case_pattern');
    for (const [owner, member] of memberPatterns(pattern)) {
      enumName ??= owner;
      if (owner !== enumName) return false;
      const canonical = enums.get(owner)?.get(member);
      if (canonical) covered.add(canonical);
    }
  }
  const members = enumName === null ? undefined : enums.get(enumName);
  return !!members && members.size > 0 && [...members.values()].every((member) => covered.has(member));
}

/** `Enum.MEMBER` value patterns of a case (through `|` and `as`); none when any alternative is another kind of pattern. */
function memberPatterns(pattern: Node | undefined): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const pending: Node[] = pattern ? [pattern] : [];
  for (let seen = 0; pending.length > 0; seen++) {
    if (seen > MAX_PATTERN_PARTS) return [];
    const node = pending.pop()!;
    const parts = namedChildren(node);
    if (node.type === 'case_pattern' || node.type === 'union_pattern') pending.push(...parts);
    else if (node.type === 'as_pattern') {
      const inner = parts.find((part) => part.type === 'case_pattern');
      if (!inner) return [];
      pending.push(inner);
    } else if (node.type === 'dotted_name' && parts.length === 2 && parts.every((part) => part.type === 'identifier')) {
      found.push([parts[0]!.text, parts[1]!.text]);
    } else return [];
  }
  return found;
}
