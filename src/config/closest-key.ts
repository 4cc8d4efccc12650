import type { z } from 'zod';
import { editDistance } from '../edit-distance.js';

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
