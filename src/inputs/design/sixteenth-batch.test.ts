import { describe, expect, it } from 'vitest';
import { readDesign } from './read-design.js';
import { pythonGenerics } from './java-generics.js';
import type { DesignSpec } from './design-types.js';

const api = (spec: DesignSpec) => [
  ...spec.classes.flatMap((cls) => cls.methods.map((method) => `${cls.name}.${method.name}(${method.parameters.map((parameter) => parameter.name).join(', ')}) -> ${method.returnAnnotation}`)),
  ...spec.functions.map((fn) => `${fn.name}(${fn.parameters.map((parameter) => parameter.name).join(', ')}) -> ${fn.returnAnnotation}`),
].sort();

describe('open points of the fifteenth batch', () => {
  it('gives each method read from TOML its own line', async () => {
    const text = '# D\n\n```toml\n[[classes]]\nname = "Vault"\n\n  [[classes.methods]]\n  name = "deposit"\n  returns = "int"\n\n  [[classes.methods]]\n  name = "close"\n  returns = "None"\n\n[[exceptions]]\nname = "VaultError"\nbase = "Exception"\n```\n';
    const spec = await readDesign(text);
    const lines = text.split('\n');
    const vault = spec.classes.find((cls) => cls.name === 'Vault')!;
    expect(vault.methods.map((method) => lines[method.line - 1]!.trim())).toEqual(['[[classes.methods]]', '[[classes.methods]]']);
    expect(vault.methods.map((method) => method.line)).toEqual([7, 11]);
  });

  it('reads Java-style generic types as Python types, and says so', async () => {
    const spec = await readDesign('# D\n\n## `Pool`\n\n- `free(self) -> list<int>`\n- `by_lane(self) -> map<int, List<String>>`\n- `find(self, id: int) -> Optional<Booking>`\n');
    expect(api(spec)).toEqual(['Pool.by_lane() -> dict[int, list[str]]', 'Pool.find(id) -> Booking | None', 'Pool.free() -> list[int]']);
    expect(spec.warnings.filter((warning) => warning.kind === 'rewritten').map((warning) => warning.line)).toEqual([5, 6, 7]);
  });

  it.each([
    ['an HTML tag', 'see <code>list</code> and <br> here'],
    ['a placeholder', 'Hello <name>, you owe <amount>'],
    ['a comparison', 'if a<b and c>d: pass'],
    ['an unknown generic', 'Foo<Bar> stays'],
    ['a mermaid arrow', 'A <|-- B'],
  ])('leaves %s alone', (_name, line) => {
    expect(pythonGenerics(line).text).toBe(line);
  });

  it('stays linear and shallow on hostile generics', () => {
    const started = process.cpuUsage();
    for (const line of ['list<'.repeat(50_000), `${'list<'.repeat(20)}int${'>'.repeat(20)}`, `list<${'a '.repeat(100_000)}`, 'map<a, '.repeat(30_000)]) pythonGenerics(line);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });
});
