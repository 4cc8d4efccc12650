"""Protections shared by backsmith's sandboxed helpers (stdlib only).

Runs inside the sandbox before any code under test: sets resource limits, installs an
audit hook that blocks and reports network access, process creation and writes outside
the allowed folders, and sends results to backsmith as JSON lines on file descriptor 3,
apart from whatever the code under test prints.
"""
import io
import json
import os
import resource
import signal
import sys
import time

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
# Filesystem events and the positions of the paths they change.
PATH_EVENTS = {
    "os.remove": (0,), "os.rename": (0, 1), "os.mkdir": (0,), "os.rmdir": (0,),
    "os.chmod": (0,), "os.chown": (0,), "os.symlink": (1,), "os.link": (1,),
    "os.truncate": (0,), "os.utime": (0,), "shutil.rmtree": (0,),
}


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
    # Past the file-size limit, writes must fail with an error instead of killing us.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


# The record protocol (format, secret) lives in result_channel; re-exported for the helpers.
from result_channel import Channel  # noqa: E402,F401


class CappedStream(io.TextIOBase):
    """A text stream that keeps the first characters written and counts the rest."""

    def __init__(self, keep=4096):
        super().__init__()
        self.keep = keep
        self.kept = []
        self.size = 0
        self.written = 0

    def write(self, text):
        """Count ``text`` and keep it while under the cap."""
        text = str(text)
        self.written += len(text)
        if self.size < self.keep:
            part = text[: self.keep - self.size]
            self.kept.append(part)
            self.size += len(part)
        return len(text)

    def writable(self):
        """Always writable."""
        return True

    @property
    def encoding(self):
        """Text encoding reported to callers."""
        return "utf-8"

    def text(self):
        """What was kept."""
        return "".join(self.kept)


def _path_text(value):
    if isinstance(value, int) or value is None:
        return None
    try:
        return os.fsdecode(os.fspath(value))
    except TypeError:
        return None


class AuditGuard:
    """Audit hook that blocks and reports network, process and outside-folder writes."""

    def __init__(self, channel, allowed_roots, module_file):
        self.channel = channel
        self.roots = [os.path.realpath(root) for root in allowed_roots]
        self.module_file = os.path.normcase(os.path.abspath(module_file))
        self.context = "<import>"
        self.sent = 0
        self.counts = {}
        self._busy = False
        self._pid = os.getpid()

    def install(self):
        """Install the hook (it can never be removed)."""
        sys.addaudithook(self.hook)

    def _outside(self, value):
        path = _path_text(value)
        if path is None or path == os.devnull:
            return None
        full = os.path.realpath(os.path.join(os.getcwd(), path))
        if any(full == root or full.startswith(root + os.sep) for root in self.roots):
            return None
        return full

    def classify(self, event, args):
        """Return (kind, detail) for a forbidden event, or None."""
        if event in NETWORK_EVENTS:
            address = args[1] if event in ("socket.connect", "socket.bind", "socket.sendto") and len(args) > 1 else args[:2]
            return "network", f"{event} {address!r}"
        if event in PROCESS_EVENTS:
            return "process", f"{event} {args[:2]!r}" if args else event
        if event == "os.kill" and args and args[0] not in (self._pid, os.getpid()):
            return "process", f"os.kill(pid={args[0]}, signal={args[1] if len(args) > 1 else '?'})"
        if event == "open" and len(args) >= 3:
            mode, flags = args[1], args[2] or 0
            writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or flags & WRITE_FLAGS
            outside = self._outside(args[0]) if writes else None
            if outside:
                return "filesystem", f"open {outside!r} for writing"
        positions = PATH_EVENTS.get(event)
        if positions:
            for position in positions:
                outside = self._outside(args[position]) if len(args) > position else None
                if outside:
                    return "filesystem", f"{event} {outside!r}"
        return None

    def locate(self):
        """Who triggered the event: (entry, line, found, innermost).

        ``entry`` is the outermost function of the module on the stack (the method the
        caller invoked), ``innermost`` the module function that made the call, ``line``
        where it made it; without a module frame, the running context.
        """
        frame = sys._getframe(2)
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

    def hook(self, event, args):
        """The audit hook: raise PermissionError for forbidden events."""
        if self._busy:
            return
        self._busy = True
        try:
            verdict = self.classify(event, args)
            if verdict is None:
                return
            kind, detail = verdict
            symbol, line, in_module, innermost = self.locate()
            key = (kind, symbol, event)
            self.counts[key] = self.counts.get(key, 0) + 1
            if self.counts[key] == 1 and self.sent < MAX_BLOCKED_RECORDS:
                self.sent += 1
                self.channel.send({"event": "blocked", "kind": kind, "auditEvent": event,
                                   "detail": detail[:300], "symbol": symbol, "line": line,
                                   "inModule": in_module, "function": innermost,
                                   "context": self.context})
        finally:
            self._busy = False
        raise PermissionError(f"backsmith sandbox: {kind} access is blocked ({event})")

    def summary(self):
        """Counts of blocked attempts, for the final record."""
        return [{"kind": kind, "symbol": symbol, "auditEvent": event, "count": count}
                for (kind, symbol, event), count in self.counts.items()]


class CallTimer:
    """Interrupts a call that runs past its limit by raising ``error`` from SIGALRM."""

    TICK = 0.05

    def __init__(self, error):
        self.error = error
        self.active = False
        signal.signal(signal.SIGALRM, self._alarm)

    def _alarm(self, signum, frame):
        if self.active:
            raise self.error("time limit exceeded")

    def run(self, seconds, function, *args, **kwargs):
        """Run ``function``; return (value, exception, elapsed, timed_out)."""
        started = time.perf_counter()
        value, raised = None, None
        self.active = True
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds, self.TICK)
            value = function(*args, **kwargs)
        except BaseException as error:  # noqa: BLE001 - the caller classifies it
            raised = error
        finally:
            self.active = False
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
        elapsed = time.perf_counter() - started
        timed_out = isinstance(raised, self.error) or elapsed > seconds
        return value, raised, elapsed, timed_out


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


def describe_exception(error, module_file):
    """Type, message, frames in the module and the innermost line there."""
    frames = module_frames(error.__traceback__, module_file)
    message = str(error)
    if isinstance(error, SystemExit):
        message = f"sys.exit({error.code!r}) was called"
    return {"type": type(error).__name__, "message": message[:500], "frames": frames,
            "line": frames[-1]["line"] if frames else 0}
