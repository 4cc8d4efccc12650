"""The module's docstring examples and the probe's argument plans, run in the module server (stdlib only).

Both need the module's real objects, so they run next to it; what they produce goes back to
the trusted probe as plain data, which it checks and reports (see probe_harness).
"""
import doctest
import inspect
import sys

import probe_values


class _SysWithoutTrace:
    """``sys`` as doctest's runner sees it, without ``settrace``: the runner only restores the trace function it found
    (None here), and the sandbox's audit hook refuses and reports any tracing (sandbox_guard.TRACE_EVENTS)."""

    def __getattr__(self, name):
        return getattr(sys, name)

    def __setattr__(self, name, value):
        setattr(sys, name, value)

    @staticmethod
    def settrace(function):
        """Nothing to restore: nothing traces the module server."""


class RecordingRunner(doctest.DocTestRunner):
    """A doctest runner that records failures instead of printing them."""

    def __init__(self, test):
        super().__init__(verbose=False)
        self.test = test
        self.recorded = []
        self.example = None

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        """doctest's run, seeing ``sys`` without ``settrace`` (see _SysWithoutTrace)."""
        saved = doctest.sys
        doctest.sys = _SysWithoutTrace()
        try:
            return super().run(test, compileflags, out, clear_globs)
        finally:
            doctest.sys = saved

    def report_start(self, out, test, example):
        """Remember the running example (for hang reports)."""
        self.example = example

    def current_line(self):
        """File line of the running example."""
        return self._line(self.example) if self.example else 0

    def _line(self, example):
        return (self.test.lineno or 0) + example.lineno + 1

    def report_failure(self, out, test, example, got):
        """Record wrong output."""
        self.recorded.append({"line": self._line(example), "source": example.source.strip()[:300],
                              "expected": example.want.strip()[:300], "got": got.strip()[:300]})

    def report_unexpected_exception(self, out, test, example, exc_info):
        """Record an exception the example did not expect."""
        error = exc_info[1]
        if isinstance(error, KeyboardInterrupt):
            raise error
        self.recorded.append({"line": self._line(example), "source": example.source.strip()[:300],
                              "expected": example.want.strip()[:300],
                              "got": f"{type(error).__name__}: {error}"[:300]})


def doctest_names(module, skip, found):
    """The names of the module's docstring tests that have examples, in file order, without those in ``skip``;
    ``found`` keeps each test for run_doctest (the module's objects stay in this process)."""
    if not found:
        tests = doctest.DocTestFinder(exclude_empty=True).find(module, module.__name__)
        found.update((test.name, test) for test in tests if test.examples)
    ordered = sorted(found.values(), key=lambda item: item.lineno or 0)
    return [[test.name, test.lineno or 0, len(test.examples)] for test in ordered if f"doctest:{test.name}" not in skip]


def run_doctest(found, name):
    """Records for one docstring test: its failures and its count. No time limit here: the trusted probe times each
    test from its own process (no alarm runs in the module's process, where it would fire into the audit hook), and
    kills and restarts this process when one runs past its limit."""
    test = found.get(name)
    if test is None:
        return [{"event": "doctest-error", "message": f"no docstring test named {name[:200]}"}]
    runner = RecordingRunner(test)
    records = []
    try:
        runner.run(test, out=lambda text: None, clear_globs=True)
    except BaseException as error:  # noqa: BLE001 - the module's exception that doctest let through (KeyboardInterrupt)
        records.append({"event": "doctest-error", "message": f"{type(error).__name__}: {error}"[:300]})
    records.extend({"event": "doctest-failure", "name": test.name, **failure} for failure in runner.recorded)
    records.append({"event": "doctests", "attempted": len(test.examples), "failed": len(runner.recorded)})
    return records


def plan_service(module, service, examples):
    """Argument sets to construct one service class; ``missing`` when the module lacks it."""
    cls = getattr(module, str(service.get("name", "")), None)
    if not isinstance(cls, type):
        return {"missing": True}
    docs = [inspect.getdoc(cls), module.__doc__]
    return {"missing": False,
            "construct": probe_values.valid_argument_sets(cls, cls.__name__, examples.get(f"{cls.__name__}.__init__", []), docs)}


def plan_method(module, instance, name, examples):
    """Valid argument sets and bad inputs for one method of a live instance (``skip`` if not probed)."""
    cls = type(instance)
    method = getattr(instance, name, None)
    if not callable(method) or inspect.isgeneratorfunction(method):
        return {"skip": True}
    docs = [inspect.getdoc(cls), module.__doc__]
    valid = probe_values.valid_argument_sets(method, name, examples.get(f"{cls.__name__}.{name}", []), docs)
    return {"skip": False, "valid": valid, "bad": [list(entry) for entry in probe_values.bad_inputs(method)]}
