import type { DesignDependency } from './design-types.js';

/** Headings of sections that list what the module may install or import (tested on the innermost heading). */
export const DEPENDENCY_HEADING = /\bdependenc|\bthird[- ]party\b|\b(external|python) (packages|librar(y|ies))\b|^(\d+(\.\d+)*\.?\s*)?(packages|libraries)\b|requirements\.txt|\btech(nology)? stack\b|\bpip\b/i;

/** Prose that says the module needs nothing beyond the standard library. */
export const STANDARD_LIBRARY_ONLY = /standard[- ]library only|only (the )?(python[\s\d.+]*)?standard library|stdlib only|no (external|third[- ]party) (dependencies|packages|libraries)|without (any )?(external|third[- ]party) (dependencies|packages)/i;

/** Words that start a dependency bullet without naming a package. */
const NOT_A_PACKAGE = /^(python|python3|standard|stdlib|none|no|the|a|an|only|all|built-in|builtin|see|optional|dev|development|for|uses?)$/i;

/** `pydantic>=2.0`, `python-dateutil (>=2.8)`, `requests[socks]==2.31`: name and version requirement. */
const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*\(?\s*((?:[<>=!~]=?|===)\s*[^\s,;)]+(?:\s*,\s*(?:[<>=!~]=?|===)\s*[^\s,;)]+)*)?\)?/;

/** Reads one requirement; null when the text does not start with a package name. */
export function parseRequirement(text: string, origin: DesignDependency['origin'], line: number): DesignDependency | null {
  const trimmed = text.trim().replace(/^[`'"]|[`'"]$/g, '');
  const match = REQUIREMENT.exec(trimmed);
  if (!match || NOT_A_PACKAGE.test(match[1]!) || /^\d/.test(match[1]!)) return null;
  return { name: match[1]!, specifier: match[3]?.replace(/\s+/g, '') || null, origin, line };
}

/** A bullet of a dependency section: its first code span, or its first word when it has none. */
export function dependencyFromBullet(markdown: string, line: number): DesignDependency | null {
  if (STANDARD_LIBRARY_ONLY.test(markdown) || /standard library|built-?in/i.test(markdown)) return null;
  const code = /`([^`]+)`/.exec(markdown);
  const text = code ? code[1]! : markdown.replace(/^\s*([-*+]|\d+[.)])\s*/, '').replace(/\*\*/g, '');
  return parseRequirement(text, 'dependency-list', line);
}

/** `pip install pydantic>=2 rich` lines of a shell block. */
export function dependenciesFromShell(code: string, firstLine: number): DesignDependency[] {
  const found: DesignDependency[] = [];
  code.split('\n').forEach((raw, index) => {
    const match = /(?:^|\s)(?:python3? -m )?pip3? install\s+(.+)$/.exec(raw.replace(/^\s*\$\s*/, ''));
    if (!match) return;
    for (const argument of match[1]!.split(/\s+/)) {
      if (argument.startsWith('-') || argument.includes('/') || argument === '.') continue;
      const dependency = parseRequirement(argument.replace(/^['"]|['"]$/g, ''), 'pip-install', firstLine + index);
      if (dependency) found.push(dependency);
    }
  });
  return found;
}

/** The lines of a `requirements.txt` block. */
export function dependenciesFromRequirements(code: string, firstLine: number): DesignDependency[] {
  const found: DesignDependency[] = [];
  code.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line || line.startsWith('-')) return;
    const dependency = parseRequirement(line, 'requirements-block', firstLine + index);
    if (dependency) found.push(dependency);
  });
  return found;
}
