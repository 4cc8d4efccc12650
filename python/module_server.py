"""The module server (stdlib only): the only process that imports the module under test.

Forked by backsmith's trusted test process before it reads its configuration, it keeps
nothing but its end of a socket pair, a pipe for stack dumps and one for blocked actions, installs the sandbox
guard, imports the module and answers requests (get an attribute, call, compare ...).
Plain values go back by copy, other objects by handle (see proxy_wire); objects of the
test side (a clock, a callback) arrive as ``ParentObject`` and are called back.
"""
import builtins
import copy
import enum
import faulthandler
import importlib.util
import inspect
import json
import logging
import operator
import os
import resource
import signal
import socket
import sys
import types

if __name__ == "__main__":  # started again as a fresh interpreter (see Server.clean_start)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hide_folder
import native_imports
import process_filter
import proxy_wire
import sandbox_guard
import server_exit

MAX_OBJECTS = 200_000
MAX_BATCH = 64


def _call(function, *args, **kwargs):
    return function(*args, **kwargs)


def _batch(iterator):
    items = []
    for _ in range(MAX_BATCH):
        try:
            items.append(next(iterator))
        except StopIteration:
            return [items, True]
    return [items, False]


APPLY = {
    "eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le, "gt": operator.gt,
    "ge": operator.ge, "hash": hash, "repr": repr, "str": str, "len": len, "bool": bool,
    "contains": operator.contains, "getitem": operator.getitem, "setitem": operator.setitem,
    "delitem": operator.delitem, "iter": iter, "next": next, "batch": _batch, "call": _call,
    "add": operator.add, "sub": operator.sub, "mul": operator.mul, "truediv": operator.truediv,
    "floordiv": operator.floordiv, "mod": operator.mod, "neg": operator.neg, "abs": abs,
    "int": int, "float": float, "index": operator.index, "format": format, "dir": dir,
    "copy": copy.copy, "deepcopy": copy.deepcopy,
    "enter": lambda target: target.__enter__(), "exit": lambda target, *args: target.__exit__(*args),
}


_OUTPUT = [None]


def _flush_output():
    try:
        _OUTPUT[0].flush()
    except Exception:  # noqa: BLE001 - the module may have closed or broken it: nothing left to count
        pass


class ParentObject:
    """An object of the test side; only calls and public attribute reads reach it."""

    __slots__ = ("_bs_server", "_bs_id")

    def __init__(self, server, ident):
        object.__setattr__(self, "_bs_server", server)
        object.__setattr__(self, "_bs_id", ident)

    def __call__(self, *args, **kwargs):
        return self._bs_server.callback(self._bs_id, "call", "", args, kwargs)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self._bs_server.callback(self._bs_id, "getattr", name, (), {})

    def __repr__(self):
        return "<an object of the test>"


def builtin_base(cls):
    """The nearest built-in class in ``cls``'s MRO (``object`` at worst)."""
    for base in cls.__mro__:
        if getattr(builtins, base.__name__, None) is base:
            return base.__name__
    return "object"


class Server:
    """Serves one module to the trusted parent over ``sock``."""

    def __init__(self, sock, report_fd, dump_fd=-1):
        self.sock = sock
        self.report_fd = report_fd
        self.dump_fd = dump_fd
        self.clean = False  # True once this process is the fresh interpreter that imports the module
        self.objects = {}
        self.ids = {}
        self.requests = 0
        self.module = None
        self.module_file = ""
        self.classes = {}
        self.doctests = {}  # the module's docstring tests by name (probe_doctests)
        self.codec = proxy_wire.Codec(self.other, self.special)

    # ---------------------------------------------------------------- encoding
    def ref(self, value):
        """A handle for ``value`` (the same handle for the same object)."""
        ident = self.ids.get(id(value))
        if ident is None:
            if len(self.objects) >= MAX_OBJECTS:
                raise proxy_wire.WireError(f"more than {MAX_OBJECTS} objects handed out")
            ident = len(self.objects) + 1
            self.objects[ident] = value
            self.ids[id(value)] = ident
        cls = next((base.__name__ for base in type(value).__mro__ if self.classes.get(base.__name__) is base), "")
        return ["ref", ident, cls, type(value).__name__[:100]]

    def other(self, value):
        """Encode what does not copy."""
        if isinstance(value, ParentObject):
            return ["cb", value._bs_id]
        if value is self.module:
            return ["module"]
        if isinstance(value, type):
            if self.classes.get(value.__name__) is value:
                return ["class", value.__name__]
            if getattr(builtins, value.__name__, None) is value:
                return ["builtin", value.__name__]
        elif isinstance(value, enum.Enum):
            cls = type(value)
            if self.classes.get(cls.__name__) is cls:
                return ["enum", cls.__name__, value.name]
            if cls.__module__ in sys.stdlib_module_names:
                return ["stdenum", cls.__module__, cls.__qualname__, value.name]
        elif isinstance(value, BaseException):
            return ["exc", self.describe(value)]
        elif isinstance(value, types.MethodType) and not isinstance(value.__self__, ParentObject):
            return ["method", self.codec._encode(value.__self__, proxy_wire.MAX_DEPTH - 1), value.__name__]
        return self.ref(value)

    def describe(self, error):
        """An exception as the parent rebuilds it: class, copied arguments, message, frames."""
        cls = type(error)
        args = [arg if type(arg) in proxy_wire.SCALARS else repr(arg)[:500] for arg in error.args[:20]]
        frames = sandbox_guard.module_frames(error.__traceback__, self.module_file)
        attrs = {key: value for key, value in list(vars(error).items())[:30]
                 if not key.startswith("_") and type(value) in proxy_wire.SCALARS} if hasattr(error, "__dict__") else {}
        return {"type": cls.__name__, "module": self.classes.get(cls.__name__) is cls,
                "builtin": builtin_base(cls), "args": args, "attrs": attrs,
                "message": str(error)[:2000] if not isinstance(error, SystemExit) else f"sys.exit({error.code!r}) was called",
                "frames": frames, "line": frames[-1]["line"] if frames else 0}

    def special(self, tag, rest, decode):
        """Decode what the parent sent that is not plain data."""
        if tag == "ref":
            return self.objects[proxy_wire.int_field(rest, 0)]
        if tag == "cb":
            return ParentObject(self, proxy_wire.int_field(rest, 0))
        if tag == "module":
            return self.module
        if tag == "class":
            return self.classes[proxy_wire.text_field(rest, 0)]
        if tag == "enum":
            return self.classes[proxy_wire.text_field(rest, 0)][proxy_wire.text_field(rest, 1)]
        if tag == "stdenum":
            owner = sys.modules[proxy_wire.text_field(rest, 0)]
            for part in proxy_wire.text_field(rest, 1).split("."):
                owner = getattr(owner, part)
            return owner[proxy_wire.text_field(rest, 2)]
        if tag == "builtin":
            return getattr(builtins, proxy_wire.text_field(rest, 0))
        if tag == "exc":
            described = rest[0] if rest and isinstance(rest[0], dict) else {}
            cls = self.classes.get(described.get("type")) or getattr(builtins, str(described.get("builtin")), RuntimeError)
            return cls(*[arg for arg in described.get("args", []) if type(arg) in proxy_wire.SCALARS])
        raise proxy_wire.WireError(f"an unknown tag {tag[:40]!r}")

    # ---------------------------------------------------------------- requests
    def send(self, message):
        """Send one frame."""
        proxy_wire.send_frame(self.sock, message)

    def callback(self, ident, kind, name, args, kwargs):
        """Call back into the test side and wait for the answer (serving nested requests)."""
        self.requests += 1
        number = -self.requests
        self.send({"op": "callback", "id": number, "target": ident, "kind": kind, "name": name,
                   "args": self.codec.encode(list(args)), "kwargs": self.codec.encode(dict(kwargs))})
        while True:
            message = proxy_wire.recv_frame(self.sock)
            if message.get("re") != number:
                self.handle(message)
                continue
            if "raised" in message:
                described = message["raised"] if isinstance(message["raised"], dict) else {}
                raise self.special("exc", [described], None)
            return self.codec.decode(message.get("value"))

    def clean_start(self, message):
        """Hide the tests (Landlock, through ctypes), then become a fresh interpreter that answers ``message`` (init).

        Nothing of the trusted process this one was forked from survives the exec (its memory, a restarted
        server's copy of the run's secret), nor ctypes, which hide_folder loaded: the module may not load native
        code that walks past the audit hook (sandbox_guard), and a ctypes already in memory would be found
        through gc without any import to refuse."""
        config = message.get("config") if isinstance(message.get("config"), dict) else {}
        if config.get("testsdir"):
            hide_folder.hide(config["testsdir"])
        if config.get("allowNativeCode") is not True:
            process_filter.install()  # process starts and signals no audit event sees end the process (reported)
        for fd in (self.sock.fileno(), self.dump_fd, self.report_fd):
            os.set_inheritable(fd, True)
        _flush_output()
        request = json.dumps({"id": message.get("id"), "config": config})
        os.execv(sys.executable, [sys.executable, "-I", "-B", "-X", "utf8", os.path.abspath(__file__),
                                  str(self.sock.fileno()), str(self.dump_fd), str(self.report_fd), request])

    def handle(self, message):
        """Answer one request."""
        number = message.get("id")
        if message.get("op") == "init" and not self.clean:
            self.clean_start(message)  # never returns: the fresh interpreter answers
        try:
            value = self.perform(message)
            reply = {"re": number, "value": self.codec.encode(value)}
        except proxy_wire.WireError:
            raise
        except BaseException as error:  # noqa: BLE001 - every error of the module goes back
            reply = {"re": number, "raised": self.describe(error)}
        _flush_output()  # the trusted side counts it as the reply arrives
        self.send(reply)
        if message.get("op") == "shutdown":
            server_exit.shut_down()

    def perform(self, message):
        """Run the requested operation."""
        op = message.get("op")
        if op == "init":
            return self.init(message.get("config") or {})
        target = self.codec.decode(message.get("target"))
        if op == "getattr":
            return getattr(target, str(message.get("name")))
        if op == "setattr":
            return setattr(target, str(message.get("name")), self.codec.decode(message.get("value")))
        if op == "delattr":
            return delattr(target, str(message.get("name")))
        if op in ("call", "callattr"):
            args = self.codec.decode(message.get("args"))
            kwargs = self.codec.decode(message.get("kwargs"))
            if not isinstance(args, list) or not isinstance(kwargs, dict):
                raise proxy_wire.WireError("malformed call arguments")
            function = getattr(target, str(message.get("name"))) if op == "callattr" else target
            result = function(*args, **kwargs)
            if message.get("await") is True and inspect.iscoroutine(result):
                import asyncio  # only for coroutine methods: it costs a few hundred ms to import
                result = asyncio.run(result)
            return result
        if op == "shutdown":
            return server_exit.lingering_threads(self.module_file)
        if op in ("plan-service", "plan-method", "doctest-names", "doctests", "stats"):
            return self.probe_request(op, target, message)
        if op == "apply":
            args = self.codec.decode(message.get("args"))
            return APPLY[str(message.get("name"))](target, *(args if isinstance(args, list) else []))
        raise proxy_wire.WireError(f"an unknown operation {str(op)[:40]!r}")

    def probe_request(self, op, target, message):
        """The contract probe's requests that need the module's real objects (see probe_doctests)."""
        import probe_doctests
        examples = message.get("examples") if isinstance(message.get("examples"), dict) else {}
        if op == "plan-service":
            return probe_doctests.plan_service(self.module, message.get("service") or {}, examples)
        if op == "plan-method":
            return probe_doctests.plan_method(self.module, target, str(message.get("name")), examples)
        if op == "doctest-names":
            return probe_doctests.doctest_names(self.module, set(message.get("skip") or []), self.doctests)
        if op == "doctests":
            probe_doctests.doctest_names(self.module, (), self.doctests)
            return probe_doctests.run_doctest(self.doctests, str(message.get("name")))
        return {}

    # ------------------------------------------------------------------ import
    def init(self, config):
        """Apply the limits and the guard, import the module, describe it."""
        sandbox_guard.apply_limits(config.get("limits", {}))
        workdir = config["workdir"]
        sys.path.insert(0, workdir)
        os.chdir(workdir)
        self.module_file = os.path.join(workdir, config["moduleFileName"])
        # The acceptance tests were made unreadable before the exec (clean_start): the kernel's wall where it
        # has one, the hook's besides. Blocked actions go straight to a channel only the trusted side reads
        # (blocked_report), never through this server.
        guard = sandbox_guard.AuditGuard(None, [workdir, config["tmpdir"]], self.module_file, [config.get("testsdir")], self.report_fd,
                                         refuse_native=config.get("allowNativeCode") is not True)
        guard.context = "<import>"
        if guard.native_refused:
            native_imports.close_fork_exec()
        guard.install()
        handler = proxy_wire.LogRelay(self.send)
        logging.getLogger().addHandler(handler)
        logging.getLogger().setLevel(logging.DEBUG)
        spec = importlib.util.spec_from_file_location(config["moduleName"], self.module_file)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        guard.context = "module call"
        self.module = module
        return self.outline(module)

    def outline(self, module):
        """The module's classes (bases first) and its plain-valued globals."""
        found = [value for name, value in vars(module).items()
                 if isinstance(value, type) and value.__module__ == module.__name__ and value.__name__ == name]
        found.sort(key=lambda cls: len(cls.__mro__))
        self.classes = {cls.__name__: cls for cls in found}
        classes = []
        for cls in found:
            entry = {"name": cls.__name__, "bases": [base.__name__ for base in cls.__bases__ if self.classes.get(base.__name__) is base],
                     "builtin": builtin_base(cls), "doc": (cls.__doc__ or "")[:4000]}
            if issubclass(cls, BaseException):
                entry["kind"] = "exception"
            elif isinstance(cls, enum.EnumMeta):
                entry["kind"] = "enum"
                entry["enumBase"] = next((base.__name__ for base in cls.__mro__ if base.__module__ == "enum"
                                          and base.__name__ in ("IntFlag", "Flag", "IntEnum", "StrEnum", "Enum")), "Enum")
                entry["members"] = [[name, self.codec.encode(member.value)] for name, member in cls.__members__.items()]
            else:
                entry["kind"] = "class"
                entry["methods"] = [name for name, value in vars(cls).items() if inspect.isfunction(value)][:500]
                params = getattr(cls, "__dataclass_params__", None)
                if params is not None and getattr(params, "eq", False):
                    # The parent compares two instances on copies of these fields (never the module's __eq__).
                    entry["fields"] = [field.name for field in sys.modules["dataclasses"].fields(cls) if field.compare][:200]
            classes.append(entry)
        values = {}
        for name, value in list(vars(module).items()):
            if name.startswith("__") or isinstance(value, (type, types.ModuleType)):
                continue
            values[name] = self.codec.encode(value)
        return {"classes": classes, "values": values, "doc": (module.__doc__ or "")[:8000]}


def serve(sock, dump_fd, report_fd, first=None):
    """The child's whole life: close every other descriptor, then answer until the parent goes; ``first``: the
    init request a fresh interpreter answers first (clean_start)."""
    keep = sorted({0, 1, 2, sock.fileno(), dump_fd, report_fd})
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    limit = 65536 if limit == resource.RLIM_INFINITY else min(limit, 1 << 20)
    for low, high in zip(keep, [*keep[1:], limit]):
        os.closerange(low + 1, high)
    faulthandler.register(signal.SIGUSR1, file=dump_fd, all_threads=True, chain=False)
    # Descriptors 1 and 2 are a pipe the trusted side drains and counts; fresh streams on it (a server
    # restarted mid-test would otherwise inherit pytest's in-memory capture).
    sys.stdout = sys.stderr = _OUTPUT[0] = open(1, "w", encoding="utf-8", errors="backslashreplace", buffering=1 << 16, closefd=False)
    server = Server(sock, report_fd, dump_fd)
    if first is None:
        _answer(server, sock, first)  # the forked server: its next request is init, which execs (clean_start)
    else:
        server_exit.off_main_thread(_answer, server, sock, first)
    os._exit(0)


def _answer(server, sock, first):
    """Answer requests until the parent goes away or sends garbage."""
    try:
        if first is not None:
            server.clean = True
            server.handle({**first, "op": "init"})
        while True:
            server.handle(proxy_wire.recv_frame(sock))
    except BaseException:  # noqa: BLE001 - the parent went away or sent garbage: stop
        pass


if __name__ == "__main__":
    serve(socket.socket(fileno=int(sys.argv[1])), int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4]))
