"""Which runner a set of test files needs (stdlib only): unittest unless something needs pytest.

pytest costs about half a second more than unittest on a 40-test file (its import, collection,
assertion rewriting and per-test hooks), so plain ``unittest.TestCase`` files run under unittest
even when the interpreter has pytest. A file needs pytest when it imports pytest (fixtures,
marks, ``pytest.raises``), when a conftest.py sits next to it, or when it defines tests only
pytest collects: module-level ``test*`` functions, or ``Test*`` classes that are not TestCases.
"""
import ast
import os

_TESTCASE_BASES = ("TestCase", "IsolatedAsyncioTestCase")


def _base_name(node):
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def file_needs_pytest(source):
    """True when this test file's source needs pytest to run as written (or cannot be read)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True  # let the runner report the collection error as it always did
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(alias.name.split(".")[0] in ("pytest", "_pytest") for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("pytest", "_pytest"):
            return True
    cases = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            return True
        if isinstance(node, ast.ClassDef):
            if any(_base_name(base) in _TESTCASE_BASES or _base_name(base) in cases for base in node.bases):
                cases.add(node.name)
            elif node.name.startswith("Test"):
                return True
    return False


def needs_pytest(workdir, files):
    """True when any of the files (in ``workdir``) needs pytest."""
    if os.path.exists(os.path.join(workdir, "conftest.py")):
        return True
    for name in files:
        try:
            with open(os.path.join(workdir, name), encoding="utf-8", errors="replace") as handle:
                if file_needs_pytest(handle.read()):
                    return True
        except OSError:
            return True
    return False
