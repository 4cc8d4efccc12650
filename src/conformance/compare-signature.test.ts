import { describe, expect, it } from 'vitest';
import { loadPythonNormalizer } from '../python/normalize-annotation.js';
import { compareParameters, compareReturn, formatSignature, type SignatureShape } from './compare-signature.js';

type Parameter = SignatureShape['parameters'][number];
const p = (name: string, annotation: string | null = null, defaultValue: string | null = null, kind: Parameter['kind'] = 'positional-or-keyword'): Parameter => ({ name, kind, annotation, defaultValue });
const shape = (parameters: Parameter[], returnAnnotation: string | null = null): SignatureShape => ({ parameters, returnAnnotation });

describe('compareParameters', () => {
  const designed = shape([p('title', 'str'), p('priority', 'int', '2', 'keyword-only'), p('assignee', 'Optional[str]', 'None', 'keyword-only')], 'Dict[str, Any]');
  const cases: Array<[string, SignatureShape, string[]]> = [
    ['an identical signature', shape([p('title', 'str'), p('priority', 'int', '2', 'keyword-only'), p('assignee', 'str | None', 'None', 'keyword-only')]), []],
    ['a renamed parameter', shape([p('name', 'str'), p('priority', 'int', '2', 'keyword-only'), p('assignee', 'str | None', 'None', 'keyword-only')]), ['name:error']],
    ['a missing parameter', shape([p('title', 'str'), p('priority', 'int', '2', 'keyword-only')]), ['missing-parameter:error']],
    ['an extra optional parameter', shape([p('title', 'str'), p('priority', 'int', '2', 'keyword-only'), p('assignee', 'str | None', 'None', 'keyword-only'), p('notify', 'bool', 'True', 'keyword-only')]), ['extra-parameter:warning']],
    ['a changed kind', shape([p('title', 'str'), p('priority', 'int', '2'), p('assignee', 'str | None', 'None', 'keyword-only')]), ['kind:error']],
    ['a changed default', shape([p('title', 'str'), p('priority', 'int', '3', 'keyword-only'), p('assignee', 'str | None', 'None', 'keyword-only')]), ['default:error']],
    ['a changed annotation', shape([p('title', 'bytes'), p('priority', 'int', '2', 'keyword-only'), p('assignee', 'str | None', 'None', 'keyword-only')]), ['annotation:error']],
    ['a missing annotation', shape([p('title'), p('priority', 'int', '2', 'keyword-only'), p('assignee', 'str | None', 'None', 'keyword-only')]), ['annotation:error']],
  ];
  it.each(cases)('on %s', async (_name, actual, expected) => {
    const normalizer = await loadPythonNormalizer();
    expect(compareParameters(designed, actual, normalizer).map((difference) => `${difference.aspect}:${difference.severity}`)).toEqual(expected);
  });

  it('sees reordered positional parameters', async () => {
    const normalizer = await loadPythonNormalizer();
    const differences = compareParameters(shape([p('a', 'int'), p('b', 'str')]), shape([p('b', 'str'), p('a', 'int')]), normalizer);
    expect(differences.map((difference) => difference.message)).toEqual(['parameters are in the order (b, a); the design has (a, b)']);
  });

  it('matches *args and **kwargs by kind, and defaults through a resolver', async () => {
    const normalizer = await loadPythonNormalizer();
    const differences = compareParameters(
      shape([p('args', null, null, 'var-positional'), p('limit', 'int', 'MAX', 'keyword-only'), p('options', 'Any', null, 'var-keyword')]),
      shape([p('values', null, null, 'var-positional'), p('limit', 'int', '10', 'keyword-only'), p('kwargs', 'Any', null, 'var-keyword')]),
      normalizer,
      { sameValue: (expected, actual) => expected === 'MAX' && actual === '10' },
    );
    expect(differences).toEqual([]);
  });
});

describe('compareReturn', () => {
  it('compares by meaning and grades precision', async () => {
    const normalizer = await loadPythonNormalizer();
    expect(compareReturn(shape([], 'Dict[str, Any]'), shape([], 'dict[str, typing.Any]'), normalizer, 'f')).toBeNull();
    expect(compareReturn(shape([], 'dict[str, Any]'), shape([], 'dict'), normalizer, 'f')?.severity).toBe('warning');
    expect(compareReturn(shape([], 'dict[str, Any]'), shape([], 'list[str]'), normalizer, 'f')?.severity).toBe('error');
    expect(compareReturn(shape([], 'None'), shape([], null), normalizer, '__init__')).toBeNull();
    expect(compareReturn(shape([], 'str'), shape([], null), normalizer, 'f')?.message).toContain('no return annotation');
  });
});

describe('formatSignature', () => {
  it('writes separators and defaults as Python does', () => {
    expect(formatSignature(shape([p('a', null, null, 'positional-only'), p('b', 'int', '1'), p('c', 'str', null, 'keyword-only'), p('kw', null, null, 'var-keyword')], 'None')))
      .toBe('(a, /, b: int = 1, *, c: str, **kw) -> None');
  });
});
