"""backsmith's acceptance-test runner (stdlib only), run inside the sandbox.

Runs the given unittest or pytest files (pytest when the interpreter has it, else
unittest) with a time limit per test, and reports each test's outcome as JSON lines on
fd 3 (see sandbox_guard.Channel); test output itself goes to stdout/stderr.

This process is trusted: it never imports the module. It forks the module server first
(module_proxy), and the tests reach the module through a proxy module, so the module's
code cannot touch the assertions, the results or fd 3. Files the proxy cannot carry run
in a forked child next to the real module (in_process_run), reported as such.

Started by trusted_main.py (role "tests").
"""
import importlib.util
import os
import signal
import sys
import time
import traceback
import unittest

# lib/ is on the import path already (trusted_main), once: the runner's path holds nothing the module can write.

import in_process_run  # noqa: E402
import module_proxy  # noqa: E402
import runner_choice  # noqa: E402
import test_guards  # noqa: E402
import test_isolation  # noqa: E402


class TestTimeout(Exception):
    """Raised into a test that runs past its limit (an Exception, so it is that test's error)."""


class Reporter:
    """Shared state: the channel, the per-test timer and counts."""

    def __init__(self, config, channel, link=None):
        self.config = config
        self.channel = channel
        self.link = link
        self.seconds = config.get("testSeconds", 10)
        self.active = False
        self.started = 0.0
        self.ran = 0
        self.timed_out = False
        self.before = None
        signal.signal(signal.SIGALRM, self._alarm)

    def _alarm(self, signum, frame):
        if self.active:
            self.timed_out = True
            raise TestTimeout(f"the test ran longer than {self.seconds} s")

    def checked(self, outcome, line):
        """The outcome, unless the test passed after swallowing its own time-limit error or a dead module process,
        or the module caused its skip or swallowed its assertion (skipping is the test author's decision)."""
        if outcome[0] not in ("passed", "skipped"):
            return outcome
        decided = test_guards.decided_by_module(self.link, self.before, outcome) if self.link is not None else None
        if decided:
            return ("error", decided[:800], line)
        if not self.timed_out:
            return outcome
        where = self.link.hang_location() if self.link is not None else ""
        return ("error", f"TestTimeout: the test ran longer than {self.seconds} s and caught the time-limit error{where}"[-800:], line)

    def start(self, test_id, guard):
        """A test starts: arm its time limit."""
        guard.context = f"test {test_id}"
        self.channel.send({"event": "running", "test": test_id})
        self.started = time.perf_counter()
        self.timed_out = False
        self.before = test_guards.link_counts(self.link) if self.link is not None else None
        self.active = True
        # Next to module code the alarm repeats (it may swallow one); the proxied tests are trusted.
        signal.setitimer(signal.ITIMER_REAL, self.seconds, 0.05 if self.link is None else 0)

    def stop(self):
        """A test ends: disarm."""
        self.active = False
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        return round(time.perf_counter() - self.started, 4)

    def returned(self):
        """Ids of the tests' objects the module handed back."""
        return self.link.returned if self.link is not None else ()

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
        outcome, message, line = self.reporter.checked(self.outcome or ("passed", "", 0), 0)
        if test_guards.replaced_by_module(getattr(test, getattr(test, "_testMethodName", ""), None), self.reporter.returned()):
            outcome, message = "error", test_guards.REPLACED
        self.report(test, outcome, message, line, seconds)

    def report(self, test, outcome, message, line, seconds=0.0, name=None):
        module = type(test).__module__
        file_name = getattr(sys.modules.get(module), "__file__", "") or ""
        method = getattr(test, "_testMethodName", "")
        function = getattr(test, method, None) if method else None
        if not line and not test_guards.replaced_by_module(function, self.reporter.returned()) and callable(function):
            code = getattr(function, "__code__", None)
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
        if isinstance(value, TestTimeout) and self.reporter.link is not None:
            text += self.reporter.link.hang_location()
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
        self.replaced = set()

    def pytest_collection_modifyitems(self, items):
        for item in items:
            if test_guards.replaced_by_module(getattr(item, "obj", None), self.reporter.returned()):
                self.replaced.add(item.nodeid)

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
        if "TestTimeout" in message and self.reporter.link is not None:
            message += self.reporter.link.hang_location()
        if report.skipped:
            message = report.longrepr[2] if isinstance(report.longrepr, tuple) else message
            # An empty parameter list is no author's skip: no case ran (the list may be the module's, e.g. its enum).
            outcome = "error" if "got empty parameter set" in message else "skipped"
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
        outcome, message, line = self.reporter.checked(self.outcomes.get(nodeid) or ("passed", "", location[1] + 1), location[1] + 1)
        if nodeid in self.replaced:
            outcome, message = "error", test_guards.REPLACED
        self.reporter.result(id=nodeid, name=nodeid.split("::")[-1], file=location[0],
                             outcome=outcome, message=message, line=line, seconds=seconds)


def run_pytest(files, reporter, guard, testsdir):
    """Run the files with pytest and our collector plugin."""
    import pytest
    # Only the runner's read-only folder configures pytest: no ini file (-c /dev/null), no
    # conftest.py above it (--confcutdir); the module could have written those anywhere else.
    arguments = [*(os.path.join(testsdir, name) for name in files), "-q", "-p", "no:cacheprovider",
                 "--rootdir", testsdir, "--confcutdir", testsdir, "-c", os.devnull]
    pytest.main(arguments, plugins=[PytestCollector(reporter, guard)])


class Context:
    """What runs now, for the module's blocked actions relayed from its process."""

    context = "test runner"


class FailedImport:
    """A meta-path finder that fails the module's import the way the module process did."""

    _bs_failed = True

    def __init__(self, name, error):
        self.name = name
        self.error = error

    def find_spec(self, fullname, path=None, target=None):
        """Raise the module's import error for its name."""
        if fullname == self.name:
            if isinstance(self.error, ImportError):
                raise self.error
            raise ImportError(f"the module could not be imported: {type(self.error).__name__}: {self.error}") from self.error
        return None


def run_files(files, reporter, context, runner, testsdir):
    """Run test files with the chosen runner, in this process."""
    if runner == "pytest":
        run_pytest(files, reporter, context, testsdir)
    else:
        run_unittest(files, reporter, context)


def start_proxy(link, config, reporter, context, kept):
    """Import the module in its own process and put the proxy in its place."""
    def relay(record):
        fields = {key: record[key] for key in in_process_run.FIELDS & record.keys()
                  if isinstance(record[key], (str, int, bool)) and key != "event"}
        fields = {key: value[:300] if isinstance(value, str) else value for key, value in fields.items()}
        # Everything the module server does is the module's; without a frame of it on the stack (a thread of code
        # compiled elsewhere) the action is the running test's.
        fields = {**fields, "inModule": True, "symbol": fields.get("symbol") or context.context}
        reporter.channel.send({**fields, "event": "blocked", "context": context.context})
    link.notes = relay
    module_file = os.path.join(config["workdir"], config["moduleFileName"])
    inner = module_proxy.server_config(config)
    try:
        # The module's prints are counted in this process (proxy_wire.OutputDrain) and dropped: a flood never reaches the host.
        outline = link.start(inner)
    except module_proxy.ProxyError as error:
        sys.meta_path.insert(0, FailedImport(config["moduleName"], ImportError(str(error))))
        return
    except Exception as error:  # noqa: BLE001 - the module's import error, rebuilt here
        sys.meta_path.insert(0, FailedImport(config["moduleName"], error))
        return
    link.install(config["moduleName"], module_file, outline, kept)


def run_in_process(file_name, reason, config, reporter, runner, seen):
    """Run one file next to the real module in a child; relay its results marked inProcess."""
    reporter.channel.send({"event": "in-process", "file": file_name, "reason": reason})
    module_file = os.path.join(config["workdir"], config["moduleFileName"])

    def child(channel):
        inner = Reporter(config, channel)
        # The real module is imported here (this child is untrusted anyway), from its folder.
        os.chdir(config["workdir"])
        sys.path.insert(1, config["workdir"])
        context = in_process_run.guard_for(channel, config, module_file)
        run_files([file_name], inner, context, runner, config["testsdir"])

    def relay(record):
        if record["event"] == "test":
            if record.get("id") in seen or record.get("outcome") not in in_process_run.OUTCOMES:
                return
            seen.add(record.get("id"))
            fields = {key: value for key, value in record.items() if key != "event"}
            reporter.result(**{**fields, "inProcess": True})
        else:
            reporter.channel.send({**record, "inProcess": True})
    in_process_run.run_file(file_name, config["moduleName"], child, relay)


def run(link, config, channel):
    """Run the tests through the proxy to the module server ``link`` forked by trusted_main; report on ``channel``."""
    testsdir = config["testsdir"]
    # The tests come from the runner's read-only folder, and work/ is never on this process's
    # import path: a statistics.py or a test file the module writes there is never read here.
    sys.path.insert(0, testsdir)
    os.chdir(testsdir)
    reporter = Reporter(config, channel, link)
    context = Context()
    wanted = config.get("runner", "auto")
    use_pytest = wanted == "pytest" or (wanted == "auto" and runner_choice.needs_pytest(testsdir, config["files"])
                                        and importlib.util.find_spec("pytest") is not None)
    runner = "pytest" if use_pytest else "unittest"
    fallback, kept = {}, set()
    for file_name in config["files"]:
        with open(os.path.join(testsdir, file_name), encoding="utf-8", errors="replace") as handle:
            source = handle.read()
        kept |= test_guards.kept_names(source, config["moduleName"])
        if config.get("isolation", "proxy") != "proxy":
            fallback[file_name] = "in-process runs were asked for (isolation: in-process)"
            continue
        reason = test_isolation.in_process_reason(source, config["moduleName"])
        if reason:
            fallback[file_name] = reason
    proxied = [name for name in config["files"] if name not in fallback]
    reporter.channel.send({"event": "start", "runner": runner, "python": sys.version.split()[0],
                           "isolation": {"proxied": proxied, "inProcess": sorted(fallback),
                                         "nonDumpable": link.non_dumpable}})
    started = time.perf_counter()
    seen = set()
    # Names only, before any module code runs; new Python or test-configuration names are reported after.
    folders = {folder: test_guards.folder_names(folder) for folder in (config["workdir"], config["tmpdir"])}
    try:
        if proxied:
            start_proxy(link, config, reporter, context, frozenset(kept))
            run_files(proxied, reporter, context, runner, testsdir)
        link.close()
        for file_name, reason in fallback.items():
            run_in_process(file_name, reason, config, reporter, runner, seen)
    except BaseException as error:  # noqa: BLE001 - e.g. sys.exit() in a test module
        reporter.channel.send({"event": "collect-error", "file": "",
                               "message": f"the test run stopped: {type(error).__name__}: {error}"[:800]})
    test_guards.report_planted(reporter.channel, folders, set(config["files"]))
    reporter.channel.send({"event": "done", "runner": runner, "ran": reporter.ran, "outputChars": link.output_chars(),
                           "seconds": round(time.perf_counter() - started, 4), "blocked": []})
    sys.stdout.flush()
    link.close()
    os._exit(0)

