"""Which test files must run in-process with the module, and why (stdlib only).

The tests are trusted input, so the trusted runner reads them with ``ast``: a file that
patches the module's globals or classes (``mock.patch('mod.X')``, ``patch.object(Cls, ...)``,
``monkeypatch.setattr``), assigns their attributes, subclasses them, or hands module objects
to helpers that need the real thing (``dataclasses.asdict``, ``pickle``, ``inspect``) cannot
run through the proxy; every other file does. ``copy.copy``/``copy.deepcopy`` work through the
proxy (a handle is copied in the module's process), and a helper called only on literals
(``dataclasses.replace`` of a test constant ...) needs nothing of the module.
"""
import ast

PATCHERS = {"patch", "object", "dict", "multiple", "setattr", "delattr", "setitem", "delitem", "reload"}
NEEDS_REAL = {
    "asdict", "astuple", "fields", "dataclasses.asdict", "dataclasses.astuple", "dataclasses.fields",
    "dataclasses.replace", "dataclasses.is_dataclass", "is_dataclass", "pickle.dumps", "pickle.loads",
    "inspect.signature", "inspect.getsource",
    "inspect.getmembers", "vars", "weakref.ref", "sys.getrefcount",
}


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def in_process_reason(source, module_name):
    """Why the test file must run next to the module (a short phrase), or None."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None  # the runner reports it
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names if alias.name == module_name)
        elif isinstance(node, ast.ImportFrom) and node.module == module_name and node.level == 0:
            names.update(alias.asname or alias.name for alias in node.names)
    for node in ast.walk(tree):
        reason = _reason(node, names, module_name)
        if reason:
            return f"line {getattr(node, 'lineno', 0)}: {reason}"
    return None


def _literal(node):
    """True for a constant or a display of constants: plain data, never a module object."""
    try:
        ast.literal_eval(node)
        return True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False


def _reason(node, names, module_name):
    if isinstance(node, ast.Call):
        function = _dotted(node.func)
        if function.split(".")[-1] in PATCHERS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and \
                    (first.value == module_name or first.value.startswith(module_name + ".")):
                return f"{function}({first.value!r}) patches the module"
            if isinstance(first, ast.Name) and first.id in names:
                return f"{function}({first.id}, ...) patches the module"
        arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
        if function in NEEDS_REAL and any(isinstance(arg, ast.Name) and arg.id in names for arg in node.args) \
                or function in NEEDS_REAL and function.split(".")[0] in ("dataclasses", "pickle", "inspect") \
                and not all(_literal(arg) for arg in arguments):
            return f"{function}() needs the module's real objects"
    elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
        targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id in names:
                return f"it assigns {target.value.id}.{target.attr}"
    elif isinstance(node, ast.ClassDef):
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in names:
                return f"class {node.name} subclasses the module's {base.id}"
    return None
