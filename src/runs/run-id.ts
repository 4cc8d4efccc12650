import { randomBytes } from 'node:crypto';

/** Folder (under the project) that holds run records. */
export const RUNS_DIR = '.backsmith/runs';

/**
 * A run id that sorts by start time: UTC date, time and milliseconds, then a random suffix so two
 * runs started in the same millisecond do not collide, e.g. `20240301-101502-123-9f3a`.
 */
export function newRunId(now: Date = new Date()): string {
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Whether a string has the shape of a run id (used before touching the file system with it). */
export function isRunId(value: string): boolean {
  return /^\d{8}-\d{6}-\d{3}-[0-9a-f]{4}$/.test(value);
}
