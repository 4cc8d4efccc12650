import { describe, expect, it } from 'vitest';
import { loadPythonNormalizer } from './normalize-annotation.js';

describe('loadPythonNormalizer', () => {
  const same: Array<[string, string]> = [
    ['Optional[int]', 'int | None'],
    ['Union[int, None]', 'None | int'],
    ['typing.Optional[int]', '"int | None"'],
    ['List[str]', 'list[str]'],
    ['Dict[str, Any]', 'dict[str, typing.Any]'],
    ["'Book'", 'Book'],
    ['Optional["Book"]', 'Book | None'],
    ['Callable[[], date] | None', 'Optional[Callable[[], datetime.date]]'],
    ['Union[Decimal, str, float, int]', 'int | float | str | Decimal'],
    ['Decimal | str | float | int', 'Union[int, Union[float, str], Decimal]'],
    ['Annotated[int, Field(gt=0)]', 'int'],
    ["Literal['a', 'b']", 'Literal["a", "b"]'],
    ['Tuple[int, ...]', 'tuple[int, ...]'],
  ];
  const different: Array<[string, string]> = [
    ['Optional[int]', 'int'],
    ['list[str]', 'list[int]'],
    ['dict[str, Any]', 'dict'],
    ['Tuple[int, str]', 'tuple[str, int]'],
    ["Literal['a']", "Literal['b']"],
  ];
  it.each(same)('%s means %s', async (a, b) => {
    const normalizer = await loadPythonNormalizer();
    expect(normalizer.annotation(a)).toBe(normalizer.annotation(b));
  });
  it.each(different)('%s differs from %s', async (a, b) => {
    const normalizer = await loadPythonNormalizer();
    expect(normalizer.annotation(a)).not.toBe(normalizer.annotation(b));
  });
  it('canonicalises default values', async () => {
    const normalizer = await loadPythonNormalizer();
    expect(normalizer.expression("Decimal('0.00')")).toBe(normalizer.expression('Decimal("0.00")'));
    expect(normalizer.expression("'x'")).toBe(normalizer.expression('"x"'));
    expect(normalizer.expression('1_000')).toBe('1000');
    expect(normalizer.expression('None')).not.toBe(normalizer.expression('0'));
    expect(normalizer.annotation(null)).toBeNull();
    expect(normalizer.annotation('list[')).toBe('list[');
  });
});
