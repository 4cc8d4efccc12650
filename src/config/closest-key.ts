import type { z } from 'zod';

/** Levenshtein distance of two short strings (keys of at most 100 characters are compared). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_value, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** An object schema under `optional()` / `default()` wrappers, or null when there is none. */
function objectShape(schema: unknown): Record<string, unknown> | null {
  let node = schema as { shape?: Record<string, unknown>; unwrap?: () => unknown } | undefined;
  for (let depth = 0; node && !node.shape && typeof node.unwrap === 'function' && depth < 8; depth++) node = node.unwrap() as typeof node;
  return node?.shape ?? null;
}

/**
 * ` (did you mean "lineLength"?)` for a key the schema does not know at `where`, naming the known
 * key nearest in spelling; nothing when none is near enough to be a likely typo.
 */
export function closestKey(key: string, schema: z.ZodType, where: readonly PropertyKey[]): string {
  let shape = objectShape(schema);
  for (const step of where) shape = shape ? objectShape(shape[String(step)]) : null;
  if (!shape) return '';
  const probe = key.slice(0, 100);
  let best = '';
  let bestDistance = Infinity;
  for (const known of Object.keys(shape)) {
    const distance = editDistance(probe.toLowerCase(), known.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(probe.length / 3)) ? ` (did you mean "${best}"?)` : '';
}
