import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BacksmithError } from '../errors.js';
import { isRunId, RUNS_DIR } from './run-id.js';
import type { RunRecord } from './run-record.js';

/** A run folder whose record could not be read, and why. */
export interface UnreadableRun {
  id: string;
  reason: string;
}

/** The records of a project's runs, newest first, and the run folders whose record could not be read. */
export interface RunsFolder {
  records: RunRecord[];
  unreadable: UnreadableRun[];
}

async function readRecord(file: string): Promise<RunRecord | string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'it has no run.json' : `run.json cannot be read (${code ?? (error as Error).message})`;
  }
  try {
    const parsed = JSON.parse(text) as RunRecord;
    return parsed && parsed.schema === 1 ? parsed : 'run.json is not a backsmith run record of this version';
  } catch {
    return 'run.json is not valid JSON (damaged)';
  }
}

/**
 * Reads `<projectDir>/.backsmith/runs/`: the records newest first, and each run folder whose record
 * is missing or damaged with the reason, so a run is never left out without a word.
 */
export async function readRunsFolder(projectDir: string = process.cwd()): Promise<RunsFolder> {
  let ids: string[];
  try {
    ids = (await readdir(path.join(projectDir, RUNS_DIR))).filter(isRunId).sort().reverse();
  } catch {
    return { records: [], unreadable: [] };
  }
  const records: RunRecord[] = [];
  const unreadable: UnreadableRun[] = [];
  for (const id of ids) {
    const record = await readRecord(path.join(projectDir, RUNS_DIR, id, 'run.json'));
    if (typeof record === 'string') unreadable.push({ id, reason: record });
    else records.push(record);
  }
  return { records, unreadable };
}

/** Run records under `<projectDir>/.backsmith/runs/`, newest first. Unreadable records are skipped (`readRunsFolder` lists them). */
export async function listRuns(projectDir: string = process.cwd()): Promise<RunRecord[]> {
  return (await readRunsFolder(projectDir)).records;
}

/** One run by id, by an unambiguous id prefix, or `latest`. Throws BacksmithError when none matches. */
export async function findRun(projectDir: string, id: string): Promise<{ record: RunRecord; dir: string }> {
  const { records: runs, unreadable } = await readRunsFolder(projectDir);
  const matches = id === 'latest' ? runs.slice(0, 1) : runs.filter((run) => run.id.startsWith(id));
  if (matches.length === 1) return { record: matches[0]!, dir: path.join(projectDir, RUNS_DIR, matches[0]!.id) };
  if (matches.length > 1) throw new BacksmithError(`Run id "${id}" is ambiguous: ${matches.slice(0, 5).map((run) => run.id).join(', ')}${matches.length > 5 ? ', …' : ''}.`);
  const damaged = id === '' || id === 'latest' ? undefined : unreadable.find((run) => run.id.startsWith(id));
  if (damaged) throw new BacksmithError(`Run ${damaged.id} cannot be shown: ${damaged.reason}; its files are in ${path.join(projectDir, RUNS_DIR, damaged.id)}.`);
  throw new BacksmithError(runs.length === 0 ? `No runs recorded in ${path.join(projectDir, RUNS_DIR)}.` : `No run "${id}"; 'backsmith runs' lists them.`);
}
