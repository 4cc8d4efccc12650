"""The trusted side of the module server (stdlib only): a proxy module in place of the real one.

``ModuleLink.fork()`` forks the module server (module_server.py) before anything else,
after making this process non-dumpable, so the module's code cannot open this process's
descriptors or memory through /proc. ``link.install(...)`` then puts a proxy module under
the deliverable's name in ``sys.modules``: classes are local stand-ins whose instances are
handles, exceptions and enums are local mirrors of the module's hierarchy, plain values
are copies. Assertions run here, never next to the module's code.
"""
import builtins
import enum
import logging
import os
import signal
import socket
import sys
import threading
import types

import blocked_report
import proxy_wire
import server_exit
import test_guards
from remote_objects import MirrorErrorMeta, ProxyError, ProxyMeta, RemoteMethod, RemoteObject, builtin_exception, builtin_name, rebuild_exception

# Frames of the proxy machinery are left out of test failure tracebacks (unittest, pytest).
__unittest = True
__tracebackhide__ = True

DUMP_BYTES = 64 * 1024
_TEST_MODULES = frozenset({"pytest", "_pytest", "unittest", "hypothesis", "mock", "pytest_mock", "freezegun"})
PARENT_DEPTH = 8
# What the module server is started with, the same keys for the probe and the tests: its command line holds them, and
# the module reads it (a key only one role sent told a probe from a test run).
SERVER_KEYS = ("workdir", "tmpdir", "testsdir", "moduleFileName", "moduleName", "limits", "allowNativeCode")


def server_config(config):
    """The part of the trusted side's ``config`` the module server gets (SERVER_KEYS)."""
    return {key: config.get(key) for key in SERVER_KEYS}


def make_non_dumpable():
    """prctl(PR_SET_DUMPABLE, 0): a same-uid process can no longer ptrace us or read /proc/<pid>/fd|mem."""
    try:
        import ctypes
        return ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


class ModuleLink:
    """The connection to one module server, restarted after a hang or a crash."""

    def __init__(self):
        self.lock = threading.RLock()
        self.sock = None
        self.pid = 0
        self.dump_fd = -1
        self.generation = 0
        self.requests = 0
        self.config = None
        self.mirrors = {}
        self.kinds = {}
        self.handles = {}
        self.locals = {}
        self.local_ids = {}
        self.module = None
        self.notes = lambda record: None
        self.abandoning = lambda: None
        self.last_hang = ""
        self.failures = 0
        self.last_failure = ""
        self.non_dumpable = False
        # Objects of the tests the module handed back (a decorator of the module returns a test's body), and the
        # assertion failures and skips the tests' code raised inside the module's calls (the module may swallow them).
        self.returned = set()
        self.raised_in_calls = 0
        self.last_raised = ""
        self.output = proxy_wire.OutputDrain()  # counted here: the module cannot reset it
        # Blocked actions, written by the server's audit hook on a pipe of their own (blocked_report).
        self.reports = blocked_report.BlockedReports()
        self.reports.notes = lambda record: self.notes(record)
        self.codec = proxy_wire.Codec(self.other, self.special)

    # -------------------------------------------------------------- lifecycle
    def fork(self):
        """Start a module server process (it waits for ``init``)."""
        self.non_dumpable = self.non_dumpable or make_non_dumpable()
        parent_sock, child_sock = socket.socketpair()
        read_fd, write_fd = os.pipe()
        output = self.output.pipe()
        report_fd = self.reports.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            parent_sock.close()
            os.close(read_fd)
            os.dup2(output, 1)
            os.dup2(output, 2)
            os.close(output)
            import module_server
            module_server.serve(child_sock, write_fd, report_fd)
        child_sock.close()
        os.close(write_fd)
        os.close(output)
        os.close(report_fd)
        self.sock, self.pid, self.dump_fd = parent_sock, pid, read_fd
        self.generation += 1
        self.handles = {}
        return self

    def start(self, config):
        """Send the configuration; returns the module outline or raises the import error."""
        self.config = config
        return self.request({"op": "init", "config": config})

    def abandon(self, dump):
        """Kill the server (after asking for its stack when ``dump``); keep the stack text."""
        if not self.pid:
            return ""
        text = ""
        if dump:
            self.abandoning()
            try:
                os.kill(self.pid, signal.SIGUSR1)
                text = server_exit.read_dump(self.dump_fd, DUMP_BYTES)
            except OSError:
                pass
        try:
            os.kill(self.pid, signal.SIGKILL)
            self.reports.exited(os.waitpid(self.pid, 0)[1])
        except (OSError, ChildProcessError):
            pass
        self.sock.close()
        os.close(self.dump_fd)
        self.output.close()
        self.reports.close()
        self.pid = 0
        return text

    def hang_location(self):
        """Where the module process was stuck at the last time limit, as a sentence ('' if unknown)."""
        if not self.config:
            return ""
        frames = proxy_wire.stuck_frames(self.last_hang, os.path.join(self.config["workdir"], self.config["moduleFileName"]))
        if not frames:
            return " (no stack of the module process could be read)" if self.last_hang else ""
        (function, line), rest = frames[0], frames[1:]
        called = "".join(f", called from {name} (line {number})" for name, number in rest[:3])
        return f"; the module was stuck in {function} at line {line}{called}"

    def close(self):
        """Stop the server."""
        self.abandon(dump=False)

    def wait(self, seconds):
        """Wait up to ``seconds`` while reading the server's output and blocked actions (a full pipe would stall it)."""
        self.reports.drain()
        self.output.wait(seconds)

    def output_chars(self):
        """Bytes the module wrote to stdout/stderr and characters it logged, over every server started."""
        self.output.drain()
        return self.output.total

    def wait_exit(self, seconds):
        """Whether the server ended by itself within ``seconds`` (then it is reaped and closed)."""
        ended = not self.pid or server_exit.wait_exit(self.pid, seconds, self.wait)
        if ended:
            self.close()  # reaped only now, so its pid was never reused meanwhile
        return ended

    def ensure(self):
        """A running server: restart one (same module, same mirrors) after a hang or crash."""
        if self.pid:
            return
        if self.config is None:
            raise ProxyError("the module process is not running")
        self.fork()
        self.request({"op": "init", "config": self.config})

    # --------------------------------------------------------------- requests
    def request(self, message):
        """Send a request and wait for its answer, serving callbacks and notes meanwhile."""
        with self.lock:
            if message.get("op") != "init":
                self.ensure()
            self.requests += 1
            number = self.requests
            try:
                proxy_wire.send_frame(self.sock, {**message, "id": number})
                while True:
                    reply = self.output.receive(self.sock, self.reports)
                    if reply.get("re") == number:
                        break
                    self.serve(reply)
            except proxy_wire.WireError as error:
                self.last_hang = ""
                self.failures += 1  # a test that catches the ProxyError must not pass (test_runner)
                self.last_failure = str(error)[:200]
                self.abandon(dump=False)
                raise ProxyError(f"the module process failed: {error}") from None
            except BaseException:
                # A time limit (or Ctrl-C) in the middle of a call: the stream is out of step.
                # The test timer repeats; hold it off while the stack is read and the server killed.
                previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                try:
                    self.last_hang = self.abandon(dump=True)
                finally:
                    signal.pthread_sigmask(signal.SIG_SETMASK, previous)
                raise
            self.output.drain()  # the server flushed its streams before replying
            if "raised" in reply:
                raise self.ended_iteration(self.rebuild_exception(reply["raised"]), message)
            return self.codec.decode(reply.get("value"))

    @staticmethod
    def ended_iteration(error, message):
        """``error``, unless it is a StopIteration from anything but next() on the module's iterator: called through
        map(), filter() or iter(callable, sentinel), it would end the tests' iteration silently (all() over nothing is
        True), so it becomes a RuntimeError, as Python makes one raised inside a generator (PEP 479)."""
        if not isinstance(error, (StopIteration, StopAsyncIteration)):
            return error
        if message.get("op") == "apply" and message.get("name") in ("next", "batch"):
            return error
        return RuntimeError(f"the module raised {type(error).__name__} from a call ({str(message.get('name') or message.get('op'))[:80]}), "
                            "which would end an iteration of the tests silently")

    def serve(self, message):
        """Answer a callback from the module into a test object, or relay a note."""
        op = message.get("op")
        if op == "log":
            if self.output.log(message.get("record")):
                proxy_wire.relay_log(message.get("record"))
            return
        if op == "note":
            record = message.get("record")
            if isinstance(record, dict):
                self.notes(record)
            return
        if op != "callback":
            raise proxy_wire.WireError("an unexpected message")
        number = message.get("id")
        try:
            target = self.locals[message.get("target")]
            name = str(message.get("name"))
            test_guards.check_callback(target, name if message.get("kind") == "getattr" else None)
            if message.get("kind") == "getattr":
                value = getattr(target, name)
            else:
                args, kwargs = self.codec.decode(message.get("args")), self.codec.decode(message.get("kwargs"))
                if not isinstance(args, list) or not isinstance(kwargs, dict) or not all(isinstance(key, str) for key in kwargs):
                    raise proxy_wire.WireError("malformed callback arguments")
                value = target(*args, **kwargs)
            reply = {"re": number, "value": self.codec.encode(value)}
        except proxy_wire.WireError:
            raise
        except BaseException as error:  # noqa: BLE001 - the test object's error goes back to the module
            if test_guards.test_outcome(error):
                self.raised_in_calls += 1  # judged by the test runner, whatever the module does with it
                self.last_raised = f"{type(error).__name__}: {error}"[:300]
            if not isinstance(error, Exception):
                raise
            reply = {"re": number, "raised": {"type": type(error).__name__, "builtin": builtin_name(type(error)),
                                              "args": [str(error)[:500]]}}
        proxy_wire.send_frame(self.sock, reply)

    def op(self, op, target, **fields):
        """One operation on a remote ``target`` (a handle, a class, the module)."""
        encoded = {key: self.codec.encode(value) if key in ("args", "kwargs", "value") else value
                   for key, value in fields.items()}
        return self.request({"op": op, "target": self.codec.encode(target), **encoded})

    # --------------------------------------------------------------- encoding
    def other(self, value):
        """Encode what does not copy: handles, mirrors, or a test object the module may call."""
        if isinstance(value, (RemoteObject, RemoteMethod)):
            return value._bs_encode(self)
        if value is self.module:
            return ["module"]
        if isinstance(value, type):
            if self.mirrors.get(value.__name__) is value:
                return ["class", value.__name__]
            if getattr(builtins, value.__name__, None) is value:
                return ["builtin", value.__name__]
        elif isinstance(value, enum.Enum):
            cls = type(value)
            if self.mirrors.get(cls.__name__) is cls:
                return ["enum", cls.__name__, value.name]
            if cls.__module__ in sys.stdlib_module_names:
                return ["stdenum", cls.__module__, cls.__qualname__, value.name]
        elif isinstance(value, BaseException):
            return ["exc", {"type": type(value).__name__, "builtin": builtin_name(type(value)),
                            "args": [arg if type(arg) in proxy_wire.SCALARS else repr(arg) for arg in value.args]}]
        if isinstance(value, types.ModuleType):
            raise ProxyError(f"a module ({value.__name__}) cannot be handed to the module under test through the proxy")
        ident = self.local_ids.get(id(value))
        if ident is None:
            ident = len(self.locals) + 1
            self.locals[ident] = value
            self.local_ids[id(value)] = ident
        return ["cb", ident]

    def special(self, tag, rest, decode):
        """Decode what the module sent that is not plain data; never runs its code."""
        if tag == "ref":
            key = (self.generation, proxy_wire.int_field(rest, 0))
            handle = self.handles.get(key)
            if handle is None:
                cls = self.mirrors.get(proxy_wire.text_field(rest, 1, 100))
                cls = cls if isinstance(cls, ProxyMeta) else RemoteObject
                handle = object.__new__(cls)
                handle._bs_bind(self, key, proxy_wire.text_field(rest, 2, 100))
                self.handles[key] = handle
            return handle
        if tag == "method":
            return RemoteMethod(self, decode(rest[0]) if rest else None, proxy_wire.text_field(rest, 1, 200))
        if tag == "class":
            return self.mirrors[proxy_wire.text_field(rest, 0)]
        if tag == "enum":
            return self.mirrors[proxy_wire.text_field(rest, 0)][proxy_wire.text_field(rest, 1)]
        if tag == "stdenum":
            owner = sys.modules[proxy_wire.text_field(rest, 0)]
            for part in proxy_wire.text_field(rest, 1).split("."):
                owner = owner.__dict__[part]
            if not isinstance(owner, enum.EnumMeta):
                raise proxy_wire.WireError("not an enum")
            return owner[proxy_wire.text_field(rest, 2)]
        if tag == "builtin":
            value = builtins.__dict__[proxy_wire.text_field(rest, 0)]
            if not isinstance(value, type):
                raise proxy_wire.WireError("not a built-in class")
            return value
        if tag == "exc":
            return self.rebuild_exception(rest[0] if rest else None)
        if tag == "cb":
            value = self.locals[proxy_wire.int_field(rest, 0)]
            self.returned.add(id(value))  # kept alive in self.locals, so the id stays its own
            return value
        if tag == "module":
            return self.module
        raise proxy_wire.WireError(f"an unknown tag {tag[:40]!r}")

    def rebuild_exception(self, described):
        """A local exception for one the module raised: its mirror class, or the built-in one."""
        return rebuild_exception(self.mirrors, described)

    # ---------------------------------------------------------------- mirrors
    def install(self, name, module_file, outline, kept=frozenset()):
        """Put the proxy module under ``name`` in sys.modules, with mirrors of the module's classes;
        ``kept``: names the tests took from their frameworks, never rebound by `from module import *`."""
        # The module's relayed log records are counted (proxy_wire.OutputDrain); logging's last resort must not print them again.
        logging.getLogger().addHandler(logging.NullHandler())
        module = types.ModuleType(name, outline.get("doc") or None)
        module.__file__ = module_file
        module.__getattr__ = lambda attribute: self.op("getattr", ["module"], name=attribute)
        self.module = module
        for entry in outline.get("classes", [])[:2000]:
            cls = self.mirror(name, entry)
            if cls is not None:
                self.mirrors[cls.__name__] = cls
                setattr(module, cls.__name__, cls)
        for key, encoded in list(outline.get("values", {}).items())[:10_000]:
            if isinstance(key, str) and key.isidentifier() and not key.startswith("__"):
                setattr(module, key, self.codec.decode(encoded))
        # `from module import *` must not rebind the test's own imports (a class named pytest
        # whose raises() swallows everything): names of modules and builtins are left out.
        module.__all__ = [key for key in vars(module) if not key.startswith("_") and key not in sys.modules
                          and key not in sys.stdlib_module_names and key not in _TEST_MODULES and key not in builtins.__dict__
                          and key not in test_guards.SPECIAL_NAMES and key not in kept]
        sys.modules[name] = module
        return module

    def mirror(self, module_name, entry):
        """A local class standing for one of the module's classes."""
        name = str(entry.get("name"))
        if not name.isidentifier():
            return None
        bases = tuple(self.mirrors[base] for base in entry.get("bases", []) if base in self.mirrors)
        namespace = {"__module__": module_name, "__doc__": str(entry.get("doc") or "") or None}
        kind = entry.get("kind")
        if kind == "exception":
            bases = bases or (builtin_exception(str(entry.get("builtin"))) or Exception,)
            namespace["__str__"] = lambda error: getattr(error, "_bs_message", None) or BaseException.__str__(error)
            return MirrorErrorMeta(name, bases, {**namespace, "_bs_name": name, "_bs_link": self})
        if kind == "enum":
            base = getattr(enum, str(entry.get("enumBase")), enum.Enum)
            base = base if isinstance(base, enum.EnumMeta) else enum.Enum
            members = [(str(member), self.codec.decode(value)) for member, value in entry.get("members", [])[:5000]]
            mixin = {"str": str, "int": int, "float": float}.get(str(entry.get("builtin")))
            if mixin is not None and base is enum.Enum:
                return enum.Enum(name, members, module=module_name, type=mixin)
            return base(name, members, module=module_name)
        if any(not isinstance(base, ProxyMeta) for base in bases):
            bases = ()
        methods = frozenset(str(method) for method in entry.get("methods", []) if isinstance(method, str))
        for base in bases:
            methods |= base._bs_methods
        fields = entry.get("fields")
        fields = tuple(field for field in fields[:200] if isinstance(field, str) and field.isidentifier()) \
            if isinstance(fields, list) else None
        fields = fields or None  # no field to compare would make every two instances equal: identity then
        return ProxyMeta(name, bases or (RemoteObject,), {**namespace, "_bs_name": name, "_bs_link": self,
                                                          "_bs_methods": methods, "_bs_fields": fields})

