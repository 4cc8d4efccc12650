/** Bounds on what a sandboxed helper may send on fd 3; past them a record is rejected and reported. */
export const RECORD_LIMITS = {
  /** Largest record (one JSON line), in bytes of text. */
  maxRecordChars: 256 * 1024,
  /** Deepest nesting of arrays and objects in a record. */
  maxDepth: 32,
  /** Most records one run may send. */
  maxRecords: 50_000,
};

/** Problems kept per run; the rest are counted. */
const MAX_PROBLEMS = 10;

/** The records of one run, and why any line was not accepted. */
export interface RecordReading {
  records: Array<Record<string, unknown>>;
  /** One line per rejected record (bounded), e.g. a missing secret or a record nested too deep. */
  problems: string[];
}

/**
 * The nesting depth of a JSON text, found by one linear scan that skips strings; stops
 * counting past `limit` so a hostile `[[[[…` costs no more than its length, and never recursion.
 */
export function jsonNestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return deepest;
}

function describe(record: Record<string, unknown>): string {
  const event = typeof record.event === 'string' ? record.event.slice(0, 40) : '?';
  return `a "${event}" record`;
}

/**
 * Reads the JSON-lines records a helper sent, defensively: each line is bounded in size and
 * depth (checked before parsing), the count is bounded, and with `secret` only records carrying
 * it are accepted (the field is removed). Every rejected line becomes a problem; nothing throws.
 */
export function readRecords(text: string, secret: string | null, limits = RECORD_LIMITS): RecordReading {
  const records: Array<Record<string, unknown>> = [];
  const problems: string[] = [];
  let rejected = 0;
  const reject = (why: string) => {
    rejected++;
    if (problems.length < MAX_PROBLEMS) problems.push(why);
  };
  const lines = text.split('\n');
  const torn = lines.length > 0 && lines[lines.length - 1]!.trim() !== '';
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.trim()) continue;
    const number = index + 1;
    if (records.length >= limits.maxRecords) {
      reject(`more than ${limits.maxRecords} records were sent; the rest were not read`);
      break;
    }
    if (torn && index === lines.length - 1) {
      reject(`record ${number} was cut off (no end of line): the helper stopped while writing it`);
      continue;
    }
    if (line.length > limits.maxRecordChars) {
      reject(`record ${number} is ${line.length} characters long (limit ${limits.maxRecordChars})`);
      continue;
    }
    if (jsonNestingDepth(line, limits.maxDepth) > limits.maxDepth) {
      reject(`record ${number} is nested more than ${limits.maxDepth} levels deep`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      reject(`record ${number} is not valid JSON`);
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      reject(`record ${number} is not a JSON object`);
      continue;
    }
    const record = value as Record<string, unknown>;
    if (secret !== null) {
      if (record.secret !== secret) {
        reject(`record ${number} (${describe(record)}) ${'secret' in record ? "carries a wrong secret" : "lacks the run's secret"}`);
        continue;
      }
      delete record.secret;
    }
    records.push(record);
  }
  if (rejected > problems.length) problems.push(`… and ${rejected - problems.length} more rejected records`);
  return { records, problems };
}
