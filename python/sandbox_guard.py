"""Protections shared by backsmith's sandboxed helpers (stdlib only).

Runs inside the sandbox before any code under test: sets resource limits, installs an
audit hook that blocks and reports network access, process creation and writes outside
the allowed folders, and sends results to backsmith as JSON lines on file descriptor 3,
apart from whatever the code under test prints.
"""
import json
import os
import resource
import signal
import stat
import sys
import types

import blocked_report
import guard_values
import native_imports

MAX_BLOCKED_RECORDS = 50
LIMITS = {
    "cpuSeconds": resource.RLIMIT_CPU,
    "addressSpaceBytes": resource.RLIMIT_AS,
    "fileSizeBytes": resource.RLIMIT_FSIZE,
    "processes": resource.RLIMIT_NPROC,
    "openFiles": resource.RLIMIT_NOFILE,
}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
NETWORK_EVENTS = {
    "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.getnameinfo",
}
PROCESS_EVENTS = {
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
    "os.fork", "os.forkpty", "pty.spawn", "os.killpg", "os.startfile",
}
# Tracing and profiling: a trace function would run inside the audit hook (see _judge).
TRACE_EVENTS = {"sys.settrace", "sys.setprofile", "sys._settraceallthreads", "sys._setprofileallthreads",
                "sys.monitoring.register_callback"}
# Filesystem events: positions of each path they change and of its dir_fd (None: no dir_fd).
PATH_EVENTS = {
    "os.remove": ((0, 1),), "os.rmdir": ((0, 1),), "os.mkdir": ((0, 2),), "os.chmod": ((0, 2),),
    "os.chown": ((0, 3),), "os.utime": ((0, 3),), "os.truncate": ((0, None),),
    "os.rename": ((0, 2), (1, 3)), "os.link": ((0, 2), (1, 3)), "os.symlink": ((1, 2),),
    "shutil.rmtree": ((0, 1),), "os.setxattr": ((0, None),), "os.removexattr": ((0, None),),
    "sqlite3.connect": ((0, None),),
}
# Files that Python or a test runner would load as code or configuration if they appeared in a
# folder it reads: written by the module even in its own folder, they are blocked and reported
# (the trusted runner never reads work/, but such a write is an attempt all the same).
PLANTED_SUFFIXES = (".py", ".pyc", ".pyw", ".pth", ".so")
PLANTED_NAMES = frozenset({"pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml", "conftest.py", "__pycache__"})


def apply_limits(limits):
    """Lower this process's resource limits; children inherit them."""
    for name, which in LIMITS.items():
        value = limits.get(name)
        if value is None:
            continue
        hard = value + 2 if which == resource.RLIMIT_CPU else value
        try:
            resource.setrlimit(which, (value, hard))
        except (ValueError, OSError):
            pass  # already lower than asked: keep the stricter limit
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Past the file-size limit, writes must fail with an error instead of killing us (the module server's thread may
    # not set it: its main thread did, server_exit.off_main_thread).
    if signal.getsignal(signal.SIGXFSZ) != signal.SIG_IGN:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


# The record protocol (format, secret) lives in result_channel, the call timer in call_timer; re-exported for the helpers.
from call_timer import CallTimer  # noqa: E402,F401
from result_channel import Channel  # noqa: E402,F401


# The policy below reads nothing but its arguments: the C functions and the folders it needs are
# captured in tuples when the guard is installed, and the installed hook is a bound method over
# such a tuple. Code under test can reach these functions (sys.modules, frames, gc) but cannot
# change what they do: there is no flag to flip, module globals and builtins are never looked up
# (a test checks the bytecode), and replacing their __code__ is itself an audited, blocked event.

def _real_path(path, tools):
    """``path`` (absolute) with every symlink resolved, /proc/self/fd/N included."""
    lstat, readlink, is_link, _, os_error = tools[:5]
    pending = [part for part in path.split("/") if part][::-1]
    resolved = ""
    links = 0
    while pending:
        part = pending.pop()
        if part == "." or part == "..":
            resolved = resolved[: resolved.rfind("/")] if part == ".." else resolved
            continue
        candidate = resolved + "/" + part
        try:
            link = is_link(lstat(candidate).st_mode)
        except (os_error, tools[37]):  # ValueError: a NUL in the name (the action fails the same way)
            link = False
        if link and links < 40:
            links += 1
            target = readlink(candidate)
            resolved = "" if target.startswith("/") else resolved
            pending.extend([piece for piece in target.split("/") if piece][::-1])
        else:
            resolved = candidate
    return resolved or "/"


def _outside(value, dir_fd, any_dir_fd, roots, tools):
    """The resolved path when ``value`` (path, bytes, PathLike or descriptor) lies outside ``roots``."""
    (lstat, readlink, _, is_dir, os_error, type_error, fspath, getcwd, _, listdir,
     str_, int_, bytes_, real_path) = tools[:14]
    instance, plain = tools[28], tools[29]
    if value is None:
        return None
    if instance(value, int_, tools):
        text = "/proc/self/fd/" + str_(int_(value))
    else:
        try:
            text = plain(fspath(value), tools)
        except (type_error, os_error):
            return None
    if text == "/dev/null":
        return None
    if text.startswith("/"):
        candidates = [text]
    else:
        candidates = [("/proc/self/fd/" + str_(dir_fd) if dir_fd is not None and dir_fd >= 0 else getcwd()) + "/" + text]
        if any_dir_fd:
            # open() does not pass its dir_fd to the hook: try every open folder descriptor.
            for entry in listdir("/proc/self/fd"):
                try:
                    if is_dir(lstat(readlink("/proc/self/fd/" + entry)).st_mode):
                        candidates.append("/proc/self/fd/" + entry + "/" + text)
                except os_error:
                    pass
    for candidate in candidates:
        full = real_path(candidate, tools)
        inside = False
        for root in roots:
            inside = inside or full == root or full.startswith(root + "/")
        if not inside:
            return full
    return None


def _planted(value, dir_fd, tools):
    """The path when ``value`` (a path, not a descriptor) names a file Python or pytest could load, else None."""
    fspath, getcwd, str_, int_, real_path, type_error, os_error = (
        tools[6], tools[7], tools[10], tools[11], tools[13], tools[5], tools[4])
    suffixes, names, instance, plain = tools[18], tools[19], tools[28], tools[29]
    if value is None or instance(value, int_, tools):
        return None
    try:
        text = plain(fspath(value), tools)
    except (type_error, os_error):
        return None
    if not text.startswith("/"):
        text = ("/proc/self/fd/" + str_(dir_fd) if dir_fd is not None and dir_fd >= 0 else getcwd()) + "/" + text
    # The name written and the name it resolves to (a symlink data.json -> statistics.py).
    for candidate in (text, real_path(text, tools)):
        name = candidate[candidate.rfind("/") + 1:]
        if name in names or name.endswith(suffixes):
            return candidate
    return None


def _within(value, hidden, tools):
    """The resolved path when ``value`` (a path, not a descriptor) lies in a hidden root, else None."""
    roots, safe = hidden
    fspath, getcwd, int_, real_path, instance, plain = tools[6], tools[7], tools[11], tools[13], tools[28], tools[29]
    if instance(value, int_, tools) or not roots:
        return None
    try:
        text = plain(fspath(getcwd() if value is None else value), tools)
    except (tools[5], tools[4]):
        return None
    if "/.." not in text and text.startswith(safe):
        return None  # read-only system and interpreter folders: no link the module made can be on the way
    full = real_path(text if text.startswith("/") else getcwd() + "/" + text, tools)
    for root in roots:
        if full == root or full.startswith(root + "/"):
            return full
    return None


def _judge(policy, event, args):
    """(kind, detail) for a forbidden event, else None."""
    watched, network, process, paths, write_flags, roots, pid, protected, tools, hidden = policy
    if event not in watched:
        return None
    if event == "import":
        return tools[25](args, tools)
    if event == "sqlite3.enable_load_extension" or event == "sqlite3.load_extension":
        # SQLite maps the file and runs its code (SQL's load_extension() too, once enabled): native code unaudited.
        enabled = event == "sqlite3.load_extension" or (tools[15](args) > 1 and args[1] is not False and args[1] != 0)
        return ("native", event + ": SQLite would load native code") if enabled else None
    if event in ("os.listdir", "os.scandir"):
        full = tools[20](args[0] if tools[15](args) else None, hidden, tools)
        return ("peek", event + " " + full) if full else None
    outside, length, text, instance, plain, str_ = tools[14], tools[15], tools[30], tools[28], tools[29], tools[10]
    if event in tools[36]:
        # A trace or profile function would run inside this hook (its __cantrace__ is the module's to set): it could
        # raise into it, or jump over the verdict and let the action through.
        return "hook", event + ": a trace or profile function would run inside the sandbox's audit hook"
    if event in network:
        address = args[1] if event in ("socket.connect", "socket.bind", "socket.sendto") and length(args) > 1 else args[:2]
        return "network", event + " " + text(address, tools)
    if event in process:
        return "process", event + " " + text(args[:2], tools)
    if event == "os.kill" or event == "resource.prlimit":
        # prlimit on another process: the trusted runner shares the uid, and its limits are no business of the module.
        target = args[0] if args else pid
        name = "os.kill" if event == "os.kill" else "resource.prlimit"
        own = target == pid or (target == 0 and event == "resource.prlimit")  # os.kill(0, …) signals the whole group
        return None if own else ("process", name + "(pid=" + text(target, tools) + ")")
    if event == "object.__setattr__":
        for item in protected:
            if args[0] is item and args[1] in ("__code__", "__defaults__", "__kwdefaults__"):
                return "process", "object.__setattr__: replacing " + plain(args[1], tools) + " of the sandbox guard"
        return None
    if event == "open":
        if instance(args[0], tools[11], tools):
            return None  # wrapping a descriptor already open creates nothing
        mode, flags = plain(args[1], tools) or "", args[2] or 0
        writes = "w" in mode or "a" in mode or "x" in mode or "+" in mode or flags & write_flags
        full = outside(args[0], None, True, roots, tools) if writes else None
        if full:
            return "filesystem", "open " + text(full, tools) + " for writing"
        planted = tools[17](args[0], None, tools) if writes else None
        if planted:
            return "planted", "open " + text(planted, tools) + " for writing"
        # The acceptance tests are the runner's: a module reading them could answer what they expect.
        full = tools[20](args[0], hidden, tools)
        return ("peek", "open " + text(full, tools)) if full else None
    name = plain(args[0], tools) if event == "sqlite3.connect" and length(args) > 0 else None
    if name is not None and name.startswith("file:"):
        # A URI (with uri=True): file:name, file:/path or file://host/path, then ?options.
        name = name[5:].split("?")[0].split("#")[0]
        args = (name[name.find("/", 2):] if name.startswith("//") else name,)
    positions = ()
    for name_of_event, found in paths:
        if name_of_event == event:
            positions = found
    for path_at, dir_fd_at in positions:
        dir_fd = args[dir_fd_at] if dir_fd_at is not None and length(args) > dir_fd_at else None
        full = outside(args[path_at], dir_fd, False, roots, tools) if length(args) > path_at else None
        if full:
            return "filesystem", event + " " + text(full, tools)
        # The new name of a rename, link or symlink (position 1; every other event's path is at 0).
        planted = tools[17](args[path_at], dir_fd, tools) if path_at == 1 and length(args) > path_at else None
        if planted:
            return "planted", event + " " + text(planted, tools)
    return None


def _hook(state, event, args):
    """The installed audit hook: judge, report, raise PermissionError (ImportError for an import).

    Fail closed: whatever is raised into it once it runs (a signal handler of the module, a path's ``__fspath__``, the
    recursion or memory limit) is itself a verdict, reported as kind ``hook``; and when even that cannot be written,
    the process ends (blocked_report.REPORT_LOST_STATUS), which the trusted side reports. What reaches it before its
    first instruction aborts the event before anything was judged, so nothing was done or learned."""
    (judge, policy, report, permission_error, base_exception, writer, write, import_error, exit_, status,
     interrupted) = state
    try:
        try:
            verdict = judge(policy, event, args)
        except base_exception:  # noqa: BLE001 - the module raised into the hook: refuse and report that
            verdict = interrupted
        if verdict is None:
            return
        refused = import_error if event == "import" else permission_error
        kind = "native-package" if verdict[0] == "quiet" else verdict[0]
        if writer is not None:
            # Straight to the trusted side's channel, or the process ends (blocked_report): nothing to patch or swallow.
            write(writer, event, kind, verdict[1])
        else:
            try:
                report(event, kind, verdict[1])
            except base_exception:  # noqa: BLE001 - an in-process child's report is best effort (such runs are errors anyway)
                pass
        message = ("backsmith sandbox: native code is not available (" + verdict[1] + ")" if verdict[0] == "quiet"
                   else "backsmith sandbox: " + verdict[0] + " access is blocked (" + event + ")")
    except base_exception:  # noqa: BLE001 - raised into the hook between its verdict and its report: end the process
        exit_(status)
    raise refused(message)


# The verdict when the module raised into the hook while it judged (see _hook).
INTERRUPTED = ("hook", "an exception was raised into the hook while it judged the action (a signal handler, a path's "
                       "__fspath__, the recursion or memory limit): refused")
POLICY_FUNCTIONS = (_real_path, _outside, _planted, _within, *guard_values.VALUE_FUNCTIONS, _judge, _hook, native_imports.judge_import,
                    *blocked_report.WRITER_FUNCTIONS)


class AuditGuard:
    """Audit hook that blocks and reports network, process and outside-folder writes."""

    def __init__(self, channel, allowed_roots, module_file, hidden_roots=(), report_fd=None, refuse_native=True):
        self.channel = channel
        # A module server's guard writes to a pipe only the trusted side reads (blocked_report), not to ``channel``.
        self.writer = blocked_report.writer_for(report_fd, module_file) if report_fd is not None else None
        # Only a module server is a fresh interpreter without ctypes in memory (module_server.clean_start): refusing
        # the import elsewhere (an in-process child, where ctypes may be loaded already) would be for show.
        self.native_refused = report_fd is not None and refuse_native
        self.roots = tuple(os.path.realpath(root) for root in allowed_roots)
        # Folders the code may not even read (the acceptance tests), and read-only ones it cannot link from.
        safe = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, "/usr", os.path.dirname(__file__)}
        self.hidden = (tuple(os.path.realpath(root) for root in hidden_roots if root),
                       tuple(os.path.realpath(folder).rstrip("/") + "/" for folder in safe if os.path.realpath(folder) != "/"))
        self.module_file = os.path.normcase(os.path.abspath(module_file))
        self.context = "<import>"
        self.sent = 0
        self.counts = {}

    def policy(self):
        """The immutable policy tuple ``_judge`` reads (also used by tests)."""
        tools = (os.lstat, os.readlink, stat.S_ISLNK, stat.S_ISDIR, OSError, TypeError, os.fspath, os.getcwd,
                 isinstance, os.listdir, str, int, bytes, _real_path, _outside, len, repr, _planted,
                 PLANTED_SUFFIXES, PLANTED_NAMES, _within, native_imports.NATIVE_MODULES, native_imports.NATIVE_FILES,
                 sys._getframe, os.path.dirname(os.path.abspath(__file__)) + "/", native_imports.judge_import,
                 type, issubclass, guard_values.instance, guard_values.plain, guard_values.text, "".join, b"".join, frozenset({str, bytes, int, bool, float, type(None)}),
                 tuple, list, frozenset(TRACE_EVENTS), ValueError, self.hidden[1])
        watched = frozenset(NETWORK_EVENTS | PROCESS_EVENTS | PATH_EVENTS.keys()
                            | TRACE_EVENTS | {"os.kill", "resource.prlimit", "sqlite3.enable_load_extension",
                                              "sqlite3.load_extension", "open", "object.__setattr__", "os.listdir", "os.scandir"}
                            | ({"import"} if self.native_refused else set()))
        # Pairs in a tuple, not a dict behind a MappingProxyType: gc.get_referents(proxy) hands out the dict itself,
        # and a module emptied an event's positions so that its writes outside were allowed unreported.
        return (watched, frozenset(NETWORK_EVENTS), frozenset(PROCESS_EVENTS), tuple(PATH_EVENTS.items()),
                WRITE_FLAGS, self.roots, os.getpid(), POLICY_FUNCTIONS, tools, self.hidden)

    def install(self):
        """Install the hook (it can never be removed)."""
        state = (_judge, self.policy(), self.report, PermissionError, BaseException, self.writer, blocked_report.write_report,
                 ModuleNotFoundError, os._exit, blocked_report.REPORT_LOST_STATUS, INTERRUPTED)
        sys.addaudithook(types.MethodType(_hook, state))

    def classify(self, event, args):
        """Return (kind, detail) for a forbidden event, or None."""
        return _judge(self.policy(), event, args)

    def locate(self):
        """Who triggered the event: (entry, line, found, innermost).

        ``entry`` is the outermost function of the module on the stack (the method the
        caller invoked), ``innermost`` the module function that made the call, ``line``
        where it made it; without a module frame, the running context.
        """
        frame = sys._getframe(3)
        found = []
        while frame is not None:
            code = frame.f_code
            if os.path.normcase(os.path.abspath(code.co_filename)) == self.module_file:
                name = getattr(code, "co_qualname", code.co_name)
                found.append(("<import>" if name == "<module>" else name, frame.f_lineno))
            frame = frame.f_back
        if not found:
            return self.context, 0, False, None
        return found[-1][0], found[0][1], True, found[0][0]

    def report(self, event, kind, detail):
        """Count a blocked event and send its first occurrence per place (reporting only)."""
        symbol, line, in_module, innermost = self.locate()
        key = (kind, symbol, event)
        self.counts[key] = self.counts.get(key, 0) + 1
        if self.counts[key] == 1 and self.sent < MAX_BLOCKED_RECORDS:
            self.sent += 1
            self.channel.send({"event": "blocked", "kind": kind, "auditEvent": event,
                               "detail": detail[:300], "symbol": symbol, "line": line,
                               "inModule": in_module, "function": innermost,
                               "context": self.context})

    def summary(self):
        """Counts of blocked attempts, for the final record."""
        return [{"kind": kind, "symbol": symbol, "auditEvent": event, "count": count}
                for (kind, symbol, event), count in self.counts.items()]


def module_frames(traceback_object, module_file, limit=5):
    """The traceback frames that lie in the module under test, innermost last."""
    import traceback
    wanted = os.path.normcase(os.path.abspath(module_file))
    frames = []
    for frame in traceback.extract_tb(traceback_object):
        if os.path.normcase(os.path.abspath(frame.filename)) == wanted:
            frames.append({"line": frame.lineno, "function": frame.name,
                           "text": (frame.line or "")[:200]})
    return frames[-limit:]
