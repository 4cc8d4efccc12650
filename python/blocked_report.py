"""Blocked actions reported where the module cannot reach them (stdlib only).

The module server's audit hook writes each action it blocks as one line on a channel of its own
(a Unix socket pair: proxy_wire.one_way_channel), whose read end only the trusted process holds (the probe or the test runner), before the action
fails. The line is written with C functions captured when the guard was installed (no module
global, no builtin, no counter or channel object the module could patch), so patching the
server's Python code changes nothing; a module that closes or replaces the channel's descriptor, or
makes the write fail, ends its own process at once with REPORT_LOST_STATUS, which the trusted side
reports; anything on the channel that is not such a line was written by the module and is reported
too. The trusted side counts, removes duplicates and attributes (BlockedReports).
"""
import os
import select
import signal
import sys

import proxy_wire

# The exit status of a module process whose hook could not write the report of a blocked action.
REPORT_LOST_STATUS = 87
# Hex doubles them: a line stays under 4 KiB, one write of one buffer on a Unix stream socket, never split by a thread's.
FIELD_BYTES = (24, 120, 600, 300, 200, 12)
MAX_LINE = 8192
MAX_SENT = 200
MAX_PACKAGE_NOTES = 20


def _locate(getframe, module_file, join, getattr_):
    """(entry, line, innermost) of the module's frames on the stack; ('', 0, '') without one."""
    frame = getframe(0)
    entry, line, innermost = "", 0, ""
    steps = 0
    while frame is not None and steps < 1000:
        steps += 1
        code = frame.f_code
        if code.co_filename == module_file:
            name = join((getattr_(code, "co_qualname", code.co_name),))
            entry = "<import>" if name == "<module>" else name
            if not innermost:
                innermost, line = entry, frame.f_lineno or 0
        frame = frame.f_back
    return entry, line, innermost


def write_report(writer, event, kind, detail):
    """Write one blocked action to the trusted side's channel; end this process when that cannot be done."""
    fd, identity, tools = writer
    (fstat, write, set_blocking, exit_, join, getframe, module_file, locate, status, base_exception,
     blocking_error, getattr_) = tools
    try:
        entry, line, innermost = locate(getframe, module_file, join, getattr_)
        values = (kind, event, detail, entry, innermost, "%d" % line)
        sizes = (24, 120, 600, 300, 200, 12)
        parts = []
        index = 0
        while index < 6:
            parts.append(join((values[index],)).encode("utf-8", "backslashreplace")[:sizes[index]].hex())
            index += 1
        # A line of its own even after a partial line the module wrote: that one is reported, this one still read.
        data = ("\nB " + " ".join(parts) + "\n").encode("ascii")
        tries = 0
        while tries < 1000:
            tries += 1
            found = fstat(fd)
            if (found.st_dev, found.st_ino) != identity:
                exit_(status)  # the descriptor is no longer the trusted side's channel
            try:
                written = write(fd, data)
                found = fstat(fd)
                if written == data.__len__() and (found.st_dev, found.st_ino) == identity:
                    return  # checked again after: a thread that swapped the descriptor in and out meanwhile ends it too
                exit_(status)  # a line this short is written whole or not at all
            except blocking_error:
                set_blocking(fd, True)  # the module made it non-blocking: wait for room instead
        exit_(status)
    except base_exception:  # noqa: BLE001 - whatever went wrong, the report is lost: end the process
        exit_(status)


def writer_for(fd, module_file):
    """What write_report needs, captured now: the channel's identity and the C functions it calls."""
    found = os.fstat(fd)
    tools = (os.fstat, os.write, os.set_blocking, os._exit, "".join, sys._getframe, module_file, _locate,
             REPORT_LOST_STATUS, BaseException, BlockingIOError, getattr)
    return (fd, (found.st_dev, found.st_ino), tools)


WRITER_FUNCTIONS = (_locate, write_report)


def _field(text, index):
    try:
        return bytes.fromhex(text).decode("utf-8", "replace")[:FIELD_BYTES[index]]
    except ValueError:
        return None


def parse_line(line):
    """The record of one line from the channel, or None when the line is not one the hook writes."""
    parts = line.split(b" ")
    if len(parts) != 7 or parts[0] != b"B":
        return None
    try:
        texts = [part.decode("ascii") for part in parts[1:]]
    except UnicodeDecodeError:
        return None
    values = [_field(text, index) for index, text in enumerate(texts)]
    if any(value is None for value in values) or not values[5].isdigit():
        return None
    kind, event, detail, symbol, function, line_number = values
    return {"event": "blocked", "kind": kind, "auditEvent": event, "detail": detail[:300], "symbol": symbol,
            "function": function or None, "line": int(line_number), "inModule": True}


def lost_report(detail):
    """A record for a report the module kept from the trusted side (kind ``report``)."""
    return {"event": "blocked", "kind": "report", "auditEvent": "report", "detail": detail[:300], "symbol": "",
            "function": None, "line": 0, "inModule": True}


class BlockedReports:
    """The trusted side of the channel: reads, checks, removes duplicates and hands records to ``notes``."""

    def __init__(self):
        self.fd = -1
        self.pending = b""
        self.seen = set()
        self.sent = 0
        self.package_notes = 0
        self.count = 0
        self.notes = lambda record: None

    def pipe(self):
        """A fresh channel for a new server (a socket pair: see proxy_wire.one_way_channel): keeps its read end,
        returns the write end for the child."""
        self.close()
        self.fd, write_fd = proxy_wire.one_way_channel(1 << 20)
        return write_fd

    def drain(self, reads=64):
        """Read what the channel holds now (at most ``reads`` chunks), without waiting."""
        for _ in range(reads):
            if self.fd < 0:
                return
            try:
                chunk = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                return
            except OSError:
                chunk = b""
            if not chunk:
                self.finish()
                return
            self.pending += chunk
            *lines, self.pending = self.pending.split(b"\n")
            for line in lines:
                if line:
                    self.accept(parse_line(line), line)
            if len(self.pending) > MAX_LINE:
                self.accept(None, self.pending)
                self.pending = b""

    def accept(self, record, line, once=True):
        """Relay one record (or the report of a line the hook did not write); ``once``: the first of its kind only."""
        self.count += 1
        if record is None:
            record = lost_report(f"the module wrote to the sandbox's report channel: {line[:80]!r}")
        # As the check reports them: once per kind, entry point and event (without an entry point, per detail too).
        key = (record["kind"], record["symbol"], record["auditEvent"], "" if record["symbol"] else record["detail"])
        if once and key in self.seen:
            return
        if record["kind"] == "native-package":
            # Warnings have a share of their own: 250 forged package notes had used up the errors' share, and the
            # module's read of the tests after them went unreported.
            if self.package_notes >= MAX_PACKAGE_NOTES:
                return
            self.package_notes += 1
        elif self.sent >= MAX_SENT:
            return
        else:
            self.sent += 1
        self.seen.add(key)
        self.notes(record)

    def exited(self, status):
        """The server was reaped with wait ``status``: a lost report when it ended with REPORT_LOST_STATUS, a process
        started or reached past the audit hook when the kernel's filter killed it (SIGSYS)."""
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == REPORT_LOST_STATUS:
            self.accept(lost_report("the module's process ended while the sandbox reported a blocked action: "
                                    "the report channel was closed, replaced or made to fail"), b"", once=False)
        elif os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGSYS:
            # process_filter: a system call no audit event announces (a fresh copy of fork_exec, a pidfd signal).
            self.accept({**lost_report("ended by the kernel's filter: the module's process started a process, signalled "
                                       "another one or changed its priority, CPU affinity or limits, where no audit event "
                                       "is raised (a fresh copy of fork_exec, a pidfd signal, os.setpriority, "
                                       "os.sched_setaffinity)"),
                         "kind": "process", "auditEvent": "seccomp"}, b"", once=False)

    def finish(self):
        """Every writer is gone: a last line without its end is the module's."""
        if self.pending:
            self.accept(None, self.pending)
            self.pending = b""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def close(self, seconds=0.5):
        """Read what is left (the server is gone: until the channel ends, at most ``seconds``) and drop the read end."""
        deadline = seconds
        while self.fd >= 0 and deadline > 0:
            self.drain()
            if self.fd >= 0 and not select.select([self.fd], [], [], 0.05)[0]:
                deadline -= 0.05
        if self.fd >= 0:
            self.drain()
            os.close(self.fd)
            self.fd = -1
