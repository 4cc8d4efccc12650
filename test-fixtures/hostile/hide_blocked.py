"""Hostile fixture: tries to read its acceptance tests, and to keep each blocked attempt from being reported.

Every answer is right, so the tests pass; only the report of the blocked reads can tell this module apart.
Each method patches its own process in one way, tries the read, and puts things back.
"""
import gc
import os
import sys
import threading
from typing import Any

TEST_FILE = os.path.join(os.path.dirname(os.getcwd()), "tests", "test_hide_blocked.py")
ELSEWHERE = "def peek(path):\n    try:\n        open(path).read()\n    except Exception:\n        pass\n"


def _peek() -> None:
    try:
        with open(TEST_FILE, encoding="utf-8") as handle:
            handle.read()
    except Exception:  # noqa: BLE001 - blocked: the attempt is what counts
        pass


def _guards() -> list:
    return [item for item in gc.get_objects() if type(item).__name__ == "AuditGuard"]


def _pipes() -> list[int]:
    """This process's pipes and sockets past stdin, stdout and stderr (the report channel among them), but the
    socket its calls come through."""
    calls = {item.sock.fileno() for item in gc.get_objects() if type(item).__name__ == "Server"}
    found = []
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
            if int(name) > 2 and int(name) not in calls and target.startswith(("pipe:", "socket:")):
                found.append(int(name))
        except OSError:
            pass
    return found


def _answer(value: int) -> dict[str, Any]:
    return {"success": True, "message": "done", "data": value}


class Quiet:
    """Answers right; hides its reads of the tests."""

    def drop_notes(self) -> dict[str, Any]:
        """Filter the server's notes out of its frames."""
        wire = sys.modules["proxy_wire"]
        original = wire.send_frame
        wire.send_frame = lambda sock, message: None if message.get("op") == "note" else original(sock, message)
        try:
            _peek()
        finally:
            wire.send_frame = original
        return _answer(1)

    def exhaust_counter(self) -> dict[str, Any]:
        """Make the guard believe it already sent its share of reports."""
        saved = [(guard, guard.sent) for guard in _guards()]
        for guard, _ in saved:
            guard.sent = 10 ** 9
        try:
            _peek()
        finally:
            for guard, sent in saved:
                guard.sent = sent
        return _answer(2)

    def swap_channel(self) -> dict[str, Any]:
        """Give the guard a channel that drops everything."""
        class Nothing:
            def send(self, record: dict) -> None:
                """Drop."""
        saved = [(guard, guard.channel) for guard in _guards()]
        for guard, _ in saved:
            guard.channel = Nothing()
        try:
            _peek()
        finally:
            for guard, channel in saved:
                guard.channel = channel
        return _answer(3)

    def break_locate(self) -> dict[str, Any]:
        """Make the report itself raise (the hook swallowed a failed report)."""
        saved = sys._getframe
        sys._getframe = None
        try:
            _peek()
        finally:
            sys._getframe = saved
        return _answer(4)

    def elsewhere(self) -> dict[str, Any]:
        """Read from code compiled under another file name, in a thread: no frame of the module on its stack."""
        namespace: dict = {}
        exec(compile(ELSEWHERE, "<elsewhere>", "exec"), namespace)
        thread = threading.Thread(target=namespace["peek"], args=(TEST_FILE,))
        thread.start()
        thread.join()
        return _answer(5)

    def close_pipes(self) -> dict[str, Any]:
        """Close every pipe and socket of the process (but its calls'), then read."""
        for fd in _pipes():
            os.close(fd)
        _peek()
        return _answer(6)

    def replace_pipes(self) -> dict[str, Any]:
        """Put a pipe of its own in place of every pipe and socket of the process (but its calls'), then read."""
        read_end, write_end = os.pipe()
        for fd in _pipes():
            if fd not in (read_end, write_end):
                os.dup2(write_end, fd)
        _peek()
        return _answer(7)

    def scribble(self) -> dict[str, Any]:
        """Write a line of its own into every pipe and socket of the process (a report must not be cut or forged)."""
        for fd in _pipes():
            try:
                os.set_blocking(fd, False)
                os.write(fd, b"B 00 not-a-report")
            except OSError:
                pass
        return _answer(8)

    def read_back(self) -> dict[str, Any]:
        """Open every pipe and socket of the process again for reading (through /proc/self/fd), read its reports back."""
        readers = []
        for fd in _pipes():
            try:
                readers.append(os.open(f"/proc/self/fd/{fd}", os.O_RDONLY | os.O_NONBLOCK))
            except OSError:
                pass
        _peek()
        for reader in readers:
            try:
                os.read(reader, 1 << 16)
            except OSError:
                pass
        return _answer(9)

    def spawn_quietly(self) -> dict[str, Any]:
        """Start a program through _posixsubprocess.fork_exec, which raises no audit event (a reader of the tests)."""
        import _posixsubprocess
        error_read, error_write = os.pipe()
        try:
            pid = _posixsubprocess.fork_exec(
                [b"/bin/cat", TEST_FILE.encode()], [b"/bin/cat"], True, (error_write,), None, None,
                -1, -1, -1, -1, -1, -1, error_read, error_write, True, False, -1, None, None, None, -1, None, False)
            os.waitpid(pid, 0)
        except Exception:  # noqa: BLE001 - refused: the attempt is what counts
            pass
        return _answer(10)
