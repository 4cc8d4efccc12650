/** Commander's collector for `--select`/`--ignore`: repeatable, each value comma-separated (kept free of the check registry so the CLI starts fast). */
export function collectSelectors(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter((part) => part.length > 0)];
}
