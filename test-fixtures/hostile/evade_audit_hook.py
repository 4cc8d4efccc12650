"""Hostile fixture: tries every known way around backsmith's audit hook, on the host.

Arguments: the folder holding sandbox_guard.py, the allowed folder, a folder outside it.
Installs the guard as the harness does, then attempts writes outside through dir_fd, sqlite3,
links, /proc/self/fd, shutil, and tries to switch the guard off (frames, gc, module globals,
builtins, replacing code). Prints one line: RESULTS followed by JSON {attempt: outcome}.
"""
import builtins
import dis
import gc
import json
import os
import shutil
import sqlite3
import sys

GUARD_DIR, INSIDE, OUTSIDE = sys.argv[1:4]
sys.path.insert(0, GUARD_DIR)
import sandbox_guard  # noqa: E402


class Quiet:
    """A channel that drops records."""

    def send(self, record):
        """Drop."""


results = {}
results["policy reads no globals"] = "yes" if all(
    not [i for i in dis.get_instructions(f) if i.opname in ("LOAD_GLOBAL", "LOAD_NAME")]
    for f in sandbox_guard.POLICY_FUNCTIONS) else "no"
os.chdir(INSIDE)
sandbox_guard.AuditGuard(Quiet(), [INSIDE], os.path.join(INSIDE, "module.py")).install()


def attempt(label, action):
    try:
        action()
        results[label] = "allowed"
    except PermissionError:
        results[label] = "blocked"
    except Exception as error:  # noqa: BLE001 - any other failure also means it did not happen
        results[label] = type(error).__name__


out = os.open(OUTSIDE, os.O_RDONLY)
attempt("os.open with dir_fd", lambda: os.close(os.open("appended", os.O_WRONLY | os.O_APPEND | os.O_CREAT, dir_fd=out)))
attempt("os.mkdir with dir_fd", lambda: os.mkdir("made", dir_fd=out))
os.close(out)
attempt("a relative write with no folder open outside", lambda: open("fine.txt", "w").close())
attempt("sqlite3.connect", lambda: sqlite3.connect(os.path.join(OUTSIDE, "db.sqlite")))
attempt("sqlite3.connect uri", lambda: sqlite3.connect("file:" + os.path.join(OUTSIDE, "db2.sqlite") + "?mode=rwc", uri=True))
attempt("os.link", lambda: os.link(os.path.join(OUTSIDE, "existing"), "hardlink"))
attempt("write through a symlink", lambda: (os.symlink(os.path.join(OUTSIDE, "via-link"), "link"), open("link", "w")))
reader = os.open(os.path.join(OUTSIDE, "existing"), os.O_RDONLY)
attempt("reopen /proc/self/fd/N", lambda: open(f"/proc/self/fd/{reader}", "a"))
attempt("shutil.copy", lambda: shutil.copy(__file__, os.path.join(OUTSIDE, "copied")))
attempt("os.replace", lambda: (open("moving", "w").close(), os.replace("moving", os.path.join(OUTSIDE, "moved"))))


def switch_off():
    """Flip every flag and attribute a guard could hide behind, then write outside."""
    frame = sys._getframe()
    while frame is not None:
        for value in list(frame.f_locals.values()):
            for name in ("_busy", "busy", "active", "enabled"):
                if hasattr(value, name):
                    setattr(value, name, not getattr(value, name))
        frame = frame.f_back
    for value in gc.get_objects():
        if isinstance(value, sandbox_guard.AuditGuard):
            value.roots = ("/",)
    sandbox_guard.PATH_EVENTS.clear()
    sandbox_guard.WRITE_FLAGS = 0
    os.path.realpath = lambda path: os.path.join(INSIDE, "x")
    builtins.isinstance = lambda *args: False
    with open(os.path.join(OUTSIDE, "after-switch-off"), "w") as handle:
        handle.write("x")


attempt("switch the guard off, then write", switch_off)
def empty_the_policy_tables():
    """Empty every mutable table the installed hook holds (a dict behind a MappingProxyType was one: gc.get_referents
    hands it out), then make a folder outside."""
    import types
    for value in gc.get_objects():
        if type(value) is types.MethodType and getattr(value.__func__, "__name__", "") == "_hook":
            pending = [value.__self__]
            for _ in range(10000):
                if not pending:
                    break
                item = pending.pop()
                if type(item) is dict:
                    for key in list(item):
                        item[key] = ()
                pending.extend(part for part in gc.get_referents(item) if type(part) in (tuple, dict, types.MappingProxyType))
    os.mkdir(os.path.join(OUTSIDE, "after-emptying"))


attempt("empty the policy's tables, then make a folder", empty_the_policy_tables)
attempt("replace the policy's code", lambda: setattr(sandbox_guard._judge, "__code__", (lambda *a: None).__code__))
attempt("replace the hook's code", lambda: setattr(sandbox_guard._hook, "__code__", (lambda *a: None).__code__))
results["files outside"] = sorted(os.listdir(OUTSIDE))
print("RESULTS " + json.dumps(results), flush=True)
