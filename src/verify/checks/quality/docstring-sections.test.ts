import { testCheck } from '../../test-support/check-tester.js';
import { docstringSections } from './docstring-sections.js';

const METHOD = (signature: string, docstring: string, body: string): string =>
  `class Box:\n    """Box."""\n\n    def ${signature}:\n        """${docstring}\n        """\n${body}`;

testCheck(docstringSections, {
  valid: [
    METHOD('add(self, item: str, count: int = 1) -> dict', 'Add.\n\n        Args:\n            item: The item.\n            count (int): How many.\n\n        Returns:\n            dict: Response.', '        return {"success": True}\n'),
    { name: 'Arguments/Return titles and *args/**kwargs', code: 'def f(*args: int, **kwargs: str) -> int:\n    """F.\n\n    Arguments:\n        *args: Numbers.\n        **kwargs: Options.\n\n    Return:\n        int: The sum.\n    """\n    return sum(args)\n' },
    { name: 'a None-only return needs no Returns', code: 'def f() -> None:\n    """F."""\n    if True:\n        return\n    return None\n' },
    { name: 'a raise caught in the same function', code: 'def f() -> None:\n    """F."""\n    try:\n        raise ValueError("x")\n    except ValueError:\n        pass\n' },
    { name: 'a custom error caught through its base', code: 'class AppError(Exception):\n    """Base."""\n\n\nclass NotFound(AppError):\n    """Missing."""\n\n\ndef f() -> None:\n    """F."""\n    try:\n        raise NotFound.from_code("X")\n    except AppError:\n        pass\n' },
    { name: 'generators document Yields', code: 'def f() -> Iterator[int]:\n    """F.\n\n    Yields:\n        int: Numbers.\n    """\n    yield 1\n' },
    { name: '__init__ arguments in the class docstring', code: 'class Box:\n    """Box.\n\n    Args:\n        size: The size.\n    """\n\n    def __init__(self, size: int) -> None:\n        """Create a box."""\n        self.size = size\n' },
    { name: '__init__ arguments as class Attributes', code: 'class AppError(Exception):\n    """Base error.\n\n    Attributes:\n        message: Text for the UI.\n        code: Machine-readable code.\n    """\n\n    def __init__(self, message: str, code: str = "E") -> None:\n        """Create the error."""\n        super().__init__(message)\n' },
    { name: 'private helpers, properties and docstring-less functions are not checked', code: 'def _h(x: int) -> int:\n    """Helper."""\n    return x\n\n\nclass Box:\n    """Box."""\n\n    @property\n    def size(self) -> int:\n        """int: The size."""\n        return 1\n\n\ndef g(x: int) -> int:\n    return x\n' },
    { name: 'reST (Sphinx) fields', code: 'def f(x: int, *rest: int) -> int:\n    """F.\n\n    :param int x: the x\n    :param rest: more\n    :return: the x\n    :raises ValueError: when x is negative\n    """\n    if x < 0:\n        raise ValueError("x")\n    return x\n' },
    { name: '__init__ arguments as reST fields of the class docstring', code: 'class AppError(Exception):\n    """Base error.\n\n    :param message: text for the UI\n    :param code: error code\n    """\n\n    def __init__(self, message: str, code: str = "E") -> None:\n        """Create the error."""\n        super().__init__(message)\n' },
    { name: 'raises inside a method wrapped by a decorator of the module (a guard that answers with a response)', code: 'def _guarded(method):\n    return method\n\n\nclass Log:\n    """Log."""\n\n    @_guarded\n    def add(self, name: str) -> dict:\n        """Add.\n\n        Args:\n            name: The name.\n\n        Returns:\n            dict: Response.\n        """\n        if not name:\n            raise ValueError("empty")\n        return {}\n' },
    { name: 'NumPy sections', code: 'def f(x: int) -> int:\n    """F.\n\n    Parameters\n    ----------\n    x : int\n        The x.\n\n    Returns\n    -------\n    int\n        The x.\n    """\n    return x\n' },
  ],
  invalid: [
    { code: 'def f(x: int, y: int) -> int:\n    """Add two numbers."""\n    return x + y\n', findings: [{ line: 2, messageIncludes: 'no Args section (parameters `x` and `y`); no Returns section', symbol: 'f' }] },
    {
      code: METHOD('add(self, item: str, count: int = 1) -> dict', 'Add.\n\n        Args:\n            item: The item.\n\n        Returns:\n            dict: Response.', '        return {"success": True}\n'),
      findings: [{ line: 5, messageIncludes: 'Args does not document `count`', symbol: 'Box.add' }],
    },
    { code: 'def f(x: int) -> None:\n    """F.\n\n    Args:\n        x: X.\n    """\n    if x < 0:\n        raise ValueError("negative")\n', findings: [{ line: 2, messageIncludes: 'no Raises section (it raises `ValueError`)' }] },
    { name: 'a re-raise leaves the function', code: 'def f() -> None:\n    """F."""\n    try:\n        g()\n    except KeyError:\n        raise\n', findings: [{ line: 2, messageIncludes: 'it raises an exception' }] },
    { name: 'a handler for another type does not catch', code: 'def f() -> None:\n    """F."""\n    try:\n        raise KeyError("k")\n    except ValueError:\n        pass\n', findings: [{ line: 2, messageIncludes: '`KeyError`' }] },
    { name: 'a generator without Yields', code: 'def f() -> Iterator[int]:\n    """F."""\n    yield 1\n', findings: [{ line: 2, messageIncludes: 'no Yields section' }] },
    { name: 'reST fields that leave a parameter out', code: 'def f(x: int, y: int) -> int:\n    """F.\n\n    :param x: the x\n    :returns: the sum\n    """\n    return x + y\n', findings: [{ line: 2, messageIncludes: 'Args does not document `y`' }] },
    { name: '__init__ with undocumented parameters', code: 'class Box:\n    """Box."""\n\n    def __init__(self, size: int) -> None:\n        """Create a box."""\n        self.size = size\n', findings: [{ line: 5, messageIncludes: 'no Args section (parameter `size`)', symbol: 'Box.__init__' }] },
  ],
});
