"""Makes one folder unreadable to this process and its children, in the kernel (stdlib only).

The module server calls ``hide`` before it imports the module: the acceptance tests' folder
becomes unreadable through any path, ctypes and libc included (Linux Landlock, 5.13+). Landlock
grants rights, so read rights are granted beneath every sibling of the folder and of each of its
parents; only listing those parents ("/", "/tmp", "/tmp/backsmith") is refused besides. Without
Landlock nothing changes, and the audit hook still blocks and reports such reads.
"""
import os
import stat
import struct

_CREATE_RULESET, _ADD_RULE, _RESTRICT_SELF = 444, 445, 446  # the same numbers on every architecture
_READ_FILE, _READ_DIR = 1 << 2, 1 << 3
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38
MAX_SIBLINGS = 5000


def hide(folder):
    """Whether ``folder`` is now unreadable to this process (False: no Landlock here, nothing changed)."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        parts = [part for part in os.path.realpath(folder).split("/") if part]
        levels = [("/" + "/".join(parts[:depth]), parts[depth]) for depth in range(len(parts))]
        if not parts or any(len(os.listdir(parent)) > MAX_SIBLINGS for parent, _ in levels):
            return False
    except (OSError, AttributeError, ImportError):
        return False
    attr = struct.pack("=Q", _READ_FILE | _READ_DIR)
    ruleset = libc.syscall(_CREATE_RULESET, attr, len(attr), 0)
    if ruleset < 0:
        return False
    try:
        for parent, kept in levels:
            for name in os.listdir(parent):
                if name != kept and not _grant(libc, ruleset, os.path.join(parent, name)):
                    return False
        libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        return libc.syscall(_RESTRICT_SELF, ruleset, 0) == 0
    except OSError:
        return False
    finally:
        os.close(ruleset)


def _grant(libc, ruleset, path):
    """Allow reading beneath ``path`` (a folder) or reading it (a file); a vanished entry is skipped."""
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return True
    try:
        rights = _READ_FILE | _READ_DIR if stat.S_ISDIR(os.fstat(fd).st_mode) else _READ_FILE
        return libc.syscall(_ADD_RULE, ruleset, _RULE_PATH_BENEATH, struct.pack("=Qi", rights, fd), 0) == 0
    finally:
        os.close(fd)
