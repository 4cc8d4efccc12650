"""backsmith's acceptance-test runner (stdlib only), run inside the sandbox.

Runs the given unittest or pytest files (pytest when the interpreter has it, else
unittest) with a time limit per test, and reports each test's outcome as JSON lines on
fd 3 (see sandbox_guard.Channel); test output itself goes to stdout/stderr.

Usage: python -I -B test_runner.py CONFIG.json
"""
import importlib.util
import json
import os
import signal
import sys
import time
import traceback
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import sandbox_guard  # noqa: E402


class TestTimeout(Exception):
    """Raised into a test that runs past its limit (an Exception, so it is that test's error)."""


class Reporter:
    """Shared state: the channel, the per-test timer and counts."""

    def __init__(self, config):
        self.config = config
        self.channel = sandbox_guard.Channel()
        self.seconds = config.get("testSeconds", 10)
        self.active = False
        self.started = 0.0
        self.ran = 0
        signal.signal(signal.SIGALRM, self._alarm)

    def _alarm(self, signum, frame):
        if self.active:
            raise TestTimeout(f"the test ran longer than {self.seconds} s")

    def start(self, test_id, guard):
        """A test starts: arm its time limit."""
        guard.context = f"test {test_id}"
        self.channel.send({"event": "running", "test": test_id})
        self.started = time.perf_counter()
        self.active = True
        signal.setitimer(signal.ITIMER_REAL, self.seconds, 0.05)

    def stop(self):
        """A test ends: disarm."""
        self.active = False
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        return round(time.perf_counter() - self.started, 4)

    def result(self, **fields):
        """Send one test outcome."""
        if fields["outcome"] in ("passed", "failed", "error"):
            self.ran += 1
        self.channel.send({"event": "test", **fields})


def _test_line(frames_of, file_name):
    wanted = os.path.basename(file_name)
    lines = [frame.lineno for frame in frames_of if os.path.basename(frame.filename) == wanted]
    return lines[-1] if lines else 0


class JsonResult(unittest.TestResult):
    """A unittest result that reports each outcome through the Reporter."""

    def __init__(self, reporter, guard):
        super().__init__()
        self.reporter = reporter
        self.guard = guard
        self.outcome = None

    def startTest(self, test):  # noqa: N802 - unittest's name
        super().startTest(test)
        self.outcome = None
        self.reporter.start(test.id(), self.guard)

    def stopTest(self, test):  # noqa: N802
        seconds = self.reporter.stop()
        super().stopTest(test)
        outcome, message, line = self.outcome or ("passed", "", 0)
        self.report(test, outcome, message, line, seconds)

    def report(self, test, outcome, message, line, seconds=0.0, name=None):
        module = type(test).__module__
        file_name = getattr(sys.modules.get(module), "__file__", "") or ""
        method = getattr(test, "_testMethodName", "")
        if not line and method and hasattr(test, method):
            code = getattr(getattr(test, method), "__code__", None)
            line = code.co_firstlineno if code else 0
        if type(test).__name__ == "_FailedTest":
            # The message holds the whole import traceback; its last line says what failed.
            lines = [line for line in message.strip().splitlines() if line.strip()]
            self.reporter.channel.send({"event": "collect-error", "file": method,
                                        "message": lines[-1] if lines else message})
            return
        self.reporter.result(id=test.id(), name=name or method or test.id(), file=os.path.basename(file_name),
                             outcome=outcome, message=message, line=line, seconds=seconds)

    def _describe(self, test, err):
        kind, value, tb = err
        text = "".join(traceback.format_exception_only(kind, value)).strip()
        module = sys.modules.get(type(test).__module__)
        line = _test_line(traceback.extract_tb(tb), getattr(module, "__file__", "") or "")
        return text[-800:], line

    def addFailure(self, test, err):  # noqa: N802
        super().addFailure(test, err)
        self.outcome = ("failed", *self._describe(test, err))

    def addError(self, test, err):  # noqa: N802
        super().addError(test, err)
        message, line = self._describe(test, err)
        self.outcome = ("error", message, line)

    def addSkip(self, test, reason):  # noqa: N802
        super().addSkip(test, reason)
        self.outcome = ("skipped", reason, 0)

    def addUnexpectedSuccess(self, test):  # noqa: N802
        super().addUnexpectedSuccess(test)
        self.outcome = ("failed", "unexpected success of a test marked expectedFailure", 0)

    def addSubTest(self, test, subtest, err):  # noqa: N802
        super().addSubTest(test, subtest, err)
        if err is not None:
            message, line = self._describe(test, err)
            failed = issubclass(err[0], test.failureException)
            self.report(test, "failed" if failed else "error", message, line,
                        name=f"{test._testMethodName} {subtest._subDescription()}")


def run_unittest(files, reporter, guard):
    """Load and run the files with unittest."""
    loader = unittest.TestLoader()
    suite = unittest.TestSuite()
    for file_name in files:
        suite.addTests(loader.loadTestsFromName(os.path.splitext(file_name)[0]))
    # Each load error also becomes a _FailedTest in the suite, reported when it runs.
    suite.run(JsonResult(reporter, guard))


class PytestCollector:
    """pytest plugin: reports collection errors and per-test outcomes."""

    def __init__(self, reporter, guard):
        self.reporter = reporter
        self.guard = guard
        self.outcomes = {}

    def pytest_collectreport(self, report):
        if report.failed:
            self.reporter.channel.send({"event": "collect-error", "file": report.nodeid,
                                        "message": str(report.longrepr)[-800:]})

    def pytest_runtest_logstart(self, nodeid, location):
        self.outcomes[nodeid] = None
        self.reporter.start(nodeid, self.guard)

    def pytest_runtest_logreport(self, report):
        if self.outcomes.get(report.nodeid) or not (report.failed or report.skipped):
            return
        crash = getattr(report.longrepr, "reprcrash", None)
        message = crash.message if crash else str(report.longrepr)
        if report.skipped:
            outcome = "skipped"
            message = report.longrepr[2] if isinstance(report.longrepr, tuple) else message
        elif report.when == "call" and message.startswith(("AssertionError", "assert ")):
            outcome = "failed"
        else:
            outcome = "error"
        line = report.location[1] + 1
        if crash is not None and os.path.basename(str(crash.path)) == os.path.basename(report.location[0]):
            line = crash.lineno  # the failing line itself, as unittest reports it
        self.outcomes[report.nodeid] = (outcome, message[-800:], line)

    def pytest_runtest_logfinish(self, nodeid, location):
        seconds = self.reporter.stop()
        outcome, message, line = self.outcomes.get(nodeid) or ("passed", "", location[1] + 1)
        self.reporter.result(id=nodeid, name=nodeid.split("::")[-1], file=location[0],
                             outcome=outcome, message=message, line=line, seconds=seconds)


def run_pytest(files, reporter, guard, workdir):
    """Run the files with pytest and our collector plugin."""
    import pytest
    arguments = [*files, "-q", "-p", "no:cacheprovider", "--rootdir", workdir]
    pytest.main(arguments, plugins=[PytestCollector(reporter, guard)])


def main():
    """Run the tests and report."""
    with open(sys.argv[1], encoding="utf-8") as handle:
        config = json.load(handle)
    sandbox_guard.apply_limits(config.get("limits", {}))
    workdir = config["workdir"]
    sys.path.insert(0, workdir)
    reporter = Reporter(config)
    module_file = os.path.join(workdir, config["moduleFileName"])
    guard = sandbox_guard.AuditGuard(reporter.channel, [workdir, config["tmpdir"]], module_file)
    guard.context = "test runner"
    guard.install()
    wanted = config.get("runner", "auto")
    use_pytest = wanted == "pytest" or (wanted == "auto" and importlib.util.find_spec("pytest") is not None)
    runner = "pytest" if use_pytest else "unittest"
    reporter.channel.send({"event": "start", "runner": runner, "python": sys.version.split()[0]})
    started = time.perf_counter()
    try:
        if use_pytest:
            run_pytest(config["files"], reporter, guard, workdir)
        else:
            run_unittest(config["files"], reporter, guard)
    except BaseException as error:  # noqa: BLE001 - e.g. sys.exit() in a test module
        reporter.channel.send({"event": "collect-error", "file": "",
                               "message": f"the test run stopped: {type(error).__name__}: {error}"[:800]})
    reporter.channel.send({"event": "done", "runner": runner, "ran": reporter.ran,
                           "seconds": round(time.perf_counter() - started, 4),
                           "blocked": guard.summary()})
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
