/** The flags of `names` that were given, with values absent flags leave out; falsy ones count as not given. */
export type GivenFlags<T, K extends keyof T> = { [P in K]?: Exclude<T[P], undefined | null | false | '' | 0> };

/**
 * The flags among `names` that were given, ready to spread into library options that leave absent
 * ones to their defaults (`generate`, its dry run and `tests` pass the same document, model and
 * naming flags on this way).
 */
export function givenFlags<T extends object, K extends keyof T>(flags: T, names: readonly K[]): GivenFlags<T, K> {
  const given: Partial<Record<K, unknown>> = {};
  for (const name of names) if (flags[name]) given[name] = flags[name];
  return given as GivenFlags<T, K>;
}
