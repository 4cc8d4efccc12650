import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The small case in test-fixtures/generate/: design, stories, a good module and its acceptance tests. */
export const FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/generate');

/** The known-good module. */
export const GOOD_MODULE = readFileSync(path.join(FIXTURE_DIR, 'plant_swap_registry.py'), 'utf8');

/** The success message of `add_plant` as the stories quote it, and as a careless draft rewords it. */
export const ADD_MESSAGE = 'f"Added {count} cutting(s) of {clean_name} as {plant_id}."';
export const REWORDED_ADD_MESSAGE = 'f"Plant added: {count} cuttings of {clean_name} ({plant_id})."';

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture drift: ${from.slice(0, 60)} not found`);
  return text.replace(from, to);
}

/**
 * A realistic first draft: fenced with prose around it, `list_plants` missing, the add message
 * reworded, and a helper without its return annotation.
 */
export function flawedDraft(): string {
  let code = GOOD_MODULE;
  code = code.slice(0, code.indexOf('    def list_plants')) + code.slice(code.indexOf('    @staticmethod\n    def _validate_name'));
  code = replaceOnce(code, ADD_MESSAGE, REWORDED_ADD_MESSAGE);
  code = replaceOnce(code, 'def _validate_cuttings(cuttings: int) -> int:', 'def _validate_cuttings(cuttings: int):');
  return code;
}

/** Wraps code the way chatty models do. */
export function chatty(code: string): string {
  return `Here is the complete implementation of the plant swap registry:\n\n\`\`\`python\n${code}\`\`\`\n\nIt follows the design and covers every story.\n`;
}

/** A fresh project folder holding copies of the design, the stories and the acceptance tests. */
export async function makeProject(): Promise<{ dir: string; design: string; stories: string; tests: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'backsmith-generate-'));
  const names = ['plant_swap_technical_design.md', 'plant_swap_user_stories.md', 'test_plant_swap_acceptance.py'] as const;
  for (const name of names) await copyFile(path.join(FIXTURE_DIR, name), path.join(dir, name));
  return { dir, design: names[0], stories: names[1], tests: names[2] };
}
