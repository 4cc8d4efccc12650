"""Runs one test file in a forked child next to the real module, the old way (stdlib only).

Used only for files the proxy cannot carry (see test_isolation). The child has no result
descriptor: it reports on a pipe, and the trusted parent relays only well-formed records
for tests it has not seen, marked ``inProcess`` (the module could have forged them).
"""
import json
import os
import select
import sys

import sandbox_guard

MAX_LINE = 64 * 1024
RELAYED = {"running", "test", "collect-error", "blocked"}
FIELDS = {"event", "id", "name", "file", "outcome", "message", "line", "seconds", "test", "kind",
          "auditEvent", "detail", "symbol", "inModule", "function", "context"}
OUTCOMES = {"passed", "failed", "error", "skipped"}


class PipeChannel:
    """The child's channel: JSON lines on a pipe to the parent."""

    def __init__(self, fd):
        self.fd = fd

    def send(self, record):
        """Write one record."""
        data = (json.dumps(record, default=repr) + "\n").encode("utf-8", "replace")
        try:
            while data:
                data = data[os.write(self.fd, data):]
        except OSError:
            pass


def clean_record(line):
    """The record on one line with only known fields and bounded values, or None."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or record.get("event") not in RELAYED:
        return None
    clean = {}
    for key in FIELDS & record.keys():
        value = record[key]
        if isinstance(value, str):
            clean[key] = value[:800]
        elif type(value) in (int, float, bool) or value is None:
            clean[key] = value
    return clean


def run_file(file_name, proxy_name, run_child, relay):
    """Fork a child that imports the real module and runs ``file_name`` via ``run_child(channel)``;
    hand each clean record to ``relay``."""
    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        keep = sorted({0, 1, 2, write_fd})
        for low, high in zip(keep, [*keep[1:], 65536]):
            os.closerange(low + 1, high)
        sys.modules.pop(proxy_name, None)
        sys.meta_path[:] = [finder for finder in sys.meta_path if not getattr(finder, "_bs_failed", False)]
        try:
            run_child(PipeChannel(write_fd))
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
    os.close(write_fd)
    pending = b""
    while True:
        select.select([read_fd], [], [])
        chunk = os.read(read_fd, 1 << 16)
        if not chunk:
            break
        pending += chunk
        *lines, pending = pending.split(b"\n")
        if len(pending) > MAX_LINE:
            pending = b""  # an over-long line: dropped
        for line in lines:
            record = clean_record(line[:MAX_LINE])
            if record is not None:
                relay(record)
    os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def guard_for(channel, config, module_file):
    """The audit guard of an in-process child."""
    guard = sandbox_guard.AuditGuard(channel, [config["workdir"], config["tmpdir"]], module_file)
    guard.install()
    return guard
