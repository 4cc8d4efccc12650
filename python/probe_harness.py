"""backsmith's runtime probe (stdlib only), run inside the sandbox against one module.

This process is trusted: it never imports the module. It forks the module server
(module_proxy) before reading its configuration; the server imports the module, runs its
docstring examples and works out argument sets from its signatures, and this process makes
every call through the proxy under a time limit and decides: escaping exceptions (rebuilt
here), malformed responses (checked on copies), hangs (with the server's stack, then a fresh
server). Reports JSON lines on fd 3; the module's process has no way to write there.

Started by trusted_main.py (role "probe").
"""
import os
import sys
import time

# lib/ is on the import path already (trusted_main), once: the runner's path holds nothing the module can write.

import module_proxy  # noqa: E402
import probe_values  # noqa: E402
import proxy_wire  # noqa: E402
import response_shape  # noqa: E402
import sandbox_guard  # noqa: E402


class ProbeTimeout(KeyboardInterrupt):
    """Raised into a call that runs past its limit; a KeyboardInterrupt so nothing swallows it."""


ERROR_FIELDS = ("type", "message", "line")
# How long the module's process may take to end once asked, as a Gradio app ending would wait for it.
SHUTDOWN_SECONDS = 2.0


def clean_error(described):
    """The module's description of an exception, bounded (it comes from the module's process)."""
    described = described if isinstance(described, dict) else {}
    frames = described.get("frames") if isinstance(described.get("frames"), list) else []
    return {"type": str(described.get("type", "Error"))[:100], "message": str(described.get("message", ""))[:500],
            "line": described.get("line") if type(described.get("line")) is int else 0,
            "frames": [{"line": frame.get("line") if type(frame.get("line")) is int else 0,
                        "function": str(frame.get("function", ""))[:100], "text": str(frame.get("text", ""))[:200]}
                       for frame in frames[-5:] if isinstance(frame, dict)]}


class Probe:
    """One probe run: the link to the module's process, the channel and the timer."""

    def __init__(self, config, link, channel):
        self.config = config
        self.link = link
        self.channel = channel
        self.module_file = os.path.join(config["workdir"], config["moduleFileName"])
        self.timer = sandbox_guard.CallTimer(ProbeTimeout)
        self.skip = set(config.get("skip", []))
        self.examples = config.get("examples", {})
        self.context = "<import>"
        self.ok = False
        self.stdout_chars = 0
        link.notes = self.relay_note
        # The module's stack is read before it is killed (up to 2 s): the host must not take that silence for a hang of ours.
        link.abandoning = lambda: self.send("stuck", symbol=self.context)

    def relay_note(self, record):
        """A note from the module's process: progress through its docstring examples, or a blocked action."""
        if record.get("event") == "running":
            self.running(str(record.get("symbol", ""))[:200], "doctest")
            return
        fields = {key: (value[:300] if isinstance(value, str) else value) for key, value in record.items()
                  if key in ("kind", "auditEvent", "detail", "symbol", "line", "inModule", "function")
                  and isinstance(value, (str, int, bool))}
        # No frame of the module on the stack (a thread of code compiled elsewhere): what the probe was running.
        self.send("blocked", **{**fields, "symbol": fields.get("symbol") or self.context}, context=self.context)

    def send(self, event, **fields):
        """Send one record."""
        self.channel.send({"event": event, **fields})

    def running(self, symbol, stage, **fields):
        """Tell backsmith what runs now, so a kill can be attributed."""
        self.context = symbol
        self.send("running", symbol=symbol, stage=stage, **fields)

    def timed(self, limit, function, *args, **kwargs):
        """(value, error, elapsed, timed_out, where) of one request under the time limit."""
        value, raised, elapsed, timed_out = self.timer.run(limit, function, *args, **kwargs)
        where = proxy_wire.stuck_frames(self.link.last_hang, self.module_file) if timed_out else []
        return value, raised, elapsed, timed_out, where

    # ------------------------------------------------------------------ import
    def import_module(self):
        """Start the module's process; report the import like the module imported here."""
        self.running("<import>", "import")
        inner = module_proxy.server_config(self.config)
        outline, raised, elapsed, timed_out, where = self.timed(
            self.config.get("importSeconds", 10), self.link.start, inner)
        record = {"ok": raised is None and not timed_out, "seconds": round(elapsed, 4), "timedOut": timed_out,
                  "stdoutChars": self.link.output_chars()}
        if timed_out:
            record["error"] = {"type": "Timeout", "message": f"importing took longer than {self.config.get('importSeconds', 10)} s",
                               "frames": [], "line": where[-1][1] if where else 0}
        elif raised is not None:
            record["error"] = clean_error(getattr(raised, "_bs_described", None) or {"type": type(raised).__name__, "message": str(raised)})
        self.send("import", **record)
        if record["ok"]:
            self.link.install(self.config["moduleName"], self.module_file, outline)
            self.ok = True

    # ----------------------------------------------------------------- doctests
    def run_doctests(self):
        """The module's process runs its docstring examples, one docstring at a time, each timed here: no alarm runs in
        the module's process (it fired into the audit hook, a false `hook` report); a docstring that runs past its
        limit gets its process killed (its stack read first) and a fresh one for the next. Relay what it found."""
        self.running("doctest:<module>", "doctest")
        names, raised, _, timed_out, _ = self.timed(self.config.get("callSeconds", 1.0) * 4 + self.config.get("doctestSeconds", 5),
                                                    self.link.op, "doctest-names", ["module"], skip=sorted(self.skip))
        if raised is not None or timed_out or not isinstance(names, list):
            self.send("doctest-error", message=f"the docstring examples did not run: {type(raised).__name__}: {raised}"[:300])
            return
        seconds = self.config.get("doctestSeconds", 5)
        prefix = self.config["moduleName"] + "."
        attempted = failed = 0
        allowed = {"doctest-failure", "doctest-error"}
        for entry in names[:500]:
            if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], str) and type(entry[1]) is int
                    and type(entry[2]) is int):
                continue
            name, line = entry[0][:300], entry[1]
            self.running(f"doctest:{name}", "doctest")
            records, raised, elapsed, timed_out, where = self.timed(seconds, self.link.op, "doctests", ["module"], name=name)
            if timed_out:
                attempted += min(max(entry[2], 0), 10_000)
                symbol = name[len(prefix):] if name.startswith(prefix) else "<module>"
                self.send("hang", symbol=symbol, stage="doctest", seconds=round(elapsed, 3), line=where[0][1] if where else line,
                          stuck=" <- ".join(f"{function} (line {number})" for function, number in where[:4]))
                _, raised, _, timed_out, _ = self.timed(self.config.get("importSeconds", 10), self.link.ensure)
                if raised is not None or timed_out:
                    self.send("doctest-error", message="the module's process could not be started again after a docstring example hung")
                    break
                continue
            if raised is not None or not isinstance(records, list):
                self.send("doctest-error", message=f"the docstring examples of {name} did not run: {type(raised).__name__}: {raised}"[:300])
                continue
            for record in records[:500]:
                if not isinstance(record, dict):
                    continue
                if record.get("event") == "doctests":
                    # Counts from the module's process: plain, bounded ints only.
                    attempted += min(max(record.get("attempted"), 0), 10_000) if type(record.get("attempted")) is int else 0
                    failed += min(max(record.get("failed"), 0), 10_000) if type(record.get("failed")) is int else 0
                elif record.get("event") in allowed:
                    self.channel.send({key: (value[:300] if isinstance(value, str) else value) for key, value in record.items()
                                       if type(value) in (str, int, float, bool)})
        self.send("doctests", attempted=attempted, failed=failed)

    # ------------------------------------------------------------------ probing
    def probe_services(self):
        """Call each public method of each service class with valid and bad inputs."""
        for service in self.config.get("services", []):
            plan, raised, *_ = self.timed(self.config.get("callSeconds", 1.0) * 4, self.link.op, "plan-service", ["module"],
                                          service={"name": service["name"]}, examples=self.examples)
            if raised is not None or not isinstance(plan, dict) or plan.get("missing") is not False:
                self.send("service-missing", symbol=service["name"])
                continue
            cls = self.link.mirrors.get(service["name"])
            if cls is None:  # the module's outline left it out: as missing (runtime/not-run on the host)
                self.send("service-missing", symbol=service["name"])
                continue
            instance = self.make_instance(cls, service["name"], plan.get("construct"), service.get("construct"))
            if instance is None:
                continue
            for name in service["methods"]:
                symbol = f"{service['name']}.{name}"
                if symbol not in self.skip:
                    required = service.get("required") if isinstance(service.get("required"), dict) else {}
                    instance = self.probe_method(cls, service["name"], instance, name, symbol, required.get(name))

    def make_instance(self, cls, class_name, argument_sets, required=None):
        """An instance built in the module's process from the first argument set that works; ``required``: the
        constructor's required parameters as the host read them (a set built from their plain annotations is tried
        too: the module's plan could hold only constructions that fail)."""
        symbol = f"{class_name}.__init__"
        self.running(symbol, "construct")
        arguments, outcome, first = {}, (None, None, 0.0, False, []), None
        planned = [entry for entry in (argument_sets if isinstance(argument_sets, list) else [])[:8] if isinstance(entry, dict)]
        # The plan comes from the module's process: no arguments is always tried too, so a module
        # cannot dodge the probe by planning constructor calls that fail.
        static = probe_values.static_arguments(required)
        planned += [entry for entry in (static, {}) if entry is not None and entry not in planned]
        for arguments in planned:
            if cls is None:
                break
            outcome = self.timed(self.config.get("callSeconds", 1.0), cls, **arguments)
            if outcome[1] is None and not outcome[3]:
                return outcome[0]
            first = first or (arguments, outcome)
        if first is not None:
            arguments, outcome = first
        self.report_raise(symbol, "construct", arguments, *outcome[1:])
        return None

    def call(self, instance, name, arguments, symbol, stage):
        """Call ``instance.name(**arguments)`` in the module's process under the time limit."""
        self.running(symbol, stage, arguments=probe_values.describe_arguments(arguments))
        return self.timed(self.config.get("callSeconds", 1.0), self.link.op, "callattr", instance,
                          name=name, args=[], kwargs=arguments, **{"await": True})

    def probe_method(self, cls, class_name, instance, name, symbol, required=None):
        """Probe one method; returns the instance to keep using (fresh after a hang or crash). ``required``: its required
        parameters as the host read them, each called with None and a blank string whatever the module planned."""
        plan, raised, *_ = self.timed(self.config.get("callSeconds", 1.0) * 4, self.link.op, "plan-method", instance,
                                      name=name, examples=self.examples)
        if raised is not None or not isinstance(plan, dict) or plan.get("skip") is not False:
            return instance
        valid_sets = [entry for entry in plan.get("valid", []) if isinstance(entry, dict)][:8] or [{}]
        bad = [entry for entry in plan.get("bad", []) if isinstance(entry, list) and len(entry) == 4][:200]
        planned = {(str(entry[0]), str(entry[1])) for entry in bad}
        bad += [list(entry) for entry in probe_values.required_floor(required) if (entry[0], entry[1]) not in planned]
        allow_frame = self.config.get("allowDataFrame", False)
        calls = 0
        for arguments in valid_sets:
            calls += 1
            result, raised, elapsed, timed_out, where = self.call(instance, name, arguments, symbol, "valid")
            if raised is not None or timed_out:
                self.report_raise(symbol, "valid", arguments, raised, elapsed, timed_out, where)
                if timed_out or isinstance(raised, module_proxy.ProxyError):
                    return self.fresh(cls, class_name) or instance
                continue
            self.report_shape(symbol, "valid", arguments, result, allow_frame)
        for parameter, label, value, required in bad:
            arguments = {**valid_sets[0], str(parameter): value}
            calls += 1
            result, raised, elapsed, timed_out, where = self.call(instance, name, arguments, symbol, "bad")
            if raised is not None or timed_out:
                self.report_raise(symbol, "bad", arguments, raised, elapsed, timed_out, where, label, parameter)
                if timed_out or isinstance(raised, module_proxy.ProxyError):
                    instance = self.fresh(cls, class_name)
                    if instance is None:
                        break
                continue
            stage = "bad" if required or label not in ("None", "blank string") else "bad-optional"
            self.report_shape(symbol, stage, arguments, result, allow_frame, label, parameter)
        self.send("probed", symbol=symbol, calls=calls)
        return instance

    def fresh(self, cls, class_name):
        """A new instance after the module's process was restarted."""
        # Starting the fresh process (a fork and the module's import) has the import's limit, not a call's: on a
        # loaded machine, or with a heavy import, the restart ran out of time and the methods after a hang went unprobed.
        _, raised, _, timed_out, _ = self.timed(self.config.get("importSeconds", 10), self.link.ensure)
        if raised is not None or timed_out:
            return None
        plan, raised, *_ = self.timed(self.config.get("callSeconds", 1.0) * 4, self.link.op, "plan-service", ["module"],
                                      service={"name": class_name}, examples=self.examples)
        construct = next((service.get("construct") for service in self.config.get("services", []) if service.get("name") == class_name), None)
        return self.make_instance(cls, class_name, plan.get("construct"), construct) if raised is None and isinstance(plan, dict) else None

    def report_raise(self, symbol, stage, arguments, raised, elapsed, timed_out, where, label=None, parameter=None):
        """Report a hang (with where the module was stuck) or an escaping exception."""
        described = probe_values.describe_arguments(arguments)
        if timed_out:
            self.send("hang", symbol=symbol, stage=stage, seconds=round(elapsed, 3), arguments=described,
                      line=where[0][1] if where else 0,
                      stuck=" <- ".join(f"{function} (line {line})" for function, line in where[:4]))
            return
        if isinstance(raised, module_proxy.ProxyError):
            error = {"type": "ProcessDied", "message": f"the module's process died during the call: {raised}"[:500], "frames": [], "line": 0}
        else:
            error = clean_error(getattr(raised, "_bs_described", None) or {"type": type(raised).__name__, "message": str(raised)})
        self.send("escape", symbol=symbol, stage=stage, arguments=described, input=label, parameter=parameter, error=error)

    def report_shape(self, symbol, stage, arguments, result, allow_frame, label=None, parameter=None):
        """Report a malformed response, or success for an input that must fail (checked here, on a copy)."""
        problems = response_shape.response_problems(result, allow_frame)
        described = probe_values.describe_arguments(arguments)
        if problems:
            self.send("shape", symbol=symbol, stage=stage, arguments=described, input=label,
                      parameter=parameter, problems=problems)
        elif stage == "bad" and label in ("None", "blank string") and result.get("success") is True:
            self.send("accepted", symbol=symbol, arguments=described, input=label, parameter=parameter)

    def check_shutdown(self):
        """End the module's process as a program ends (non-daemon threads joined, atexit run); report if it stays alive."""
        self.context = "<shutdown>"
        threads, _, _, timed_out, _ = self.timed(self.config.get("callSeconds", 1.0) * 2, self.link.op, "shutdown", ["module"])
        # A module that stalls the question (a patched threading.enumerate) has not ended either.
        if not timed_out and self.link.wait_exit(SHUTDOWN_SECONDS):
            return
        threads = [{"name": str(entry.get("name", ""))[:100], "line": entry.get("line") if type(entry.get("line")) is int else 0,
                    "function": str(entry.get("function", ""))[:100]}
                   for entry in (threads if isinstance(threads, list) else [])[:8] if isinstance(entry, dict)]
        self.send("shutdown", ok=False, seconds=SHUTDOWN_SECONDS, threads=threads)


def run(link, config, channel):
    """Run every phase against the module server ``link`` forked by trusted_main, and report on ``channel``."""
    probe = Probe(config, link, channel)
    started = time.perf_counter()
    probe.send("start", python=sys.version.split()[0], nonDumpable=link.non_dumpable)
    probe.import_module()
    if probe.ok:
        if config.get("doctests", True):
            probe.run_doctests()
        probe.probe_services()
        probe.check_shutdown()
    link.close()  # the module's process ends here: its last blocked actions are read before the run is done
    probe.send("done", seconds=round(time.perf_counter() - started, 4), stdoutChars=link.output_chars(), blocked=[])
    sys.stdout.flush()
    os._exit(0)
