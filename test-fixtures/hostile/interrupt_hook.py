"""Hostile fixture, round five: gets past the audit hook's decision, or keeps its report from the trusted side.

Every answer is right, so the tests pass; only the sandbox's reports can tell this module apart. Each method tries
one way in and puts things back.
"""
import dis
import os
import signal
import threading
import shutil
import socket
import sys
from typing import Any

TESTS = os.path.join(os.path.dirname(os.getcwd()), "tests")


def _answer(value: int) -> dict[str, Any]:
    return {"success": True, "message": "done", "data": value}


class _Port(int):
    """A port whose repr raises: the hook described the blocked address with repr after its verdict."""

    def __repr__(self) -> str:
        raise KeyboardInterrupt


class _Raising:
    """A path that raises when the audit hook reads it (shutil.rmtree's event carries the object itself)."""

    def __init__(self, action: str) -> None:
        self.action = action

    def __fspath__(self) -> str:
        if self.action == "signal":
            os.kill(os.getpid(), signal.SIGUSR2)  # the module's handler raises at the next instruction: in the hook
            return "/usr"
        raise KeyboardInterrupt


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class Sneaky:
    """Answers right; gets past the hook or hides what it blocked."""

    def trace_jump(self) -> dict[str, Any]:
        """Let a trace function into the hook (its __cantrace__) and jump from its first line to its `return`."""
        hook = sys.modules["sandbox_guard"]._hook
        code = hook.__code__
        instructions = list(dis.get_instructions(code))
        returns = [item.positions.lineno for before, item in zip(instructions, instructions[1:])
                   if item.opname == "RETURN_VALUE" and before.opname == "LOAD_CONST" and before.argval is None]

        def tracer(frame: Any, event: str, arg: object) -> Any:
            if frame.f_code is code:
                if event == "line" and frame.f_lineno < returns[0]:
                    try:
                        frame.f_lineno = returns[0]
                    except ValueError:
                        pass
                return tracer
            return None

        hook.__cantrace__ = True
        ran = None
        try:
            try:
                sys.settrace(tracer)
            except PermissionError:
                pass
            ran = os.system("exit 7")  # runs unseen once the hook is skipped
        except PermissionError:
            pass
        finally:
            try:
                sys.settrace(None)
            except PermissionError:
                pass
            del hook.__cantrace__
        print(f"os.system answered {ran}")  # 1792 when the program ran
        return _answer(1)

    def raise_while_judging(self) -> dict[str, Any]:
        """Remove a folder outside with a path that raises when the hook reads it."""
        try:
            shutil.rmtree(_Raising("raise"))
        except BaseException:  # noqa: BLE001 - refused: the attempt is what counts
            pass
        return _answer(2)

    def signal_while_judging(self) -> dict[str, Any]:
        """The same, with the module's own signal handler raising inside the hook. Since round six the module's code
        runs off the main thread, where no handler can be installed (ValueError): nothing to raise with."""
        try:
            previous = signal.signal(signal.SIGUSR2, _interrupt)
        except ValueError:
            return _answer(3)
        try:
            shutil.rmtree(_Raising("signal"))
        except BaseException:  # noqa: BLE001
            pass
        finally:
            signal.signal(signal.SIGUSR2, previous)
        return _answer(3)

    def raise_in_repr(self) -> dict[str, Any]:
        """Connect with a port whose repr raises after the hook's verdict, before its report."""
        connection = socket.socket()
        try:
            connection.connect(("127.0.0.1", _Port(9)))
        except BaseException:  # noqa: BLE001
            pass
        finally:
            connection.close()
        return _answer(4)

    def forge_package(self) -> dict[str, Any]:
        """Ask for ctypes from code compiled under a package's file name (the quiet refusal, which was unreported)."""
        code = compile("import ctypes", "/usr/lib/python3/dist-packages/numpy/core/_internal.py", "exec")
        try:
            exec(code, {})
        except ImportError:
            pass
        return _answer(5)

    def warnings_flood(self) -> dict[str, Any]:
        """Fill the trusted side's share of reports with warnings (a package's refused ctypes, forged from 250 entry
        points compiled under the module's file name, each in a thread of its own), then read the tests."""
        forged = compile("import ctypes", "/usr/lib/python3/dist-packages/numpy/core/_internal.py", "exec")
        for index in range(250):
            namespace: dict[str, Any] = {"forged": forged}
            exec(compile(f"def entry_{index}():\n    try:\n        exec(forged, {{}})\n    except ImportError:\n"
                         "        pass\n", __file__, "exec"), namespace)
            worker = threading.Thread(target=namespace[f"entry_{index}"])
            worker.start()
            worker.join()
        try:
            os.listdir(TESTS)
        except PermissionError:
            pass
        return _answer(6)

