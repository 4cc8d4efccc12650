import path from 'node:path';
import { parseDocument } from 'yaml';
import { BacksmithError } from '../../errors.js';
import { AGENT_FILE_SUFFIX, AGENT_PROMPT_WARN_CHARS, type AgentDefinition } from './agent-definition.js';
import { splitFrontMatter } from './split-front-matter.js';

/** Front-matter keys of Copilot custom agents that backsmith reads (others are ignored). */
export const KNOWN_AGENT_KEYS = [
  'name', 'description', 'tools', 'model', 'target', 'handoffs', 'argument-hint', 'user-invocable',
  'disable-model-invocation',
] as const;

type Fields = Record<string, unknown>;

function readYaml(yaml: string, startLine: number, source: string): Fields {
  const document = parseDocument(yaml, { uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    const where = line ? ` (line ${line + startLine - 1})` : '';
    throw new BacksmithError(`Agent file ${source}: the front matter is not valid YAML${where}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new BacksmithError(`Agent file ${source}: the front matter must be YAML key: value pairs (it is ${Array.isArray(value) ? 'a list' : typeof value}).`);
  }
  return value as Fields;
}

function stringList(fields: Fields, key: string, warnings: string[], splitCommas: boolean): string[] {
  const value = fields[key];
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return (splitCommas ? value.split(',') : [value]).map((item) => item.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  warnings.push(`'${key}' should be a string or a list of strings; ignored.`);
  return [];
}

function optionalString(fields: Fields, key: string, warnings: string[]): string | null {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  warnings.push(`'${key}' should be a string; ignored.`);
  return null;
}

function optionalBoolean(fields: Fields, key: string, warnings: string[]): boolean | null {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  warnings.push(`'${key}' should be true or false; ignored.`);
  return null;
}

function defaultName(source: string): string {
  const base = path.basename(source);
  return base.endsWith(AGENT_FILE_SUFFIX) ? base.slice(0, -AGENT_FILE_SUFFIX.length) : base.replace(/\.md$/i, '');
}

/**
 * Reads a Copilot custom agent (`.agent.md`) from its text. Throws `BacksmithError` for missing
 * front matter, invalid YAML or a missing `description`; anything else odd becomes a warning.
 */
export function parseAgentFile(text: string, source: string, options: { builtIn?: boolean } = {}): AgentDefinition {
  const split = splitFrontMatter(text, source);
  const fields = readYaml(split.yaml, split.yamlStartLine, source);
  const description = fields.description;
  if (typeof description !== 'string' || description.trim() === '') {
    throw new BacksmithError(
      `Agent file ${source}: the front matter needs a 'description' (a non-empty string saying what the agent does), e.g.\n` +
        `---\ndescription: Implements Python backend modules from a technical design and user stories.\n---`,
    );
  }
  const warnings: string[] = [];
  const prompt = split.body.trim();
  if (prompt === '') warnings.push('the body is empty: the model gets only backsmith\'s own instructions.');
  if (prompt.length > AGENT_PROMPT_WARN_CHARS) {
    warnings.push(`the body is ${prompt.length.toLocaleString('en-US')} characters; Copilot reads at most ${AGENT_PROMPT_WARN_CHARS.toLocaleString('en-US')}.`);
  }
  const handoffs = fields.handoffs;
  if (handoffs !== undefined && handoffs !== null && !Array.isArray(handoffs)) warnings.push("'handoffs' should be a list; ignored.");
  const name = optionalString(fields, 'name', warnings);
  return {
    name: name?.trim() || defaultName(source),
    description: description.trim(),
    prompt,
    source,
    builtIn: options.builtIn ?? false,
    tools: stringList(fields, 'tools', warnings, true),
    models: stringList(fields, 'model', warnings, false),
    target: optionalString(fields, 'target', warnings),
    argumentHint: optionalString(fields, 'argument-hint', warnings),
    userInvocable: optionalBoolean(fields, 'user-invocable', warnings),
    disableModelInvocation: optionalBoolean(fields, 'disable-model-invocation', warnings),
    handoffCount: Array.isArray(handoffs) ? handoffs.length : 0,
    ignoredKeys: Object.keys(fields).filter((key) => !(KNOWN_AGENT_KEYS as readonly string[]).includes(key)),
    warnings,
  };
}
