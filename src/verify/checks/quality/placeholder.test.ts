import { readFileSync } from 'node:fs';
import { testCheck } from '../../test-support/check-tester.js';
import { placeholder } from './placeholder.js';

const FIXTURE = readFileSync(new URL('../../../../test-fixtures/generated/todo-and-pass-bodies.py', import.meta.url), 'utf8');

testCheck(placeholder, {
  valid: [
    'def f() -> int:\n    """F."""\n    return 1\n',
    { name: 'exception classes with an empty body', code: 'class AppError(Exception):\n    """Base."""\n\n\nclass NotFound(AppError):\n    pass\n\n\nclass Gone(NotFound):\n    ...\n' },
    { name: 'abstract methods, overloads and Protocol members', code: 'class Base(ABC):\n    @abstractmethod\n    def run(self) -> None:\n        raise NotImplementedError\n\n    @abc.abstractmethod\n    def stop(self) -> None:\n        ...\n\n\nclass Shape(Protocol):\n    def area(self) -> float: ...\n\n\n@overload\ndef get(key: int) -> int: ...\n' },
    { name: 'pass in nested blocks is not a placeholder', code: 'def f(x: dict) -> None:\n    """F."""\n    try:\n        del x["k"]\n    except KeyError:\n        pass\n' },
    { name: 'ordinary comments and a todo-list domain', code: '"""Todo list backend."""\n# Add the todo to the list and keep the order.\n# insertion order == display order\nTODO_LIMIT = 5\n\n\ndef add_todo(title: str) -> str:\n    """Add a todo item."""\n    return title  # the todo title\n' },
    { name: 'ellipsis as a value', code: 'def f(x: tuple[int, ...]) -> object:\n    """F."""\n    return x[..., 0] if x else ...\n' },
    { name: 'a parameterless __init__ whose docstring says there is nothing to set up', code: 'class Log:\n    """Facade."""\n\n    def __init__(self) -> None:\n        """Nothing to set up: state is module-wide."""\n' },
    { name: 'a class with only a docstring', code: 'class Marker:\n    """A marker type."""\n' },
  ],
  invalid: [
    { name: 'an __init__ with parameters and only a docstring', code: 'class Log:\n    """Facade."""\n\n    def __init__(self, path: str) -> None:\n        """Open the log."""\n', findings: [{ line: 4, messageIncludes: '`Log.__init__` has a placeholder body (only a docstring)' }] },
    { name: 'a parameterless __init__ with pass', code: 'class Log:\n    """Facade."""\n\n    def __init__(self) -> None:\n        """Set up."""\n        pass\n', findings: [{ line: 4, messageIncludes: 'placeholder body (only `pass`)' }] },
    { code: 'def f() -> None:\n    pass\n', findings: [{ line: 1, messageIncludes: 'placeholder body (only `pass`)', symbol: 'f' }] },
    { code: 'def f() -> None:\n    """Do it."""\n', findings: [{ line: 1, messageIncludes: '(only a docstring)' }] },
    { code: 'def f() -> int:\n    # FIXME: wrong for negatives\n    return 1\n', findings: [{ line: 2, messageIncludes: 'FIXME comment' }] },
    { code: 'def f() -> int:\n    # todo: cache this\n    return 1\n', findings: [{ line: 2, messageIncludes: 'TODO comment' }] },
    { code: 'def f() -> int:\n    """Return one.\n\n    TODO: document the edge cases.\n    """\n    return 1\n', findings: [{ line: 2, messageIncludes: 'TODO marker in a docstring' }] },
    { code: 'def f() -> int:\n    x = 1\n    # your code here\n    return x\n', findings: [{ line: 3, messageIncludes: 'standing in for code' }] },
    { code: 'def f() -> int:\n    x = 1\n    # ...\n    return x\n', findings: [{ line: 3 }] },
    { code: 'def f() -> int:\n    x = 1\n    ...\n    return x\n', findings: [{ line: 3, messageIncludes: '`...` stands in for code in `f`' }] },
    { code: 'class Box:\n    def open(self) -> None:\n        raise NotImplementedError()\n', findings: [{ line: 3, messageIncludes: 'raises NotImplementedError', symbol: 'Box.open' }] },
    { code: 'class Box:\n    pass\n', findings: [{ line: 1, messageIncludes: 'Class `Box` has a placeholder body' }] },
    { name: 'an exception class method still needs a body', code: 'class AppError(Exception):\n    def __init__(self, message: str) -> None:\n        pass\n', findings: [{ line: 2, symbol: 'AppError.__init__' }] },
    {
      name: 'fixture: TODOs and pass bodies',
      code: FIXTURE,
      findings: [
        { line: 22, messageIncludes: 'Class `WaitingList`' },
        { line: 43, messageIncludes: 'TODO comment' },
        { line: 50, messageIncludes: '`BookingDesk.cancel` has a placeholder body (only `pass`)' },
        { line: 62, messageIncludes: '`BookingDesk.list_classes` has a placeholder body (only `...`)' },
        { line: 79, messageIncludes: 'raises NotImplementedError' },
        { line: 88, messageIncludes: 'rest of the implementation' },
      ],
    },
  ],
});
