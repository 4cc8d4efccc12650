import { failure, success, type Result } from '../result.js';
import { findFencedBlocks } from './find-fenced-blocks.js';
import type { ExtractedModule, ExtractionFailure, ModuleExpectation } from './module-expectation.js';
import { blockCandidates, joinedCandidate, outermostCandidate, rawCandidate, type Candidate } from './reply-candidates.js';
import { outlinePython } from './outline-python.js';
import { describeStripped, strippedParts } from './stripped-parts.js';

interface Assessment {
  candidate: Candidate;
  parses: boolean;
  names: string[];
  matched: string[];
  hasPrimary: boolean;
  definitions: number;
  /** Imports and constants: a module with none of these and no definitions is not a module. */
  otherStatements: number;
}

/** Reasoning models (DeepSeek R1, Qwen) may open with `<think>…</think>`; never part of the code. */
function reasoningLines(lines: readonly string[]): Set<number> {
  const hidden = new Set<number>();
  const open = lines.findIndex((line) => /^\s*<(think|thinking|reasoning)>/i.test(line));
  if (open < 0 || lines.slice(0, open).some((line) => line.trim() !== '')) return hidden;
  const tag = /^\s*<(\w+)>/.exec(lines[open]!)![1]!;
  const close = lines.findIndex((line, index) => index >= open && line.includes(`</${tag}>`));
  const end = close < 0 ? lines.length - 1 : close;
  for (let index = open; index <= end; index++) hidden.add(index + 1);
  return hidden;
}

async function assess(candidate: Candidate, expectation: ModuleExpectation): Promise<Assessment> {
  const outline = await outlinePython(candidate.code);
  const names = outline.definitions;
  const expected = [...(expectation.primaryClass ? [expectation.primaryClass] : []), ...(expectation.symbols ?? [])];
  return {
    candidate,
    parses: outline.parseErrors === 0,
    names,
    matched: [...new Set(expected.filter((name) => names.includes(name)))],
    hasPrimary: !!expectation.primaryClass && names.includes(expectation.primaryClass),
    definitions: names.length,
    otherStatements: outline.otherStatements,
  };
}

/** Orders assessments best first: defines the primary class, most expected symbols, most definitions, parses. */
function compare(a: Assessment, b: Assessment): number {
  return (
    Number(b.hasPrimary) - Number(a.hasPrimary) ||
    b.matched.length - a.matched.length ||
    b.definitions - a.definitions ||
    Number(b.parses) - Number(a.parses) ||
    b.candidate.priority - a.candidate.priority
  );
}

/** A joined candidate only counts when its blocks define distinct names and together match more. */
function joinedIsBetter(joined: Assessment, bestSingle: Assessment | undefined): boolean {
  return joined.parses && new Set(joined.names).size === joined.names.length && joined.matched.length > (bestSingle?.matched.length ?? 0);
}

/**
 * Takes the Python module out of a model's reply: strips reasoning, prose and fences, and among
 * several code blocks picks the one that defines what the deliverable should define (and parses),
 * not merely the first. Returns a failure (never throws) when the reply holds no module.
 */
export async function extractModule(reply: string, expectation: ModuleExpectation = {}): Promise<Result<ExtractedModule, ExtractionFailure>> {
  const allLines = reply.replace(/\r\n?/g, '\n').split('\n');
  const hidden = reasoningLines(allLines);
  const lines = allLines.map((line, index) => (hidden.has(index + 1) ? '' : line));
  if (lines.every((line) => line.trim() === '')) return failure({ reason: 'the reply is empty' });
  const blocks = findFencedBlocks(lines);
  const countErrors = async (code: string) => (await outlinePython(code)).parseErrors;
  // Raw text is a candidate only when the reply starts with code before any fence (see below).
  const raw = await rawCandidate(lines, countErrors, blocks[0]?.startLine);
  const singles = [...blockCandidates(blocks), outermostCandidate(lines, blocks), raw];
  const assessed: Assessment[] = [];
  for (const candidate of singles) {
    if (!candidate || candidate.code === '') continue;
    const assessment = await assess(candidate, expectation);
    if (candidate.origin === 'raw' && blocks.length > 0) {
      // Raw text across fences is a module only when it parses (fences inside a docstring).
      if (!assessment.parses) continue;
    }
    // Text spanning several fences counts every block's definitions: only a version that parses is a module.
    if (assessment.parses || candidate.origin !== 'outermost-fence') assessed.push(assessment);
  }
  assessed.sort(compare);
  const joined = joinedCandidate(blocks);
  const joinedAssessment = joined ? await assess(joined, expectation) : null;
  const best = joinedAssessment && joinedIsBetter(joinedAssessment, assessed[0]) ? joinedAssessment : assessed[0];
  if (!best || (best.definitions === 0 && best.otherStatements === 0)) {
    return failure({ reason: blocks.length > 0 ? 'none of the reply\'s code blocks holds a Python module' : 'the reply holds no Python code' });
  }
  const stripped = strippedParts(allLines, best.candidate, hidden, blocks);
  return success({
    code: best.candidate.code,
    origin: best.candidate.origin,
    stripped,
    blockCount: blocks.length,
    matchedSymbols: best.matched,
    parses: best.parses,
    summary: describeStripped(stripped),
  });
}
