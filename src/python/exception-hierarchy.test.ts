import { describe, expect, it } from 'vitest';
import { exceptionAncestry, handlerCatches, resolveRaisedType } from './exception-hierarchy.js';
import { readPythonModule } from './read-module.js';

const SOURCE = `class AppError(Exception):
    pass


class NotFound(AppError, KeyError):
    @classmethod
    def from_code(cls, code):
        return cls(code)


class Remote(requests.HTTPError):
    pass


def make_error(code: str) -> "AppError":
    return AppError(code)


def run():
    invalid = NotFound.from_code("X")
    raise invalid
`;

describe('exception hierarchy', () => {
  it('walks local and built-in bases', async () => {
    const module = await readPythonModule(SOURCE);
    const ancestry = exceptionAncestry('NotFound', module);
    expect([...ancestry.names]).toEqual(['NotFound', 'AppError', 'Exception', 'BaseException', 'KeyError', 'LookupError']);
    expect(ancestry.complete).toBe(true);
    expect(exceptionAncestry('Remote', module).complete).toBe(false);
  });

  it('decides which handlers catch what, and says when it cannot', async () => {
    const module = await readPythonModule(SOURCE);
    expect(handlerCatches('LookupError', 'NotFound', module)).toBe(true);
    expect(handlerCatches('ValueError', 'NotFound', module)).toBe(false);
    expect(handlerCatches('ValueError', 'Remote', module)).toBeNull();
    expect(handlerCatches('BaseException', null, module)).toBe(true);
    expect(handlerCatches('ValueError', null, module)).toBeNull();
  });

  it('resolves raised values through class-method factories, factory functions and locals', async () => {
    const module = await readPythonModule(SOURCE);
    const run = module.functions.find((fn) => fn.name === 'run')!;
    expect(resolveRaisedType('NotFound.from_code', run, module)).toBe('NotFound');
    expect(resolveRaisedType('make_error', run, module)).toBe('AppError');
    expect(resolveRaisedType('invalid', run, module)).toBe('NotFound');
    expect(resolveRaisedType('json.JSONDecodeError', run, module)).toBe('JSONDecodeError');
    expect(resolveRaisedType('mystery', run, module)).toBeNull();
  });
});
