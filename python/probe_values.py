"""Arguments for contract probing (stdlib only, runs inside backsmith's sandbox).

Valid arguments come from the caller's examples, the docstring examples and, failing
those, from annotations and defaults. Bad inputs are the classic ways a Gradio user
breaks a handler: None, blank text, wrong types, out-of-range numbers, unknown ids and
very long strings.
"""
import ast
import datetime
import decimal
import doctest
import enum
import inspect
import typing

UNKNOWN_ID = "ZZ-UNKNOWN-9999"
LONG_TEXT_LENGTH = 100_000
HUGE_NUMBER = 10 ** 18
SAFE_CONSTRUCTORS = {
    "Decimal": decimal.Decimal, "date": datetime.date, "datetime": datetime.datetime,
    "timedelta": datetime.timedelta,
}
POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _evaluate(node):
    """A literal, or a Decimal/date/datetime built from literals; raises ValueError."""
    if isinstance(node, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        constructor = SAFE_CONSTRUCTORS.get(name)
        if constructor is None:
            raise ValueError(name)
        args = [_evaluate(argument) for argument in node.args]
        kwargs = {keyword.arg: _evaluate(keyword.value) for keyword in node.keywords if keyword.arg}
        return constructor(*args, **kwargs)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        values = [_evaluate(element) for element in node.elts]
        return values if isinstance(node, ast.List) else tuple(values) if isinstance(node, ast.Tuple) else set(values)
    if isinstance(node, ast.Dict):
        return {_evaluate(key): _evaluate(value) for key, value in zip(node.keys, node.values)}
    return ast.literal_eval(node)


def docstring_calls(docstrings, name):
    """Argument sets of literal calls to ``name`` (``obj.name(...)`` or ``name(...)``) in doctests."""
    found = []
    examples = []
    for docstring in docstrings:
        try:
            examples += doctest.DocTestParser().get_examples(docstring or "")
        except ValueError:
            continue
    for example in examples:
        try:
            tree = ast.parse(example.source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if callee != name:
                continue
            try:
                args = [_evaluate(argument) for argument in node.args]
                kwargs = {k.arg: _evaluate(k.value) for k in node.keywords if k.arg}
            except (ValueError, TypeError, SyntaxError, decimal.InvalidOperation):
                continue
            found.append((args, kwargs))
    return found


def _is_optional(annotation):
    return type(None) in typing.get_args(annotation)


def value_for(annotation, name=""):
    """A plausible valid value for an annotation (falls back to a short string)."""
    origin = typing.get_origin(annotation)
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if origin is typing.Literal:
        return args[0] if args else None
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)) and args:
        return value_for(args[0], name)
    container = origin if origin in (list, tuple, set, frozenset) else annotation
    if container in (list, tuple, set, frozenset):
        return container([value_for(args[0], name) if args else "example"])
    if origin is dict or annotation is dict:
        return {}
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return True
        if issubclass(annotation, enum.Enum):
            return next(iter(annotation))
        if issubclass(annotation, int):
            return 1
        if issubclass(annotation, float):
            return 1.5
        if issubclass(annotation, decimal.Decimal):
            return decimal.Decimal("10.00")
        if issubclass(annotation, datetime.datetime):
            return datetime.datetime(2024, 3, 1, 9, 0)
        if issubclass(annotation, datetime.date):
            return datetime.date(2024, 3, 1)
    return f"example {name}".strip()


def _hints(function):
    try:
        return typing.get_type_hints(function)
    except Exception:  # noqa: BLE001 - unresolvable annotations: use none
        return {}


def probe_parameters(function):
    """Parameters that can be probed (not self, not *args/**kwargs)."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return []
    kinds = POSITIONAL + (inspect.Parameter.KEYWORD_ONLY,)
    return [parameter for parameter in signature.parameters.values() if parameter.kind in kinds]


def derived_arguments(function):
    """One argument set from defaults and annotations, as keyword arguments."""
    hints = _hints(function)
    values = {}
    for parameter in probe_parameters(function):
        if parameter.default is not inspect.Parameter.empty:
            values[parameter.name] = parameter.default
        else:
            values[parameter.name] = value_for(hints.get(parameter.name, str), parameter.name)
    return values


def bind(function, args, kwargs):
    """Keyword form of an argument set, or None when it does not fit the signature."""
    try:
        bound = inspect.signature(function).bind(*args, **kwargs)
    except (TypeError, ValueError):
        return None
    if any(p.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
           for p in inspect.signature(function).parameters.values() if p.name in bound.arguments):
        return None
    return dict(bound.arguments)


def valid_argument_sets(function, name, extra_sets, docstrings=(), limit=4):
    """Valid argument sets, best first: caller's examples, docstring examples, derived."""
    sets = []
    candidates = [(list(e.get("args", [])), dict(e.get("kwargs", {}))) for e in extra_sets]
    candidates += docstring_calls([inspect.getdoc(function), *docstrings], name)
    for args, kwargs in candidates:
        bound = bind(function, args, kwargs)
        if bound is not None and bound not in sets:
            sets.append(bound)
    derived = derived_arguments(function)
    if derived not in sets:
        sets.append(derived)
    return sets[:limit]


def _kind(annotation):
    if annotation is None:
        return "any"
    text = repr(annotation)
    base = [arg for arg in typing.get_args(annotation) if arg is not type(None)] or [annotation]
    if all(isinstance(b, type) and issubclass(b, str) for b in base):
        return "text"
    if all(isinstance(b, type) and issubclass(b, (int, float, decimal.Decimal)) and not issubclass(b, bool) for b in base):
        return "number"
    return "number-or-text" if ("int" in text or "float" in text or "Decimal" in text) else "any"


def bad_inputs(function):
    """(parameter, label, value, required) tuples: each replaces one valid argument."""
    hints = _hints(function)
    triples = []
    for parameter in probe_parameters(function):
        annotation = hints.get(parameter.name)
        kind = _kind(annotation)
        takes_none = parameter.default is None or (annotation is not None and _is_optional(annotation))
        values = [] if takes_none else [("None", None)]
        values += [("empty string", ""), ("blank string", "   ")]
        if kind == "text":
            values += [("wrong type (int)", 12345), ("wrong type (list)", ["x"]),
                       ("unknown id", UNKNOWN_ID), ("very long string", "x" * LONG_TEXT_LENGTH)]
        elif kind == "number":
            values += [("wrong type (str)", "abc"), ("negative number", -1), ("zero", 0),
                       ("huge number", HUGE_NUMBER), ("not a number", float("nan"))]
        else:
            values += [("wrong type (object)", object()), ("negative number", -1), ("zero", 0),
                       ("huge number", HUGE_NUMBER), ("unknown id", UNKNOWN_ID),
                       ("very long string", "x" * LONG_TEXT_LENGTH)]
        required = parameter.default is inspect.Parameter.empty
        triples += [(parameter.name, label, value, required) for label, value in values]
    return triples


def required_floor(parameters):
    """(parameter, label, value, True) for None (unless its annotation allows None) and a blank string, for each
    required parameter the host read from the module's source: bad inputs the probe calls with whatever the module's
    own plan says (that plan is worked out in the module's process, which can empty it)."""
    triples = []
    for entry in parameters[:32] if isinstance(parameters, list) else []:
        name = entry.get("name") if isinstance(entry, dict) else None
        if type(name) is not str or not name.isidentifier():
            continue
        if not _allows_none(entry.get("annotation")):
            triples.append((name, "None", None, True))
        triples.append((name, "blank string", "   ", True))
    return triples


_PLAIN_VALUES = {"int": 1, "float": 1.0, "str": "example", "bool": True}


def static_arguments(parameters):
    """One argument set for the required parameters the host read, when each is annotated as a plain int, float, str or
    bool (or an Optional of one), else None: a construction the module's own plan cannot leave out."""
    values = {}
    for entry in parameters[:32] if isinstance(parameters, list) else []:
        name = entry.get("name") if isinstance(entry, dict) else None
        annotation = entry.get("annotation") if isinstance(entry, dict) else None
        if type(name) is not str or not name.isidentifier() or type(annotation) is not str:
            return None
        try:
            node = ast.parse(annotation[:200], mode="eval").body
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):  # X | None
            node = node.right if isinstance(node.left, ast.Constant) and node.left.value is None else node.left
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Optional":
            node = node.slice
        if not isinstance(node, ast.Name) or node.id not in _PLAIN_VALUES:
            return None
        values[name] = _PLAIN_VALUES[node.id]
    return values


def _allows_none(annotation):
    """Whether annotation source text names None, Optional or Any (read with the parser)."""
    if type(annotation) is not str:
        return False
    try:
        tree = ast.parse(annotation[:500], mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True  # unreadable: do not call it with None
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value is None:
            return True
        if isinstance(node, (ast.Name, ast.Attribute)) and getattr(node, "id", getattr(node, "attr", "")) in ("Optional", "Any"):
            return True
    return False


def describe_arguments(arguments, limit=160):
    """Short text of an argument set for messages."""
    parts = []
    for key, value in arguments.items():
        text = repr(value)
        if len(text) > 40:
            text = f"{text[:20]}… ({len(text)} chars)"
        parts.append(f"{key}={text}")
    return ", ".join(parts)[:limit]
