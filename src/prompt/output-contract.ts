/** The last words of every first-draft prompt: what the reply must be, so it can be saved as is. */
export function outputContract(deliverable: string): string {
  return [
    `Reply with the complete contents of \`${deliverable}\` and nothing else.`,
    '- Python source only: no Markdown code fences, no introduction, no explanation after the code.',
    '- Start with the module docstring or an import statement.',
    '- Write the whole file: every class, method and function in full; never "rest unchanged" or "...".',
    '- backsmith checks the reply (Python syntax, the design, the stories\' messages, tests when given) and',
    '  sends back anything that fails.',
  ].join('\n');
}

/** The last words of every repair prompt. */
export function repairContract(deliverable: string): string {
  return [
    `Reply with the complete corrected \`${deliverable}\` and nothing else: the whole file, Python source only,`,
    'no code fences, no explanation. Fix every problem above; keep everything that already works unchanged.',
  ].join('\n');
}
