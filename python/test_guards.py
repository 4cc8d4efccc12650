"""What keeps the module's objects out of the tests' own machinery (stdlib only; the trusted side).

The tests reach the module through a proxy (module_proxy); these guards stop the module's
objects from standing in for the test framework: names a star import must not rebind, the
Mock API the module may not use on a mock it was given, and a test whose body was swapped
for an object of the module.
"""
import functools
import os
import sys
import types
import unittest

import proxy_wire
import sandbox_guard

from remote_objects import RemoteMethod, RemoteObject, _RemoteClassMeta

# Names a test module is read for: unittest calls load_tests(loader, tests, pattern) and uses the suite
# it returns (a module's load_tests, star-imported, replaced every test), pytest reads marks and plugins.
# Never star-imported from the module, nor any name a test file takes from a test framework
# (framework_names): `from pytest import raises` then `from module import *` must keep pytest's raises.
SPECIAL_NAMES = frozenset({
    "load_tests", "setUpModule", "tearDownModule", "pytestmark", "pytest_plugins", "setup_module",
    "teardown_module", "setup_function", "teardown_function", "collect_ignore", "collect_ignore_glob",
    "pytest_generate_tests",
})
_FRAMEWORKS = frozenset({"unittest", "pytest", "_pytest", "mock", "hypothesis", "pytest_mock", "freezegun"})


def framework_names(source):
    """The names a test file binds from a test framework (`from unittest import skipIf as only_if` gives only_if;
    `from unittest import *` gives unittest's __all__)."""
    import ast
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").split(".")[0] in _FRAMEWORKS:
            names.update(alias.asname or alias.name for alias in node.names if alias.name != "*")
            if any(alias.name == "*" for alias in node.names):
                names |= _star_names(node.module)
    return names


def kept_names(source, module_name):
    """Names `from module import *` must not rebind in a test file: those it takes from a test framework, and every
    name it binds itself at its top level other than from the module (`from datetime import date`, a helper it
    defines): a module's own `date` dataclass without fields, star-imported over it, made every date compare equal."""
    import ast
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    names = framework_names(source)
    statements = list(tree.body)
    for _ in range(100_000):
        if not statements:
            break
        node = statements.pop()
        if isinstance(node, ast.Import):
            names.update(alias.asname or alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").split(".")[0] != module_name):
            names.update(alias.asname or alias.name for alias in node.names if alias.name != "*")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(target.id for target in targets if isinstance(target, ast.Name))
        elif isinstance(node, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
            # Still the module's own scope: its blocks bind top-level names too (not an except clause's
            # fallback, `except ImportError: Name = None`, which must not hide the module's Name).
            for field in ("body", "orelse", "finalbody"):
                statements.extend(getattr(node, field, None) or [])
    return names


def _star_names(framework):
    """The names `from framework import *` binds (its __all__, else its public names), read here in the trusted runner."""
    import importlib
    try:
        module = importlib.import_module(framework)
    except Exception:  # noqa: BLE001 - not installed: the test file's own import fails and says so
        return set()
    exported = getattr(module, "__all__", None)
    names = exported if isinstance(exported, (list, tuple)) else [name for name in vars(module) if not name.startswith("_")]
    return {name for name in names if isinstance(name, str)}


# Where the runner's own objects come from: the test frameworks and backsmith's helpers. A callback of
# the module may never reach one (a TestResult or the reporter handed to it could write any outcome).
_MACHINERY = frozenset({
    "__main__", "unittest", "_pytest", "pytest", "pluggy", "test_runner", "probe_harness", "result_channel",
    "module_proxy", "remote_objects", "proxy_wire", "test_guards", "sandbox_guard", "in_process_run",
    "runner_choice", "test_isolation", "server_exit", "hide_folder", "probe_values", "response_shape", "probe_doctests",
})
# The test's own inspection API of a Mock: the module may call a mock it was given and read its
# children, never configure, reset or assert with it (a mock whose assert_called_once_with it replaced passes).
MOCK_API = frozenset({
    "configure_mock", "reset_mock", "attach_mock", "mock_add_spec", "side_effect", "return_value", "called",
    "call_count", "call_args", "call_args_list", "mock_calls", "method_calls", "assert_called", "assert_called_once",
    "assert_called_with", "assert_called_once_with", "assert_any_call", "assert_has_calls", "assert_not_called",
    "assert_awaited", "assert_awaited_once", "assert_awaited_with", "assert_awaited_once_with", "assert_any_await",
    "assert_has_awaits", "assert_not_awaited", "await_count", "await_args", "await_args_list", "awaited",
})


# Attributes that lead from a test's object to the runner's frames (a generator's gi_frame, then f_back up
# to main(), whose locals hold the run's secret): never read for the module.
_INTROSPECTION = frozenset({"gi_frame", "gi_code", "gi_yieldfrom", "cr_frame", "cr_code", "cr_await", "cr_origin",
                            "ag_frame", "ag_code", "ag_await", "f_back", "f_globals", "f_locals", "f_builtins", "f_code",
                            "tb_frame", "tb_next"})
_INTERNALS = (types.FrameType, types.TracebackType, types.CodeType)


def check_callback(target, name):
    """Raise when the module may not call ``target`` (name None) or read its attribute ``name``."""
    if machinery(target) or isinstance(target, _INTERNALS):
        raise PermissionError("the test runner's own objects (and its file, process and interpreter functions) are not the module's to use")
    if name is not None and (name.startswith("_") or name in _INTROSPECTION):
        raise AttributeError(name)
    mock = sys.modules.get("unittest.mock")
    if name in MOCK_API and mock is not None and isinstance(target, mock.NonCallableMock):
        raise AttributeError(f"{name} is the test's own Mock API: the module under test may call a mock it is "
                             "given, not configure, reset or assert with it")


# Functions and classes that reach files, processes or the interpreter: handed to the module (an `opener=open`),
# they would run its requests in the trusted process (open /proc/self/mem, then fd 3, with the runner's rights).
_CAPABILITIES = frozenset({
    "os", "posix", "io", "_io", "subprocess", "_posixsubprocess", "shutil", "pathlib", "tempfile", "ctypes", "_ctypes",
    "signal", "_signal", "importlib", "_imp", "sys", "gc", "mmap", "socket", "_socket", "fcntl", "resource", "pty",
    "_thread", "threading", "multiprocessing", "marshal", "pickle", "_pickle", "runpy", "code", "pdb", "sqlite3", "zipfile",
    "_sqlite3", "asyncio", "concurrent", "select", "selectors", "ssl", "_ssl", "http", "urllib", "ftplib", "smtplib",
    "socketserver", "xmlrpc", "shelve", "dbm", "tarfile", "zipimport", "bdb", "cmd", "_multiprocessing",
})
# Instances of those modules are capabilities too (a sqlite3 connection ATTACHes any file, a socket connects
# and passes descriptors, an event loop starts processes), but for these, which reach only what the test opened
# or shared: file objects, in-memory streams and the locks and events of threads.
_HARMLESS_INSTANCES = frozenset({
    "_io.TextIOWrapper", "_io.BufferedReader", "_io.BufferedWriter", "_io.BufferedRandom", "_io.FileIO",
    "_io.StringIO", "_io.BytesIO", "tempfile._TemporaryFileWrapper", "tempfile.SpooledTemporaryFile",
    "_thread.lock", "_thread.RLock", "threading.Event", "threading.Condition", "threading.Semaphore",
    "threading.BoundedSemaphore", "threading.Barrier",
})
_BUILTIN_CAPABILITIES = frozenset({"open", "exec", "eval", "compile", "__import__", "getattr", "setattr", "delattr",
                                   "globals", "vars", "locals", "breakpoint", "input"})


def machinery(value):
    """Whether ``value`` is an object of the test runner or its frameworks (a Mock excepted), or a method of one,
    or a function, class or object (a file, a lock or an event excepted) that reaches files, processes or the interpreter."""
    if isinstance(value, types.MethodType):
        value = value.__self__
    if isinstance(value, types.BuiltinFunctionType) and isinstance(value.__self__, (types.ModuleType, type(None))):
        owner = getattr(value.__self__, "__name__", "") or getattr(value, "__module__", "") or ""
        if owner == "builtins":
            return value.__name__ in _BUILTIN_CAPABILITIES
        return owner.split(".")[0] in _CAPABILITIES | _MACHINERY
    function_or_class = isinstance(value, (types.FunctionType, type))
    owner = value.__module__ if function_or_class else type(value).__module__
    owner = owner if isinstance(owner, str) else ""
    root = owner.split(".")[0]
    if root in _CAPABILITIES:
        return function_or_class or f"{owner}.{type(value).__qualname__}" not in _HARMLESS_INSTANCES
    return root in _MACHINERY and not owner.startswith("unittest.mock")


REPLACED = ("the test's own code was replaced by an object of the module under test (a decorator or name "
            "the test file took from the module, e.g. through `from module import *`), so its result proves nothing")


def replaced_by_module(function, returned=()):
    """Whether a collected test's callable is, or wraps, an object of the module, a function of the tests the module
    handed back (``returned``: ids; a decorator of the module gave one test another's body), or no Python function
    at all (a decorator of the module returned the built-in ``object``, which runs and passes)."""
    for _ in range(16):
        if isinstance(function, (RemoteObject, RemoteMethod, _RemoteClassMeta)):
            return True
        if isinstance(function, types.MethodType):
            function = function.__func__
        elif isinstance(function, functools.partial):
            function = function.func
        elif isinstance(function, types.FunctionType):
            if id(function) in returned:
                return True
            function = function.__dict__.get("__wrapped__")
            if function is None:
                return False
        else:
            return function is not None
    return False


def link_counts(link):
    """What a test's outcome is judged against when it ends (see decided_by_module)."""
    return (link.failures, link.raised_in_calls, link.output.dropped, link.requests)


def decided_by_module(link, before, outcome):
    """Why a passed or skipped test is an error because the module decided its outcome, or None: the module process
    failed and the test caught that error, the test's own assertion or skip was raised inside a call of the module,
    the module's logs were cut short, or the test skipped after calling the module (skipping is the author's decision)."""
    failures, raised, dropped, requests = before
    if link.failures > failures:
        return f"ProxyError: the module process failed during the test ({link.last_failure}) and the test caught that error"
    if link.raised_in_calls > raised:
        return (f"the test's code raised {link.last_raised} inside a call of the module (a callback it was given), "
                f"so the module, not the test, decided the outcome ({outcome[0]})")
    if link.output.dropped > dropped:
        return (f"the module logged more than {proxy_wire.RELAYED_LOGS} records, and those logged during the test past that "
                f"were not re-emitted: a test that reads the logs (assertLogs, assertNoLogs, caplog) saw only part of them ({outcome[0]})")
    if outcome[0] == "skipped" and link.requests > requests:
        return (f"the test was skipped ({outcome[1]}) after it called the module: a skip the module's answers led to is an "
                "error; a test that cannot run is skipped before it calls the module")
    return None


def test_outcome(error):
    """Whether ``error``, raised by the tests' code, decides a test's outcome: an assertion failure or a skip
    (unittest's SkipTest, pytest's skip, fail and exit), which the module must never swallow or cause."""
    if isinstance(error, (AssertionError, unittest.SkipTest)):
        return True
    return not isinstance(error, Exception)  # pytest's outcomes are BaseExceptions (their __module__ says builtins)


def folder_names(folder, limit=20_000):
    """The entry names in ``folder`` (at most ``limit``), or an empty set: names only, never contents."""
    found = set()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                found.add(entry.name)
                if len(found) >= limit:
                    break
    except OSError:
        pass
    return found


def report_planted(channel, before, test_files):
    """Report each name Python or pytest would load (or a test file's) that appeared in a folder since
    ``before`` (folder -> names): a write past the audit hook (libc through ctypes); it reaches nothing."""
    for folder, known in before.items():
        for name in sorted(folder_names(folder) - known)[:20]:
            if name in test_files or name in sandbox_guard.PLANTED_NAMES or name.endswith(sandbox_guard.PLANTED_SUFFIXES):
                channel.send({"event": "blocked", "kind": "planted", "auditEvent": "write", "symbol": "The module",
                              "detail": f"{os.path.join(folder, name)} appeared (written past the audit hook)"[:300],
                              "line": 0, "inModule": True, "function": None, "context": "test runner"})
