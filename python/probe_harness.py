"""backsmith's runtime probe (stdlib only), run inside the sandbox against one module.

Imports the module, runs its docstring examples, then calls every public method of its
service classes with valid arguments and with bad inputs, each call under a time limit.
Reports JSON lines on fd 3 (see sandbox_guard.Channel): import, doctest failures, hangs,
escaping exceptions, malformed responses and blocked network/process/file actions.

Usage: python -I -B probe_harness.py CONFIG.json
"""
import asyncio
import doctest
import importlib.util
import inspect
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import probe_values  # noqa: E402
import response_shape  # noqa: E402
import sandbox_guard  # noqa: E402


class ProbeTimeout(KeyboardInterrupt):
    """Raised into a call that runs past its limit; a KeyboardInterrupt so handlers that
    catch Exception (and doctest's runner) let it through."""


class Probe:
    """One probe run: state shared by the phases."""

    def __init__(self, config):
        self.config = config
        self.channel = sandbox_guard.Channel()
        self.module_file = os.path.join(config["workdir"], config["moduleFileName"])
        self.guard = sandbox_guard.AuditGuard(
            self.channel, [config["workdir"], config["tmpdir"]], self.module_file)
        self.timer = sandbox_guard.CallTimer(ProbeTimeout)
        self.skip = set(config.get("skip", []))
        self.stdout = sandbox_guard.CappedStream()
        self.module = None

    def send(self, event, **fields):
        """Send one record."""
        self.channel.send({"event": event, **fields})

    def running(self, symbol, stage):
        """Tell backsmith what runs now, so a kill can be attributed."""
        self.guard.context = symbol
        self.send("running", symbol=symbol, stage=stage)

    # ------------------------------------------------------------------ import
    def import_module(self):
        """Import the module under its real name; report failures and slowness."""
        self.running("<import>", "import")
        spec = importlib.util.spec_from_file_location(self.config["moduleName"], self.module_file)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        _, raised, elapsed, timed_out = self.timer.run(
            self.config.get("importSeconds", 10), spec.loader.exec_module, module)
        record = {"ok": raised is None, "seconds": round(elapsed, 4),
                  "stdoutChars": self.stdout.written, "timedOut": timed_out}
        if raised is not None:
            record["error"] = sandbox_guard.describe_exception(raised, self.module_file)
        self.send("import", **record)
        self.module = module if raised is None else None

    # ----------------------------------------------------------------- doctests
    def run_doctests(self):
        """Run the module's docstring examples; report failures with their line."""
        finder = doctest.DocTestFinder(exclude_empty=True)
        try:
            tests = finder.find(self.module, self.module.__name__)
        except Exception as error:  # noqa: BLE001 - a broken docstring is reported, not fatal
            self.send("doctest-error", message=f"{type(error).__name__}: {error}"[:300])
            return
        attempted = failed = 0
        for test in sorted(tests, key=lambda item: item.lineno or 0):
            if not test.examples or f"doctest:{test.name}" in self.skip:
                continue
            self.running(f"doctest:{test.name}", "doctest")
            runner = RecordingRunner(test, self)
            _, raised, elapsed, timed_out = self.timer.run(
                self.config.get("doctestSeconds", 5), runner.run, test, out=lambda text: None,
                clear_globs=True)
            attempted += len(test.examples)
            failed += len(runner.recorded)
            if timed_out:
                self.send("hang", symbol=self.doctest_symbol(test.name), stage="doctest",
                          seconds=round(elapsed, 3), line=runner.current_line())
            elif raised is not None and not isinstance(raised, ProbeTimeout):
                self.send("doctest-error", message=f"{type(raised).__name__}: {raised}"[:300])
            for failure in runner.recorded:
                self.send("doctest-failure", name=test.name, **failure)
        self.send("doctests", attempted=attempted, failed=failed)

    def doctest_symbol(self, name):
        """``Class.method`` for a doctest name, ``<module>`` for the module docstring."""
        prefix = self.module.__name__ + "."
        return name[len(prefix):] if name.startswith(prefix) else "<module>"

    # ------------------------------------------------------------------ probing
    def probe_services(self):
        """Call each public method of each service class with valid and bad inputs."""
        for service in self.config.get("services", []):
            cls = getattr(self.module, service["name"], None)
            if not isinstance(cls, type):
                self.send("service-missing", symbol=service["name"])
                continue
            instance = self.make_instance(cls)
            if instance is None:
                continue
            for name in service["methods"]:
                symbol = f"{cls.__name__}.{name}"
                if symbol in self.skip:
                    continue
                instance = self.probe_method(cls, instance, name, symbol)

    def make_instance(self, cls):
        """An instance built from docstring examples, defaults or derived values."""
        symbol = f"{cls.__name__}.__init__"
        self.running(symbol, "construct")
        extra = self.config.get("examples", {}).get(symbol, [])
        docs = [inspect.getdoc(cls), self.module.__doc__]
        for arguments in probe_values.valid_argument_sets(cls, cls.__name__, extra, docs):
            value, raised, elapsed, timed_out = self.timer.run(
                self.config.get("callSeconds", 1.0), cls, **arguments)
            if raised is None and not timed_out:
                return value
        self.report_raise(symbol, "construct", arguments, raised, elapsed, timed_out)
        return None

    def call(self, method, arguments, symbol, stage):
        """Call ``method`` under the time limit; await coroutines."""
        self.guard.context = symbol
        self.send("running", symbol=symbol, stage=stage,
                  arguments=probe_values.describe_arguments(arguments))

        def invoke():
            result = method(**arguments)
            if inspect.iscoroutine(result):
                result = asyncio.run(result)
            return result
        return self.timer.run(self.config.get("callSeconds", 1.0), invoke)

    def probe_method(self, cls, instance, name, symbol):
        """Probe one method; returns the instance to keep using (fresh after a hang)."""
        method = getattr(instance, name, None)
        if not callable(method) or inspect.isgeneratorfunction(method):
            return instance
        extra = self.config.get("examples", {}).get(symbol, [])
        docs = [inspect.getdoc(cls), self.module.__doc__]
        valid_sets = probe_values.valid_argument_sets(method, name, extra, docs)
        allow_frame = self.config.get("allowDataFrame", False)
        calls = 0
        for arguments in valid_sets:
            calls += 1
            result, raised, elapsed, timed_out = self.call(method, arguments, symbol, "valid")
            if raised is not None or timed_out:
                self.report_raise(symbol, "valid", arguments, raised, elapsed, timed_out)
                if timed_out:
                    return self.make_instance(cls) or instance
                continue
            self.report_shape(symbol, "valid", arguments, result, allow_frame)
        base = valid_sets[0]
        for parameter, label, value, required in probe_values.bad_inputs(method):
            arguments = {**base, parameter: value}
            calls += 1
            result, raised, elapsed, timed_out = self.call(method, arguments, symbol, "bad")
            if raised is not None or timed_out:
                self.report_raise(symbol, "bad", arguments, raised, elapsed, timed_out, label, parameter)
                if timed_out:
                    return self.make_instance(cls) or instance
                continue
            if required or label not in ("None", "blank string"):
                self.report_shape(symbol, "bad", arguments, result, allow_frame, label, parameter)
            else:
                self.report_shape(symbol, "bad-optional", arguments, result, allow_frame, label, parameter)
        self.send("probed", symbol=symbol, calls=calls)
        return instance

    def report_raise(self, symbol, stage, arguments, raised, elapsed, timed_out, label=None, parameter=None):
        """Report a hang or an escaping exception."""
        described = probe_values.describe_arguments(arguments)
        if timed_out:
            frames = sandbox_guard.module_frames(raised.__traceback__, self.module_file) if raised else []
            self.send("hang", symbol=symbol, stage=stage, seconds=round(elapsed, 3),
                      arguments=described, line=frames[-1]["line"] if frames else 0)
            return
        self.send("escape", symbol=symbol, stage=stage, arguments=described, input=label,
                  parameter=parameter, error=sandbox_guard.describe_exception(raised, self.module_file))

    def report_shape(self, symbol, stage, arguments, result, allow_frame, label=None, parameter=None):
        """Report a malformed response, or success for an input that must fail."""
        problems = response_shape.response_problems(result, allow_frame)
        described = probe_values.describe_arguments(arguments)
        if problems:
            self.send("shape", symbol=symbol, stage=stage, arguments=described, input=label,
                      parameter=parameter, problems=problems)
        elif stage == "bad" and label in ("None", "blank string") and result.get("success") is True:
            self.send("accepted", symbol=symbol, arguments=described, input=label, parameter=parameter)


class RecordingRunner(doctest.DocTestRunner):
    """A doctest runner that records failures instead of printing them."""

    def __init__(self, test, probe):
        super().__init__(verbose=False)
        self.test = test
        self.probe = probe
        self.recorded = []
        self.example = None

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


def main():
    """Run every phase and report."""
    with open(sys.argv[1], encoding="utf-8") as handle:
        config = json.load(handle)
    sandbox_guard.apply_limits(config.get("limits", {}))
    sys.path.append(config["workdir"])
    probe = Probe(config)
    probe.guard.install()
    sys.stdout = sys.stderr = probe.stdout
    started = time.perf_counter()
    probe.send("start", python=sys.version.split()[0])
    probe.import_module()
    if probe.module is not None:
        if config.get("doctests", True):
            probe.run_doctests()
        probe.probe_services()
    probe.send("done", seconds=round(time.perf_counter() - started, 4),
               stdoutChars=probe.stdout.written, blocked=probe.guard.summary())
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
