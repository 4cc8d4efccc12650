"""The record protocol between backsmith's sandboxed helpers and the host (stdlib only).

Every record is one JSON object on one line, written to fd 3 (stdout when fd 3 is not
open), and carries the run's secret in its ``secret`` field: the host draws a random secret
per run, puts it in the helper's CONFIG.json (``"secret"``), and rejects the whole run when
any record lacks it or carries another one ("results were forged or corrupted"). The host
also bounds each record (64 KiB, nesting depth 32) and the record count (20 000); anything
past those bounds is a finding, never a silent drop. A helper that hands module code a
process of its own should keep the secret (and this channel) out of that process.

A test runner's ``test`` records name the test by ``id``: pytest's node id
(``test_x.py::Class::test_y[param]``) or unittest's ``test.id()`` (``test_x.Class.test_y``);
the host maps both to ``test_x.py::Class::test_y`` and compares them with the tests it counted
in the files itself, so every test must report under one of those forms, once at least.
"""
import json
import os
import sys

RESULT_FD = 3


def _load_secret():
    """The run's secret from CONFIG.json (argv[1]); the file is removed so module code cannot read it."""
    if len(sys.argv) < 2:
        return ""
    try:
        with open(sys.argv[1], encoding="utf-8") as handle:
            secret = json.load(handle).get("secret", "")
    except (OSError, ValueError, AttributeError):
        return ""
    try:
        os.unlink(sys.argv[1])
    except OSError:
        pass
    return secret if isinstance(secret, str) else ""


def _make_sender(fd, secret):
    # The secret lives only in this closure, not in an attribute module code could list.
    def send(record):
        data = (json.dumps({**record, "secret": secret}, default=repr) + "\n").encode("utf-8", "replace")
        while data:
            try:
                written = os.write(fd, data)
            except InterruptedError:
                continue
            except OSError:
                return
            data = data[written:]
    return send


class Channel:
    """JSON lines to backsmith on fd 3 (stdout when fd 3 is not open), each with the run's secret."""

    def __init__(self, secret=None):
        try:
            os.fstat(RESULT_FD)
            os.set_inheritable(RESULT_FD, False)
            fd = RESULT_FD
        except OSError:
            fd = sys.__stdout__.fileno()
        self.fd = fd
        self.send = _make_sender(fd, _load_secret() if secret is None else secret)
