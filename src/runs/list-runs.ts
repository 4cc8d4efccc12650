import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BacksmithError } from '../errors.js';
import { isRunId, RUNS_DIR } from './run-id.js';
import type { RunRecord } from './run-record.js';

async function readRecord(file: string): Promise<RunRecord | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as RunRecord;
    return parsed && parsed.schema === 1 ? parsed : null;
  } catch {
    return null;
  }
}

/** Run records under `<projectDir>/.backsmith/runs/`, newest first. Unreadable records are skipped. */
export async function listRuns(projectDir: string = process.cwd()): Promise<RunRecord[]> {
  let ids: string[];
  try {
    ids = (await readdir(path.join(projectDir, RUNS_DIR))).filter(isRunId).sort().reverse();
  } catch {
    return [];
  }
  const records: RunRecord[] = [];
  for (const id of ids) {
    const record = await readRecord(path.join(projectDir, RUNS_DIR, id, 'run.json'));
    if (record) records.push(record);
  }
  return records;
}

/** One run by id, by an unambiguous id prefix, or `latest`. Throws BacksmithError when none matches. */
export async function findRun(projectDir: string, id: string): Promise<{ record: RunRecord; dir: string }> {
  const runs = await listRuns(projectDir);
  const matches = id === 'latest' ? runs.slice(0, 1) : runs.filter((run) => run.id.startsWith(id));
  if (matches.length === 1) return { record: matches[0]!, dir: path.join(projectDir, RUNS_DIR, matches[0]!.id) };
  if (matches.length > 1) throw new BacksmithError(`Run id "${id}" is ambiguous: ${matches.slice(0, 5).map((run) => run.id).join(', ')}${matches.length > 5 ? ', …' : ''}.`);
  throw new BacksmithError(runs.length === 0 ? `No runs recorded in ${path.join(projectDir, RUNS_DIR)}.` : `No run "${id}"; 'backsmith runs' lists them.`);
}
