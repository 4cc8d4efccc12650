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

import sandbox_guard

from remote_objects import RemoteMethod, RemoteObject, _RemoteClassMeta

# Names the tests take from their frameworks (`from unittest import skipIf`, `from pytest import raises`):
# a `from module import *` after them must not rebind one to the module's object (a decorator that
# swaps the test body for a no-op, a `raises` whose __exit__ swallows everything, a `Mock` whose asserts pass).
FRAMEWORK_NAMES = frozenset({
    "TestCase", "IsolatedAsyncioTestCase", "FunctionTestCase", "TestSuite", "TextTestRunner", "TestLoader",
    "TextTestResult", "TestResult", "SkipTest", "skip", "skipIf", "skipUnless", "expectedFailure", "main",
    "defaultTestLoader", "addModuleCleanup", "enterModuleContext", "doModuleCleanups", "installHandler",
    "registerResult", "removeResult", "removeHandler", "getTestCaseNames", "makeSuite", "findTestCases",
    "Mock", "MagicMock", "patch", "sentinel", "DEFAULT", "ANY", "call", "create_autospec", "AsyncMock",
    "NonCallableMock", "NonCallableMagicMock", "mock_open", "PropertyMock", "seal", "FILTER_DIR",
    "approx", "raises", "warns", "deprecated_call", "fixture", "yield_fixture", "mark", "param", "fail", "xfail",
    "exit", "importorskip", "MonkeyPatch", "ExceptionInfo", "RaisesExc", "RaisesGroup", "LogCaptureFixture",
    "CaptureFixture", "FixtureRequest", "register_assert_rewrite", "set_trace",
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


def mock_api(target, name):
    """Whether ``name`` is the test's own API of a unittest.mock object ``target`` (never the module's to use)."""
    mock = sys.modules.get("unittest.mock")
    return name in MOCK_API and mock is not None and isinstance(target, mock.NonCallableMock)


REPLACED = ("the test's own code was replaced by an object of the module under test (a decorator or name "
            "the test file took from the module, e.g. through `from module import *`), so its result proves nothing")


def replaced_by_module(function):
    """Whether a collected test's callable is, or wraps, an object of the module (its own body never runs)."""
    for _ in range(16):
        if isinstance(function, (RemoteObject, RemoteMethod, _RemoteClassMeta)):
            return True
        if isinstance(function, types.MethodType):
            function = function.__func__
        elif isinstance(function, functools.partial):
            function = function.func
        elif isinstance(function, types.FunctionType):
            function = function.__dict__.get("__wrapped__")
        else:
            return False
    return False


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
