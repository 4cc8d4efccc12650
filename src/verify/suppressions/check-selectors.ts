import { editDistance } from '../../edit-distance.js';
import { BacksmithError } from '../../errors.js';
import { CHECK_CATEGORIES } from '../finding.js';
import { ALL_CHECKS } from '../registry.js';

/** True when `selector` (an exact id, `category/` or `category`) names the check `id`. */
export function matchesSelector(id: string, selector: string): boolean {
  return selector.endsWith('/') ? id.startsWith(selector) : id === selector || id.startsWith(`${selector}/`);
}

/** Every selector backsmith accepts: check ids, and categories with and without the slash. */
export function knownSelectors(): string[] {
  return [...ALL_CHECKS.map((check) => check.id), ...CHECK_CATEGORIES.flatMap((category) => [`${category}/`, category])];
}

/**
 * The known selector (or, with `idsOnly`, check id) nearest to `selector` by edit distance, or null
 * when none is near enough to be a likely typo (ids of at most 100 characters are compared).
 */
export function closestSelector(selector: string, idsOnly = false): string | null {
  const probe = selector.slice(0, 100);
  if (idsOnly) {
    // A category where an id is needed: an id of that category, not the nearest spelling.
    const category = probe.endsWith('/') ? probe : `${probe}/`;
    const inCategory = ALL_CHECKS.find((check) => check.id.startsWith(category));
    if (inCategory) return inCategory.id;
  }
  const candidates = idsOnly ? ALL_CHECKS.map((check) => check.id) : knownSelectors();
  // A cut-short id ("threading/unlocked") is most likely the one it begins.
  const completed = probe.includes('/') ? candidates.find((known) => known.startsWith(probe)) : undefined;
  if (completed) return completed;
  let best = '';
  let bestDistance = Infinity;
  for (const known of candidates) {
    const distance = editDistance(probe, known);
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  // A suggestion far from what was typed ("bogus" -> "deps") misleads more than it helps.
  return bestDistance <= Math.max(2, Math.floor(probe.length / 3)) ? best : null;
}

/** `; closest known: "X"` for an unknown selector, or nothing when no known one is near. */
function closestClause(selector: string, idsOnly = false): string {
  const closest = closestSelector(selector, idsOnly);
  return closest === null ? '' : `; closest known: "${closest}"`;
}

/** True when the selector names a check or category backsmith knows. */
export function isKnownSelector(selector: string): boolean {
  return knownSelectors().includes(selector);
}

/** Throws a one-line usage error (exit 2) naming the first unknown selector and the closest known one. */
export function assertKnownSelectors(selectors: readonly string[], origin: string): void {
  for (const selector of selectors) {
    if (!isKnownSelector(selector)) {
      throw new BacksmithError(`Unknown check id "${selector.slice(0, 100)}" in ${origin}${closestClause(selector)} (see \`backsmith checks\`)`);
    }
  }
}

/** Throws a one-line usage error (exit 2) naming the first key that is not a check id (a category names no check here) and the closest id. */
export function assertKnownCheckIds(ids: readonly string[], origin: string): void {
  const known = new Set(ALL_CHECKS.map((check) => check.id));
  for (const id of ids) {
    if (!known.has(id)) {
      throw new BacksmithError(`Unknown check id "${id.slice(0, 100)}" in ${origin}${closestClause(id, true)} (see \`backsmith checks\`)`);
    }
  }
}
